// A git-ai note whose first line is an entry, or whose JSON ends in NBSP and NEL (session 28, e;
// README threat-model row 340): git-ai's blame trims a note's Unicode whitespace at both ends
// before reading it (Rust's `str::trim`), so it reads both notes; aitrail refused them whole
// (`entry-without-file`, `bad-json`), so `check` passed the denied Qwen lines their other entries
// name and `blame` called them a person's. Real repository, notes written with
// `git notes --ref=ai add -F` (whose cleanup keeps the entry line and the NBSP and NEL), through the CLI.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo } from '../helpers/gitdir.js';

const POLICY = 'policy:\n  allow: ["*"]\n  deny: ["qwen/*"]\n  undeclared: allow\n';

describe('a git-ai note read after git-ai’s trim', () => {
  it('row 340: an entry before any file line, and JSON ending in NBSP and NEL; Qwen’s lines fail check and count in blame', () => {
    const repo = makeRepo();
    repo.commit('policy', { '.aitrailrc.yml': POLICY, 'app.ts': 'app\n' });
    repo.git(['checkout', '-q', '-b', 'feature']);
    const first = repo.commit('x', { 'src/x.ts': 'a\nb\nc\nd\ne\n' });
    addNote(repo, first, `\n  ${session(NOTE_KEYS.claude, '1-5')}\n${gitAiNote({ 'src/x.ts': [session(NOTE_KEYS.qwen, '1-4'), session(NOTE_KEYS.claude, '5')] })}`);
    const second = repo.commit('y', { 'src/y.ts': 'a\nb\nc\nd\ne\n' });
    addNote(repo, second, `${gitAiNote({ 'src/y.ts': [session(NOTE_KEYS.qwen, '1-4'), session(NOTE_KEYS.claude, '5')] }).trimEnd()}\u00a0\n\u0085\n`);
    // What git's note cleanup keeps: the entry line first (the blank line before it dropped), NBSP and NEL.
    expect(repo.git(['notes', '--ref', 'ai', 'show', first], { raw: true })).toMatch(/^ {2}s_0c9883b05a2487::t_9f8e7d6c5b4a32 1-5\nsrc\/x\.ts\n/);
    expect(repo.git(['notes', '--ref', 'ai', 'show', second], { raw: true })).toMatch(/\}\u00a0\n\u0085\n?$/);

    const check = aitrail(repo.dir, ['check', 'main..feature', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    expect(check.stderr).not.toMatch(/malformed/);
    const violations = JSON.parse(check.stdout).violations;
    expect(violations).toEqual(
      expect.arrayContaining([expect.objectContaining({ sha: first, model: 'qwen/qwen3-coder' }), expect.objectContaining({ sha: second, model: 'qwen/qwen3-coder' })]),
    );

    const blame = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
    expect(blame.code, blame.stderr).toBe(0);
    expect(blame.stderr).not.toMatch(/malformed/);
    const files = JSON.parse(blame.stdout).files as { path: string }[];
    for (const path of ['src/x.ts', 'src/y.ts']) {
      expect(files.find((entry) => entry.path === path)).toMatchObject({ lines: 5, ai: 5, human: 0, byModel: { 'qwen/qwen3-coder': 4, 'anthropic/claude-opus-4.6': 1 } });
    }
  });
});

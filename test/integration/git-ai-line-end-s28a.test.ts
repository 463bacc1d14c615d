// A git-ai note line ending in NEL (U+0085) (session 28, a; README threat-model row 333): git-ai
// trims each line with Rust's `str::trim_end`, NEL included, so the note is read; aitrail kept the
// NEL in the ranges and refused the whole note, so `check` passed the denied Qwen lines its other
// entry names. Real repository, note written with `git notes --ref=ai add`, through the CLI.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo } from '../helpers/gitdir.js';

describe('a git-ai note line ending in NEL', () => {
  it('row 333: `5<NEL>` reads as line 5; Qwen’s lines 1-4 fail check', () => {
    const repo = makeRepo();
    repo.commit('policy', { '.aitrailrc.yml': 'policy:\n  allow: ["*"]\n  deny: ["qwen/*"]\n  undeclared: allow\n', 'app.ts': 'app\n' });
    repo.git(['checkout', '-q', '-b', 'feature']);
    const sha = repo.commit('x', { 'src/x.ts': 'a\nb\nc\nd\ne\n' });
    addNote(repo, sha, gitAiNote({ 'src/x.ts': [session(NOTE_KEYS.qwen, '1-4'), session(NOTE_KEYS.claude, '5\u0085')] }));
    expect(repo.git(['notes', '--ref', 'ai', 'show', sha])).toContain('5\u0085');

    const check = aitrail(repo.dir, ['check', 'main..feature', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    expect(check.stderr).not.toMatch(/malformed/);
    expect(JSON.parse(check.stdout).violations).toEqual([expect.objectContaining({ sha, model: 'qwen/qwen3-coder' })]);
  });
});

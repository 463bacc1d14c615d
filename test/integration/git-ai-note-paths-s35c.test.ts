// A git-ai note on a file whose name holds a control character, NEL or U+2028, carried through a
// rebase by aitrail's post-rewrite (session 35, c). git-ai splits a note at LF only (Rust's
// `lines()`) and writes such a path raw, so its rewrite keeps the file's lines; aitrail's carry
// left the file out of the note it wrote (its writer refused the path), so after the rebase the
// lines were no one's: blame called Qwen's lines a person's, and `check` passed them under a path
// rule. Real repository with aitrail's hooks, a real `git rebase`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAuthorshipLog } from '../../src/core/notes/parse-authorship-log.js';
import { claudeCode } from '../fixtures/agent-payloads.js';
import { checkpoint } from '../helpers/checkpoint.js';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';
import { gitRun } from '../helpers/hooks.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

const POLICY = 'policy: {allow: ["*"], undeclared: allow, paths: [{files: ["src/**"], deny: ["qwen/*"]}]}\n';

describe('a noted file whose name holds a control character, NEL or U+2028, rebased (s35c)', () => {
  it.each([['U+2028', 'src/a\u2028b.ts'], ['NEL', 'src/a\u0085b.ts'], ['a control character', 'src/a\u0001b.ts']])('%s: the rebased note keeps Qwen’s lines', (_name, path) => {
    const { repo, env } = hookedRepo();
    const quiet = { ...env, AITRAIL: '0' };
    repo.commit('base', { '.aitrailrc.yml': POLICY, [path]: 'h\n' }, quiet);
    repo.git(['checkout', '-q', '-b', 'feature']);
    const sha = repo.commit('x', { [path]: 'h\na\nb\nc\nd\ne\n' }, quiet);
    // As git-ai writes it: the path raw (it quotes only a space, a tab or a line feed).
    addNote(repo, sha, gitAiNote({ [path]: [session(NOTE_KEYS.qwen, '2-5')] }));
    repo.git(['checkout', '-q', 'main']);
    repo.commit('top', { [path]: 'top\nh\n' }, quiet);
    repo.git(['checkout', '-q', 'feature']);
    const rebase = tryGit(repo.dir, ['rebase', '-q', 'main'], { env });
    expect(rebase.code, rebase.stderr).toBe(0);

    const note = repo.git(['notes', '--ref=ai', 'show', 'HEAD'], { raw: true });
    expect(note).toContain(` 3-6\n`);
    const blame = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
    expect(blame.code, blame.stderr).toBe(0);
    const file = JSON.parse(blame.stdout).files.find((each: { path: string }) => each.path === path);
    expect(file, note).toMatchObject({ lines: 7, byModel: { 'qwen/qwen3-coder': 4 } });
    const check = aitrail(repo.dir, ['check', 'main..feature', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    expect(JSON.parse(check.stdout).violations).toEqual([expect.objectContaining({ severity: 'error', model: 'qwen/qwen3-coder', path })]);
  });
});

describe('an agent’s checkpointed edit of a file whose name holds a control character (s35c)', () => {
  it('post-commit notes its lines under the path as git-ai would', () => {
    const path = 'src/a\u0001b.ts';
    const repo = makeRepo();
    repo.commit('base', { [path]: 'alpha\nbravo\ncharlie\n' });
    expect(aitrail(repo.dir, ['init', '--mode', 'git']).code).toBe(0);
    const transcript = join(tempDir('aitrail-transcript-'), 'session.jsonl');
    writeFileSync(transcript, claudeCode.transcript(claudeCode.model));
    const edit = { file: join(repo.dir, path), relative: path, cwd: repo.dir, old: 'bravo', replacement: 'bravo\nx1\nx2', transcript };
    for (const [payload, after] of [[claudeCode.pre(edit), () => repo.write(path, 'alpha\nbravo\nx1\nx2\ncharlie\n')], [claudeCode.post(edit), () => {}]] as const) {
      const result = checkpoint(repo.dir, 'claude-code', payload);
      expect(result.status).toBe(0);
      expect(result.stderr).toBe('');
      after();
    }
    const commit = gitRun(repo.dir, ['commit', '-qam', 'x lines']);
    expect(commit.status, commit.stderr).toBe(0);
    const parsed = parseAuthorshipLog(repo.git(['notes', '--ref=ai', 'show', 'HEAD'], { raw: true }));
    expect(parsed.ok && [...parsed.log.files].map(([file, entries]) => [file, entries.map((entry) => entry.ranges)])).toEqual([[path, [[3, 4]]]]);
  });
});

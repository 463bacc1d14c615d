import { afterAll, describe, expect, it } from 'vitest';
import { CRYPTO_PATH_POLICY, QWEN, QWEN_KEY, committed, policyServer, project, tryGit, type Project } from '../helpers/enforce-repos.js';
import { removeTempDirs } from '../helpers/gitdir.js';

afterAll(removeTempDirs);

/**
 * One push of two refs that both gain Qwen's commit, judged in two groups of other boundaries: `b`
 * (already on the server at a person's commit of its own, so judged on `old..new`) and a new `a`
 * (judged against main). Qwen writes lib/key.ts (allowed there); on `a` a person copies its first
 * line into src/crypto/a.ts, on `b` (which merges `a`) two more into src/crypto/b.ts: the same
 * finding (Qwen's commit, path-model-denied, src/crypto/a.ts first) in each group, in other words
 * (1 line and a.ts; 3 lines and both files). The push of both, with `verify` (the pre-push hook).
 */
function sharedQwenCommit({ work }: Project, verify: boolean): { qwen: string; push: ReturnType<typeof tryGit> } {
  work.git(['checkout', '-q', '-b', 'b', 'main']);
  committed(work, 'chore: w\n', { 'w.ts': 'export const w = 1;\n' });
  expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'b']).code).toBe(0);
  work.git(['checkout', '-q', '-b', 'a', 'main']);
  const lines = QWEN_KEY.split('\n');
  const qwen = committed(work, `feat: key\n\n${QWEN}\n`, { 'lib/key.ts': QWEN_KEY });
  committed(work, 'chore: a\n', { 'src/crypto/a.ts': `${lines[0]}\n` });
  work.git(['checkout', '-q', 'b']);
  work.git(['merge', '-q', '--no-edit', 'a']);
  committed(work, 'chore: b\n', { 'src/crypto/b.ts': `${lines[1]}\n${lines[2]}\n` });
  const push = tryGit(work.dir, ['push', ...(verify ? [] : ['--no-verify']), 'origin', 'a', 'b']);
  return { qwen, push };
}

/** One refusal of Qwen's commit, in the words naming both files, counted once among the 4 commits the push brings. */
function expectOneFinding(stderr: string, qwen: string): void {
  const blocks = stderr.split(/\n(?:remote: )?\n/).filter((block) => block.includes(`error   ${qwen.slice(0, 12)} `));
  expect(blocks, stderr).toHaveLength(1);
  expect(blocks[0]).toContain('files: src/crypto/a.ts, src/crypto/b.ts');
  expect(blocks[0]).toContain('3 lines written by model qwen/qwen3-coder');
  expect(stderr).toContain('aitrail: 1 error, 0 warnings in 1 of 4 commits.');
}

describe('698: a finding two groups of a push report is one violation', () => {
  it("pre-receive: Qwen's commit gained by two refs of other boundaries is refused once, with the words naming more files, among 4 commits (not 2 errors in 1 of 6)", () => {
    const server = policyServer(CRYPTO_PATH_POLICY);
    const { qwen, push } = sharedQwenCommit(server, false);
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain('push rejected by the server');
    expectOneFinding(push.stderr, qwen);
    expect(server.remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/a'])).toBe('');
  });

  it('pre-push: the same push refused once by the hook, among 4 commits', () => {
    const made = project(CRYPTO_PATH_POLICY, { hooks: ['pre-push'] });
    const { qwen, push } = sharedQwenCommit(made, true);
    expect(push.code, push.stderr).not.toBe(0);
    expectOneFinding(push.stderr, qwen);
    expect(made.remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/a'])).toBe('');
  });
});

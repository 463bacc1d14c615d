// pre-applypatch's shim starts no node for a person's `git am --continue` whose message applypatch-msg
// already passed (its copy, rebase-apply/aitrail-judged). What applypatch-msg judged is only the message
// and the agent variables of that moment: an `aitrail use` session set since (the model a person
// declares for the commits of this worktree) must still be judged. Real repositories, the hooks of the
// real `aitrail init`, patches by the real `git format-patch`, the real `git am`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { laterThanNow, type TestRepo } from '../helpers/gitdir.js';
import { deniesQwen, patchOf } from '../helpers/git-am.js';

/** A person's `git am` of a signed-off patch stopped on a conflict: applypatch-msg's node passed its message (and left its copy). */
function stoppedSignedOff(repo: TestRepo, env: NodeJS.ProcessEnv): string {
  const setUp = { ...env, AITRAIL: '0' };
  repo.commit('chore: a\n', { 'a.txt': 'a\n' }, setUp);
  const patch = patchOf(repo, env, { 'a.txt': 'b\n' }, 'feat: a is b\n\nSigned-off-by: Pat <pat@example.com>\n');
  repo.commit('chore: a is x\n', { 'a.txt': 'x\n' }, setUp);
  const head = repo.git(['rev-parse', 'HEAD']);
  const stopped = tryGit(repo.dir, ['am', '-q', patch], { env: { ...env, GIT_COMMITTER_DATE: laterThanNow(), GIT_AUTHOR_DATE: laterThanNow() } });
  expect(stopped.code, stopped.stderr).not.toBe(0);
  expect(existsSync(join(repo.dir, '.git/rebase-apply/aitrail-judged'))).toBe(true);
  return head;
}

describe("pre-applypatch: applypatch-msg's copy of the message it passed", () => {
  it('an `aitrail use` session declaring Qwen, set after the stop, is judged at `git am --continue` (deny qwen refuses it)', () => {
    const { repo, env } = deniesQwen();
    const head = stoppedSignedOff(repo, env);
    expect(aitrail(repo.dir, ['use', 'qwen3-coder', '--agent', 'qwen-code', '--for', '1h'], { env }).code).toBe(0);
    writeFileSync(join(repo.dir, 'a.txt'), 'b\n');
    repo.git(['add', 'a.txt'], { env });
    const resumed = tryGit(repo.dir, ['am', '--continue'], { env: { ...env, GIT_COMMITTER_DATE: laterThanNow(), GIT_AUTHOR_DATE: laterThanNow() } });
    // Before: exit 0, the commit in with no Assisted-by: (the shim read the copy and started no node).
    expect(resumed.code, resumed.stderr).toBe(1);
    expect(resumed.stderr).toContain('qwen/qwen3-coder');
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
  });

  it('Qwen Code planting the copy (final-commit copied over rebase-apply/aitrail-judged) is judged all the same at `git am --continue`', () => {
    const { repo, env } = deniesQwen();
    const head = stoppedSignedOff(repo, env);
    const state = join(repo.dir, '.git/rebase-apply');
    writeFileSync(join(state, 'aitrail-judged'), readFileSync(join(state, 'final-commit')));
    const qwen = { ...env, QWEN_CODE: '1', OPENAI_MODEL: 'qwen3-coder' };
    writeFileSync(join(repo.dir, 'a.txt'), 'b\n');
    repo.git(['add', 'a.txt'], { env: qwen });
    const resumed = tryGit(repo.dir, ['am', '--continue'], { env: qwen });
    expect(resumed.code, resumed.stderr).toBe(1);
    expect(resumed.stderr).toContain('qwen/qwen3-coder');
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
  });

  it("a person's own `git am --continue` of the signed-off patch, no session, still starts no node", () => {
    const { repo, env, started } = deniesQwen();
    stoppedSignedOff(repo, env);
    writeFileSync(join(repo.dir, 'a.txt'), 'b\n');
    repo.git(['add', 'a.txt'], { env });
    writeFileSync(started, '');
    const resumed = tryGit(repo.dir, ['am', '--continue'], { env: { ...env, GIT_COMMITTER_DATE: laterThanNow(), GIT_AUTHOR_DATE: laterThanNow() } });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(readFileSync(started, 'utf8')).toBe('');
  });
});

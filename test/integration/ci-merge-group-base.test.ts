import { describe, expect, it } from 'vitest';
import { checkout, origin, runAction } from '../helpers/github-action.js';

/**
 * scripts/action.sh on a merge queue into a branch other than the default one: judged by what the
 * queue's target branch lacks (merge_group.base_ref), by the default branch's policy. It judged
 * what main lacks: every commit of the release branch, so a person's fix queued into a release
 * branch that carries an older Qwen backport was refused (a false red), while Qwen's own queued
 * commit must still be refused.
 */
const QWEN = 'Assisted-by: qwen-code:qwen/qwen3-coder';
const REPOSITORY = { default_branch: 'main' };

describe('the GitHub Action on a merge queue into a release branch', () => {
  it("judges what release lacks: a person's fix passes beside an older Qwen commit of release; Qwen's queued commit is refused", () => {
    const w = origin();
    // release/1.x: main plus a backport Qwen wrote, already on the branch (pushed past the hooks).
    w.dev.git(['checkout', '-q', '-b', 'release/1.x', w.main]);
    const backport = w.dev.commit(`fix: backport\n\n${QWEN}\n`, { 'src/backport.js': 'b\n' });
    w.dev.git(['push', '-q', '--no-verify', 'origin', 'release/1.x']);

    const queue = (message: string, file: string) => {
      w.dev.git(['checkout', '-q', '-B', 'fix', backport]);
      const head = w.dev.commit(message, { [file]: 'x\n' });
      w.dev.git(['checkout', '-q', '--detach', backport]);
      w.dev.git(['merge', '-q', '--no-ff', '--no-verify', '-m', 'Merge pull request #2', head]);
      const group = w.dev.git(['rev-parse', 'HEAD']);
      const queueRef = `refs/heads/gh-readonly-queue/release/1.x/pr-2-${backport}`;
      w.dev.git(['push', '-q', '--force', 'origin', `${group}:${queueRef}`]);
      return runAction(checkout(w, 'heads/queue', group), {
        name: 'merge_group',
        ref: queueRef,
        sha: group,
        payload: { merge_group: { head_sha: group, head_ref: queueRef, base_sha: backport, base_ref: 'refs/heads/release/1.x' }, repository: REPOSITORY },
      });
    };

    const person = queue('fix: by hand\n', 'src/fix.js');
    expect(person.status, person.stdout + person.stderr).toBe(0);
    expect(person.stdout).toMatch(/aitrail: 2 commits checked, 0 errors/);

    const qwen = queue(`feat: qwen\n\n${QWEN}\n`, 'src/qwen.js');
    expect(qwen.status, qwen.stdout + qwen.stderr).toBe(1);
    expect(qwen.stdout).toMatch(/^::error .*model-denied/m);
  });
});

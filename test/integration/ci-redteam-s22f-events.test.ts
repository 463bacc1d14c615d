import { describe, expect, it } from 'vitest';
import { checkout, origin, runAction } from '../helpers/github-action.js';

/**
 * scripts/action.sh on the clones and events CI makes beyond a plain pull request and push
 * (merge queue, a tag, workflow_dispatch, pull_request_target, a force push to the default
 * branch): Qwen's commit, denied on main, never passes.
 */
const QWEN = 'Assisted-by: qwen-code:qwen/qwen3-coder';
const REPOSITORY = { default_branch: 'main' };

/** origin with main, and `feature` = main + Qwen's commit, pushed. */
function world() {
  const w = origin();
  w.dev.git(['checkout', '-q', '-b', 'feature', w.main]);
  const qwen = w.dev.commit(`feat: qwen\n\n${QWEN}\n`, { 'src/qwen.js': 'q\n' });
  w.dev.git(['push', '-q', 'origin', 'feature']);
  return { ...w, qwen };
}

describe('the GitHub Action script on the events CI makes', () => {
  it('merge queue: a merge_group commit (first parent main) and its push to gh-readonly-queue/main/pr-1-<sha>', () => {
    const w = world();
    w.dev.git(['checkout', '-q', '--detach', w.main]);
    w.dev.git(['merge', '-q', '--no-ff', '--no-verify', '-m', 'Merge pull request #1', w.qwen]);
    const group = w.dev.git(['rev-parse', 'HEAD']);
    const queueRef = `refs/heads/gh-readonly-queue/main/pr-1-${w.main}`;
    w.dev.git(['push', '-q', 'origin', `${group}:${queueRef}`]);
    const mergeGroup = runAction(checkout(w, 'heads/queue', group), { name: 'merge_group', ref: queueRef, sha: group, payload: { merge_group: { head_sha: group, head_ref: queueRef, base_sha: w.main, base_ref: 'refs/heads/main' }, repository: REPOSITORY } });
    expect(mergeGroup.status).toBe(1);
    expect(mergeGroup.stdout).toMatch(/^::error .*model-denied/m);
    const push = runAction(checkout(w, 'heads/queue', group), { name: 'push', ref: queueRef, sha: group, payload: { before: '0'.repeat(40), after: group, ref: queueRef, created: true, repository: REPOSITORY } });
    expect(push.status).toBe(1);
  });

  it("a tag pushed at Qwen's commit, and workflow_dispatch on its branch", () => {
    const w = world();
    w.dev.git(['tag', '-a', '-m', 'v1', 'v1', w.qwen]);
    w.dev.git(['push', '-q', 'origin', 'v1']);
    const tag = runAction(checkout(w, 'tags/v1', w.qwen), { name: 'push', ref: 'refs/tags/v1', sha: w.qwen, payload: { before: '0'.repeat(40), after: w.dev.git(['rev-parse', 'v1']), ref: 'refs/tags/v1', created: true, repository: REPOSITORY } });
    expect(tag.status).toBe(1);
    const dispatch = runAction(checkout(w, 'heads/feature', w.qwen), { name: 'workflow_dispatch', ref: 'refs/heads/feature', sha: w.qwen, payload: { ref: 'refs/heads/feature', inputs: {}, repository: REPOSITORY } });
    expect(dispatch.status).toBe(1);
  });

  it("pull_request_target (the checkout is the base branch; the head is never fetched): not a pass", () => {
    const w = world();
    const run = runAction(checkout(w, 'heads/main', w.main), { name: 'pull_request_target', ref: 'refs/heads/main', sha: w.main, baseRef: 'main', headRef: 'feature', payload: { number: 1, pull_request: { number: 1, head: { sha: w.qwen, ref: 'feature' }, base: { ref: 'main' } }, repository: REPOSITORY } });
    expect(run.status).not.toBe(0);
  });

  it('a force push to main that leaves the event\'s before unreachable: refused, never an empty range', () => {
    const w = world();
    w.dev.git(['checkout', '-q', 'main']);
    const before = w.dev.commit('chore: main moves\n', { 'src/app.js': 'one\ntwo\nthree\n' });
    w.dev.git(['push', '-q', 'origin', 'main']);
    w.dev.git(['push', '-q', '--force', 'origin', `${w.qwen}:refs/heads/main`]);
    w.origin.git(['reflog', 'expire', '--expire=now', '--all']);
    w.origin.git(['gc', '-q', '--prune=now']);
    const run = runAction(checkout(w, 'heads/main', w.qwen), { name: 'push', ref: 'refs/heads/main', sha: w.qwen, payload: { before, after: w.qwen, forced: true, ref: 'refs/heads/main', repository: REPOSITORY } });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/the commit before this push .* is unknown/);
  });
});

// Review, session 49 helper m (row s49m-3): the GitHub Action on `pull_request_target` with
// actions/checkout's default checkout (the base branch's tip: the pull request's head is not in the
// clone). It said only "aitrail check could not judge the commits (exit 3): see the job log", the log
// a git error about an unknown revision; it now says, in one line, what to check out. Replayed with
// scripts/action.sh as GitHub runs it (test/helpers/github-action.ts runAction) on a real bare origin.
// This test failed before its fix (scripts/action.sh: the head's presence asked before judging).
import { describe, expect, it } from 'vitest';
import { checkout, origin, pullRequest, runAction, targetEvent } from '../helpers/github-action.js';

describe('the Action on pull_request_target without the head commit (row s49m-3)', () => {
  it('fails naming the fix (check out the pull request head), not only "could not judge"', () => {
    const world = origin();
    const { head } = pullRequest(world, [{ message: 'feat: x\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', files: { 'src/x.js': 'x\n' } }]);
    // actions/checkout on pull_request_target, no `ref:`: the base branch's tip, depth 1.
    const runner = checkout(world, 'origin/main', world.main);
    const run = runAction(runner, targetEvent('pull_request_target', world, head));
    expect(run.status, run.stdout + run.stderr).toBe(2);
    const error = run.stdout.split('\n').filter((line) => line.startsWith('::error '));
    expect(error).toHaveLength(1);
    expect(error[0]).toContain(head);
    expect(error[0]).toContain('ref: ${{ github.event.pull_request.head.sha }}');
    expect(run.summary).toContain('github.event.pull_request.head.sha');
    expect(run.summary).not.toContain('could not judge');
  }, 60_000);
});

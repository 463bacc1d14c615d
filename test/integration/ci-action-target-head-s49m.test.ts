// Review, session 49 helper m (row 929): the GitHub Action on `pull_request_target` with
// actions/checkout's default checkout (the base branch's tip: the pull request's head is not in the
// clone). It said only "aitrail check could not judge the commits (exit 3): see the job log", the log
// a git error about an unknown revision; it now says, in one line, what to check out. Replayed with
// scripts/action.sh as GitHub runs it (test/helpers/github-action.ts runAction) on a real bare origin.
// This test failed before its fix (scripts/action.sh: the head's presence asked before judging).
import { describe, it } from 'vitest';
import { expectHeadMissing } from '../helpers/github-action.js';

describe('the Action on pull_request_target without the head commit (row 929)', () => {
  it('fails naming the fix (check out the pull request head), not only "could not judge"', () => {
    // actions/checkout on pull_request_target, no `ref:`: the base branch's tip, depth 1.
    expectHeadMissing('pull_request_target');
  }, 60_000);
});

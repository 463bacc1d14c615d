// Row 934 (review of row 929, session 49 helper u): the Action's error for a pull request's head missing from
// the clone said "<event> checks out the base branch", untrue on pull_request, whose actions/checkout default is the
// merge commit (the head is in the clone); a workflow whose checkout names the base (`ref: main`) lacks it there too.
// Replayed with scripts/action.sh as GitHub runs it (test/helpers/github-action.ts runAction), a real bare origin.
// Fails without the fix (the error's text).
import { describe, expect, it } from 'vitest';
import { expectHeadMissing } from '../helpers/github-action.js';

describe("the Action's error for a pull request head not in the clone (row 934)", () => {
  it('on pull_request with the base checked out: the fix, without saying the event checks out the base', () => {
    const error = expectHeadMissing('pull_request');
    expect(error).not.toMatch(/pull_request checks out the base branch/);
    expect(error).toContain('on pull_request_target, by default, the base branch');
  }, 60_000);
});

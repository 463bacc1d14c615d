import { describe, expect, test } from 'vitest';
import { hookOptions } from '../../src/hooks/hook-options.js';

describe('hookOptions: aitrail hook [--quiet] <name> [--quiet] [git arguments]', () => {
  test.each([
    [['commit-msg', '.git/COMMIT_EDITMSG'], false, ['commit-msg', '.git/COMMIT_EDITMSG']],
    [['--quiet', 'commit-msg', '.git/COMMIT_EDITMSG'], true, ['commit-msg', '.git/COMMIT_EDITMSG']],
    [['-q', 'pre-push', 'origin', 'url'], true, ['pre-push', 'origin', 'url']],
    [['commit-msg', '--quiet', '.git/COMMIT_EDITMSG'], true, ['commit-msg', '.git/COMMIT_EDITMSG']],
    [['pre-push', '--quiet', 'origin', 'url'], true, ['pre-push', 'origin', 'url']],
    // git names the remote: a remote called --quiet is git's argument, not ours.
    [['pre-push', '--quiet', '/srv/repo.git'], false, ['pre-push', '--quiet', '/srv/repo.git']],
    [['pre-push', '--quiet', '--quiet', '/srv/repo.git'], true, ['pre-push', '--quiet', '/srv/repo.git']],
    [['prepare-commit-msg', '--quiet', '.git/COMMIT_EDITMSG'], true, ['prepare-commit-msg', '.git/COMMIT_EDITMSG']],
    [['prepare-commit-msg', '--quiet', '.git/COMMIT_EDITMSG', 'commit', 'abc'], true, ['prepare-commit-msg', '.git/COMMIT_EDITMSG', 'commit', 'abc']],
    [['prepare-commit-msg', '--quiet', 'message'], false, ['prepare-commit-msg', '--quiet', 'message']],
    [['post-commit', '--quiet'], true, ['post-commit']],
    [['post-rewrite', '--quiet', 'amend'], true, ['post-rewrite', 'amend']],
    [['post-rewrite', '--quiet'], false, ['post-rewrite', '--quiet']],
    [['no-such-hook', '--quiet'], false, ['no-such-hook', '--quiet']],
    [['--quiet'], true, []],
  ])('%j', (argv, quiet, rest) => {
    expect(hookOptions(argv)).toEqual({ quiet, argv: rest });
  });
});

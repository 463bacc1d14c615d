import { describe, expect, it } from 'vitest';
import { commitCleanupOption } from '../../src/core/commit-cleanup-option.js';

describe('commitCleanupOption', () => {
  it('reads the last --cleanup as parse-options does', () => {
    expect(commitCleanupOption(['git', 'commit', '--cleanup=strip', '-m', 'x'])).toBe('strip');
    expect(commitCleanupOption(['/usr/bin/git', '-C', 'repo', '-c', 'a.b=c', '--no-pager', 'commit', '--cleanup', 'scissors'])).toBe('scissors');
    expect(commitCleanupOption(['git', 'commit', '--c=verbatim', 'path', '--clea=strip'])).toBe('strip');
    // git's default mode, not the config's (commit-cleanup-option-s38d.test.ts).
    expect(commitCleanupOption(['git', 'commit', '--cleanup=strip', '--no-cleanup'])).toBe('default');
    expect(commitCleanupOption(['git-commit', '--cleanup=whitespace'])).toBe('whitespace');
    expect(commitCleanupOption(['git', 'commit', '-m', 'x'])).toBeNull();
  });

  it('takes no option value or pathspec for the option', () => {
    expect(commitCleanupOption(['git', 'commit', '-m', '--cleanup=strip'])).toBeNull();
    expect(commitCleanupOption(['git', 'commit', '-qam', '--cleanup=strip'])).toBeNull();
    expect(commitCleanupOption(['git', 'commit', '--message', '--cleanup=strip', '--trailer', '--cleanup=strip'])).toBeNull();
    expect(commitCleanupOption(['git', 'commit', '--mess', '--cleanup=strip'])).toBeNull();
    expect(commitCleanupOption(['git', 'commit', '-mx', '--cleanup=strip'])).toBe('strip');
    expect(commitCleanupOption(['git', 'commit', '-Skey', '--cleanup=strip'])).toBe('strip');
    expect(commitCleanupOption(['git', 'commit', '-m', 'x', '--', '--cleanup=strip'])).toBeNull();
  });

  it('leaves what it cannot follow unread', () => {
    expect(commitCleanupOption(['git', 'ci', '--cleanup=strip'])).toBeUndefined();
    expect(commitCleanupOption(['git', 'merge', '--cleanup=strip'])).toBeUndefined();
    expect(commitCleanupOption(['git', '--frobnicate', 'commit', '--cleanup=strip'])).toBeUndefined();
    expect(commitCleanupOption(['git', 'commit', '--re', 'x', '--cleanup=strip'])).toBeUndefined();
    expect(commitCleanupOption(['git', 'commit', '--cleanup'])).toBeUndefined();
    expect(commitCleanupOption(['sh', 'commit', '--cleanup=strip'])).toBeUndefined();
  });
});

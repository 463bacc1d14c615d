import { NO_FSMONITOR, runGitSync } from './exec.js';

/**
 * Paths the commit being made changes: the index against HEAD (against the empty tree on an
 * unborn branch). Inside a hook, git's `GIT_INDEX_FILE` (e.g. for `git commit -a` or
 * `git commit <paths>`) is inherited, so this is the index git is about to commit. HEAD is read
 * as stored (enforcement): a replace ref cannot change what the commit is seen to change.
 */
export function stagedPathsSync(cwd: string): string[] {
  const out = runGitSync([...NO_FSMONITOR, 'diff', '--cached', '--name-only', '-z', '--no-renames', '--no-relative', '--no-ext-diff', '--no-textconv', '--ignore-submodules=none'], { cwd, asStored: true });
  return out.split('\0').filter((path) => path !== '');
}

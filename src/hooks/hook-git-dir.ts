import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { TEMPLATE_MARKER } from '../core/checkpoint/store-layout.js';
import { absoluteGitDirSync } from '../git/git-path.js';

/**
 * The git dir of the worktree a hook runs for, as cheaply as possible: `GIT_DIR` when git set it
 * (worktrees), else the directory of the message file when it is a git dir (git passes
 * `.git/COMMIT_EDITMSG`, `.git/MERGE_MSG`…), else one `git rev-parse` spawn.
 */
export function hookGitDir(cwd: string, env: NodeJS.ProcessEnv, messageFile?: string): string {
  if (env.GIT_DIR) return resolve(cwd, env.GIT_DIR);
  if (messageFile) {
    let dir = dirname(resolve(cwd, messageFile));
    // git am's message file: <git dir>/rebase-apply/final-commit.
    if (basename(dir) === 'rebase-apply') dir = dirname(dir);
    if (existsSync(resolve(dir, 'HEAD')) && (existsSync(resolve(dir, 'objects')) || existsSync(resolve(dir, 'commondir')))) return dir;
  }
  return absoluteGitDirSync(cwd);
}

/**
 * The git dir of the worktree a hook that has no message file runs for, without spawning git:
 * `GIT_DIR` when git set it, else found from the working directory (`.git` folder or file).
 */
export async function worktreeGitDir(cwd: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  if (env.GIT_DIR) return resolve(cwd, env.GIT_DIR);
  const { locateWorktree } = await import('../checkpoint/locate-worktree.js');
  return locateWorktree(cwd)?.gitDir;
}

/**
 * Where prepare-commit-msg leaves the commit template (as `templateComparable` sees it) when it added
 * a trailer to it: commit-msg then aborts an unedited template as git would have.
 */
export function templateMarkerPath(gitDir: string): string {
  return join(gitDir, TEMPLATE_MARKER);
}

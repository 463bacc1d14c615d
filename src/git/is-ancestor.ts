import { GitError, runGit } from './exec.js';

/** Whether commit `sha` is in the history of `of` (itself included): `git merge-base --is-ancestor`. */
export async function isAncestor(root: string, sha: string, of: string): Promise<boolean> {
  try {
    await runGit(['merge-base', '--is-ancestor', sha, of], { cwd: root });
    return true;
  } catch (error) {
    if (error instanceof GitError && error.exitCode === 1) return false;
    throw error;
  }
}

import { GitError, runGit, type ObjectView } from './exec.js';

/** Whether commit `sha` is in the history of `of` (itself included): `git merge-base --is-ancestor` (`view`: objects as stored or not). */
export async function isAncestor(root: string, sha: string, of: string, view: ObjectView = {}): Promise<boolean> {
  try {
    await runGit(['merge-base', '--is-ancestor', sha, of], { cwd: root, ...view });
    return true;
  } catch (error) {
    if (error instanceof GitError && error.exitCode === 1) return false;
    throw error;
  }
}

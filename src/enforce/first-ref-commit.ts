import { existingRefs } from '../git/refs.js';
import { resolveCommits } from '../git/resolve-commits.js';

/**
 * The first of `refs` (full names, most telling first) that exists and names a commit, with that
 * commit (read as stored); null when none does. By exact name: git's short-name rules would read
 * a missing `refs/remotes/origin/HEAD` as a pushed tag `refs/tags/refs/remotes/origin/HEAD`.
 */
export async function firstRefCommit(repoDir: string, refs: readonly string[]): Promise<{ ref: string; commit: string } | null> {
  const existing = await existingRefs(repoDir, refs);
  const commits = await resolveCommits(repoDir, [...existing.values()], { asStored: true });
  for (const ref of refs) {
    const commit = existing.has(ref) ? commits.get(existing.get(ref) as string) : null;
    if (commit) return { ref, commit };
  }
  return null;
}

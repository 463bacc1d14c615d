import { GitError, runGit } from './exec.js';
import { foundObject, objectInfoLines } from './object-batch.js';
import { sanitize } from '../core/sanitize.js';

/**
 * Refuse (GitError, exit 3, one line) a user-given range whose revisions name an object that is
 * no commit (`HEAD~1..HEAD:f`, `v1^{tree}`, a tag of a blob): git's walk lists no commit for it and
 * says nothing, so `check` said "0 commits checked, no policy violations" and `log` "No commits in
 * range", exit 0, for a mistyped CI range (row 1193). `revisions`: the walk's arguments
 * (`--end-of-options`, the range). Asked only when the walk listed no commit (no process more
 * otherwise): one `git rev-parse --revs-only` and one batched cat-file question; a revision git
 * cannot resolve is left to the walk, which says it (bad-range.ts).
 */
export async function assertRangeNamesCommits(repoDir: string, revisions: readonly string[], range: string): Promise<void> {
  let listed: string;
  try {
    listed = await runGit(['rev-parse', '--revs-only', ...revisions], { cwd: repoDir });
  } catch {
    return;
  }
  const ids = listed.split('\n').map((line) => line.replace(/^\^/, '')).filter((id) => /^[0-9a-f]{40,64}$/.test(id));
  if (ids.length === 0) return;
  const peeled = await objectInfoLines(repoDir, ids.map((id) => `${id}^{commit}`), { asStored: true });
  const at = peeled.findIndex((line) => foundObject(line)?.type !== 'commit');
  if (at === -1) return;
  const [named = ''] = await objectInfoLines(repoDir, [ids[at] as string], { asStored: true });
  const type = foundObject(named)?.type ?? 'object';
  throw new GitError(
    `the range '${sanitize(range, { max: 200 })}' names ${type === 'object' ? 'an object' : `a ${type}`} (${ids[at]}), not a commit: name commits of this repository (a branch, tag or sha, A..B, A...B or A..), not a file or tree in one.`,
    ['rev-parse', '--revs-only'],
    128,
    '',
  );
}

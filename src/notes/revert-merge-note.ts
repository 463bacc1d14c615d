import { DEFAULT_NOTES_REF } from '../core/notes/notes-ref.js';
import { runGit } from '../git/exec.js';

/** The most commits a merge brought in whose notes a revert of its `revert -m` composes (row 1106); past it, none. */
export const REVERTED_MERGE_LIMIT = 100;

/**
 * Row 1106: `git revert -m 1 <merge>` then a revert of that revert restores the merge's content, but the merge (the
 * restored parent) has no note: git-ai and aitrail note the commits the merge brought in. The merge's first parent and
 * its others (the side `-m 1` removed), when `commit` is a merge without a note of its own and brings in at most
 * REVERTED_MERGE_LIMIT commits; null otherwise (its own note, if any, is carried as any revert's).
 */
export async function revertedMerge(cwd: string, commit: string): Promise<{ parent: string; merged: string[] } | null> {
  const [listed, noted] = await Promise.all([
    runGit(['rev-list', '--parents', '-n', '1', commit], { cwd }),
    runGit(['notes', `--ref=${DEFAULT_NOTES_REF}`, 'list', commit], { cwd, okCodes: [1] }),
  ]);
  if (noted.trim() !== '') return null;
  const [, parent, ...merged] = listed.trim().split(' ');
  if (parent === undefined || merged.length === 0 || ![parent, ...merged].every((id) => /^[0-9a-f]{40,64}$/.test(id))) return null;
  const count = await runGit(['rev-list', '--count', `--max-count=${REVERTED_MERGE_LIMIT + 1}`, ...merged, `^${parent}`], { cwd });
  return Number(count.trim()) <= REVERTED_MERGE_LIMIT ? { parent, merged } : null;
}

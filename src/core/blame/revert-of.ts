const SHA = '[0-9a-f]{40}(?:[0-9a-f]{24})?';
/** git revert's own line: `This reverts commit <sha>.`, or for a merge `…<sha>, reversing\nchanges made to <parent>.` */
const REVERTS = new RegExp(`^This reverts commit (${SHA})(?:\\.|, reversing\\r?\\nchanges made to (${SHA})\\.)`, 'gm');

/** The commit a revert undoes and, for a merge, the parent whose side it restores (`-m`). */
export interface RevertOf {
  reverted: string;
  mainline: string | null;
}

/**
 * What a commit message says it reverts, as `git revert` writes it (`Revert "…"` or, since git
 * 2.43, `Reapply "…"`): its own unindented line naming the full sha. None, or several that
 * disagree (a fold of reverts), is null: the commit is then judged as any other.
 */
export function revertOf(message: string): RevertOf | null {
  const found = new Map<string, RevertOf>();
  for (const match of message.matchAll(REVERTS)) found.set(`${match[1]} ${match[2] ?? ''}`, { reverted: match[1]!, mainline: match[2] ?? null });
  return found.size === 1 ? [...found.values()][0]! : null;
}

/** The parent a revert restores: the `-m` side when named (it must be one of the reverted commit's parents), else the only parent. */
export function restoredParent(revert: RevertOf, parentsOfReverted: readonly string[]): string | null {
  if (revert.mainline !== null) return parentsOfReverted.includes(revert.mainline) ? revert.mainline : null;
  return parentsOfReverted.length === 1 ? parentsOfReverted[0]! : null;
}

/** `git cherry-pick -x`'s own line, alone on its line. */
const PICKED = new RegExp(`^\\(cherry picked from commit (${SHA})\\)\\r?$`, 'gm');

/**
 * The commit a `git cherry-pick -x` copied, from the line git appends (the last one: a pick of a
 * pick names each source in turn, the nearest last), or null.
 */
export function pickedFrom(message: string): string | null {
  let found: string | null = null;
  for (const match of message.matchAll(PICKED)) found = match[1]!;
  return found;
}

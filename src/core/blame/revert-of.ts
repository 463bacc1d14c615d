const SHA = '[0-9a-f]{40}(?:[0-9a-f]{24})?';
/**
 * A commit as git revert names it: its full sha, or (`--reference`, `revert.reference`) `<abbreviated sha> (<subject>, <YYYY-MM-DD>)`,
 * abbreviated to `core.abbrev` digits, as few as git's minimum 4 (`git -c core.abbrev=4`: row 1061).
 */
const COMMIT = '([0-9a-f]{4,64})((?: \\([^\\n]*, \\d{4}-\\d{2}-\\d{2}\\))?)';
/**
 * git revert's own line: `This reverts commit <commit>.`, or for a merge `…<commit>, reversing\nchanges made to <parent>.`;
 * a line as git splits them (`git log --grep`, grep): after a `\n` only, never after a bare `\r` (a subject may hold one,
 * and git copies it into `Revert "…"`: row 1041) nor U+2028/U+2029, which JavaScript's `^` under `m` also reads as line starts.
 */
const REVERTS = new RegExp(`(?<![^\\n])This reverts commit ${COMMIT}(?:\\.|, reversing\\r?\\nchanges made to ${COMMIT}\\.)`, 'g');
const FULL = new RegExp(`^${SHA}$`);

/** A full sha, or an abbreviated one only in the reference format (git writes nothing else). */
const named = (sha: string | undefined, reference: string | undefined) => sha !== undefined && (FULL.test(sha) || reference !== '');

/** The commit a revert undoes and, for a merge, the parent whose side it restores (`-m`). */
export interface RevertOf {
  reverted: string;
  mainline: string | null;
}

/**
 * What a commit message says it reverts, as `git revert` writes it (`Revert "…"` or, since git
 * 2.43, `Reapply "…"`): its own unindented line naming the full sha (or, in git's reference format,
 * an abbreviated one: the caller resolves it). None, or several that disagree (a fold of
 * reverts), is null: the commit is then judged as any other.
 */
export function revertOf(message: string): RevertOf | null {
  const found = new Map<string, RevertOf>();
  for (const match of message.matchAll(REVERTS)) {
    if (!named(match[1], match[2]) || (match[3] !== undefined && !named(match[3], match[4]))) continue;
    found.set(`${match[1]} ${match[3] ?? ''}`, { reverted: match[1]!, mainline: match[3] ?? null });
  }
  return found.size === 1 ? [...found.values()][0]! : null;
}

/** The parent a revert restores: the `-m` side when named (it must name one of the reverted commit's parents), else the only parent. */
export function restoredParent(revert: RevertOf, parentsOfReverted: readonly string[]): string | null {
  if (revert.mainline !== null) {
    const named = parentsOfReverted.filter((parent) => parent.startsWith(revert.mainline!));
    return named.length === 1 ? named[0]! : null;
  }
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

/** `git subtree`'s own trailer line naming the upstream commit it took (`git-subtree-split: <sha>`). */
const SUBTREE_SPLIT = new RegExp(`^git-subtree-split: (${SHA})\\r?$`, 'gm');

/**
 * The upstream commit whose tree a `git subtree add/pull/merge --squash` commit copies, from the
 * `git-subtree-split:` line git subtree writes (the last one), or null. Asked of commits with
 * one parent or none: the squash commit holds that commit's tree as it is (its files at the top,
 * where the subtree merge then reads them under `--prefix`).
 */
export function subtreeSplitOf(message: string): string | null {
  let found: string | null = null;
  for (const match of message.matchAll(SUBTREE_SPLIT)) found = match[1]!;
  return found;
}

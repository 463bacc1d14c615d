/**
 * A path's object in one commit's tree as the merge rule compares it: `<mode> <oid>`, '' when
 * the commit has nothing there (a mode change is a change).
 */
export type ObjectAt = (commit: string, path: string) => string;

/** A merge's commits: itself, its first parent, and each other parent with its merge bases with the first parent (none: unrelated histories). */
export interface MergeShape {
  merge: string;
  first: string;
  others: ReadonlyArray<{ parent: string; bases: readonly string[] }>;
}

/**
 * The paths among `paths` (what the merge changes against its first parent) that it took whole
 * from a merged side, as git's three-way merge takes a path only one side changed: the merge
 * holds that parent's object, and the first parent holds the merge base's (every base's; with no
 * base, nothing). Those lines were written by the merged side's commits, judged on their own, so
 * the merge did not write them (an agent's `git merge main` into its own branch). A path both
 * sides changed (a content merge, a conflict's resolution), a version no parent holds (an evil
 * merge), or an older version brought back over the first parent's (a merge of an ancestor
 * made by hand) is the merge's own.
 */
export function pathsTakenWhole(paths: readonly string[], shape: MergeShape, objectAt: ObjectAt): Set<string> {
  const taken = new Set<string>();
  for (const path of paths) {
    const result = objectAt(shape.merge, path);
    const first = objectAt(shape.first, path);
    // A subtree merge (`git subtree add/pull`, `git merge -s subtree`) reads the side's `lib.c` as `vendor/lib.c`.
    const fromSide = shape.others.some(({ parent, bases }) =>
      sidePathsOf(path).some((side) => {
        if (objectAt(parent, side) !== result) return false;
        return bases.length === 0 ? first === '' : bases.every((base) => objectAt(base, side) === first);
      }),
    );
    if (fromSide) taken.add(path);
  }
  return taken;
}

/**
 * Where a merged side may hold `path`: there, or below any of its leading directories (a
 * subtree merge of a project kept under `vendor/`: `vendor/lib.c` is the side's `lib.c`). Lines
 * taken that way landed in a file other than the one their commits wrote, and are judged by the
 * rules of where they landed (judge-landed-lines), as after a person's subtree merge.
 */
export function sidePathsOf(path: string): string[] {
  const sides = [path];
  for (let at = path.indexOf('/'); at !== -1; at = path.indexOf('/', at + 1)) sides.push(path.slice(at + 1));
  return sides;
}

/** What a judged range's log pass says of one of its commits, for blame. */
export interface RangeCommit {
  firstParent: string | undefined;
  /** A merge's other parents (a resolution can copy lines from a file only the merged side has). */
  merged?: readonly string[];
  /** Protected paths it changes (merges: against the first parent). */
  protectedPaths: readonly string[];
}

/**
 * Where to blame each protected file: at every commit of the range that changes it (merges:
 * against their first parent), on every side of its merges. Every commit of a judged range can
 * later be a tip: a tag or a new branch at it, or the branch rewound to it, brings nothing new to
 * judge (its range is empty), so the state each commit leaves is judged now, not only the tips'
 * (a person's commit moving Qwen's lib/key.ts into src/crypto and the next moving it back left the
 * tip clean, and `git push origin <that commit>:refs/tags/v1` then showed Qwen's code at the
 * protected path, judged by nothing). A file a commit does not change is the same blob as in its
 * first parent, judged there (in this range, or in the one that brought that parent).
 */
export function blameStarts(commits: ReadonlyMap<string, RangeCommit>): Array<{ rev: string; path: string }> {
  return [...commits].flatMap(([sha, commit]) => [...new Set(commit.protectedPaths)].map((path) => ({ rev: sha, path })));
}

/** What a judged range's log pass says of one of its commits, for blame. */
export interface RangeCommit {
  firstParent: string | undefined;
  /** A merge's other parents (a resolution can copy lines from a file only the merged side has). */
  merged?: readonly string[];
  /** Protected paths it changes (merges: against the first parent). */
  protectedPaths: readonly string[];
}

/**
 * Where to blame each protected file of each tip: at the newest commit of the tip's
 * first-parent chain that changes it. Above that commit the file is the same blob as in the
 * first parent, so `git blame` would hand every line down that chain anyway (blame passes a
 * file whole to the first parent holding the same blob), only slower: it would read the trees of
 * every commit on the way. A file the chain does not change before leaving the range was already
 * the same at the range's boundary: nothing to blame. Tips sharing a start share one blame.
 */
export function blameStarts(tips: readonly string[], commits: ReadonlyMap<string, RangeCommit>): Array<{ rev: string; path: string }> {
  const starts = new Map<string, { rev: string; path: string }>();
  for (const tip of tips) {
    const seen = new Set<string>();
    for (let sha: string | undefined = tip; sha !== undefined; ) {
      const commit = commits.get(sha);
      if (!commit) break;
      for (const path of commit.protectedPaths) {
        if (seen.has(path)) continue;
        seen.add(path);
        starts.set(JSON.stringify([sha, path]), { rev: sha, path });
      }
      sha = commit.firstParent;
    }
  }
  return [...starts.values()];
}

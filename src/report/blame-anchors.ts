import { createAnchorWalk } from '../core/blame/blame-anchors.js';
import { firstParentChanges } from '../git/first-parent-changes.js';
import { anchorSnapshots } from './anchor-snapshots.js';

/**
 * Each path's anchor commit (see core/blame/blame-anchors.ts), from one first-parent walk that
 * stops once every path has one — or, with `cacheDir`, at a commit an earlier walk started from
 * (its anchors are adopted), and the answer is kept for the next walk; `scope` names the history
 * the walk saw (anchor-snapshots.ts).
 */
export async function blameAnchors(root: string, rev: string, since: string | null, paths: readonly string[], cacheDir: string | null, scope = ''): Promise<Map<string, string>> {
  const walk = createAnchorWalk(paths, rev);
  const snapshots = cacheDir ? await anchorSnapshots(cacheDir, since, scope) : null;
  if (paths.length > 0) {
    for await (const commit of firstParentChanges(root, rev, since)) {
      const key = snapshots?.has(commit.sha);
      const known = key ? await snapshots!.read(key) : null;
      if (known && !walk.adopt(commit.sha, known)) break;
      if (!walk.commit(commit)) break;
    }
  }
  const anchors = walk.finish();
  if (paths.length > 0) await snapshots?.write(rev, anchors);
  return anchors;
}

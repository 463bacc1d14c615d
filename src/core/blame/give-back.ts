import type { OriginGroup } from './parse-origins.js';
import type { FileBlame, NotedLines } from './types.js';

function add(commits: Map<string, number>, sha: string, count: number): void {
  const total = (commits.get(sha) ?? 0) + count;
  if (total > 0) commits.set(sha, total);
  else commits.delete(sha);
}

/**
 * Give the lines of `group` (lines a revert commit brought back, as blame gave them to it) to
 * the commits that wrote them before, as `found` says (a blame of those lines past the revert:
 * `finalLine` in the revert's numbering). Lines found on the revert itself stay its own; lines
 * found on a boundary commit (`--since`) leave the totals, as boundary lines do. `blame` is
 * updated in place (its `commits`, `lines`, `boundary`); the groups that now hold the lines are
 * returned (the caller puts them in place of `group`).
 */
export function giveBack(blame: FileBlame, group: NotedLines, found: readonly OriginGroup[]): NotedLines[] {
  const first = group.start;
  const last = group.start + group.count - 1;
  const result: NotedLines[] = [];
  let covered = 0;
  for (const origin of found) {
    const from = Math.max(first, origin.finalLine);
    const to = Math.min(last, origin.finalLine + origin.count - 1);
    if (from > to) continue;
    const count = to - from + 1;
    covered += count;
    if (origin.sha === group.sha && !origin.boundary) {
      result.push({ sha: group.sha, path: group.path, start: from, count });
      continue;
    }
    add(blame.commits, group.sha, -count);
    if (origin.boundary) {
      blame.lines -= count;
      blame.boundary += count;
      continue;
    }
    add(blame.commits, origin.sha, count);
    result.push({ sha: origin.sha, path: origin.originPath, start: origin.originLine + (from - origin.finalLine), count });
  }
  // A blame that said nothing of these lines (it always speaks of every line asked) leaves them the revert's.
  return covered === 0 ? [group] : result;
}

import { eolLines, type EolLine } from '../core/blame/eol-lines.js';
import { giveBack } from '../core/blame/give-back.js';
import type { OriginGroup } from '../core/blame/parse-origins.js';
import type { FileBlame, NotedLines } from '../core/blame/types.js';
import { blameParentLines } from '../git/blame-lines.js';
import { GitError } from '../git/exec.js';
import type { BlobReader } from '../git/blob-reader.js';

/** A line handed on this many times (each writer appended to an open last line in turn), at most. */
const MAX_DEPTH = 8;

const keyOf = (sha: string, path: string) => `${sha}\0${path}`;

/** The lines of `group` that `moved` does not name, as the group's own commit's: every line of the group covered once. */
function coverGroup(group: NotedLines, moved: readonly OriginGroup[]): OriginGroup[] {
  const own = (from: number, to: number): OriginGroup => ({ sha: group.sha, boundary: false, originPath: group.path, originLine: from, finalLine: from, count: to - from + 1 });
  const sorted = [...moved].sort((a, b) => a.finalLine - b.finalLine);
  const all: OriginGroup[] = [];
  let next = group.start;
  for (const origin of sorted) {
    if (origin.finalLine > next) all.push(own(next, origin.finalLine - 1));
    all.push(origin);
    next = origin.finalLine + 1;
  }
  const last = group.start + group.count - 1;
  if (next <= last) all.push(own(next, last));
  return all;
}

/** What each (commit, path) among `groups` took only by a final newline (eolLines), read from the commit's and its first parent's versions. */
async function eolLinesOf(reader: BlobReader, groups: readonly NotedLines[]): Promise<Map<string, EolLine[]>> {
  const pairs = new Map<string, { sha: string; path: string }>();
  // A path holding a line break cannot be asked of `git cat-file --batch`: its lines stay as blamed.
  for (const group of groups) if (!/[\0\n\r]/.test(group.path)) pairs.set(keyOf(group.sha, group.path), { sha: group.sha, path: group.path });
  const found = new Map<string, EolLine[]>();
  for (const { sha, path } of pairs.values()) {
    const [before, after] = await Promise.all([reader.readName(`${sha}^:${path}`), reader.readName(`${sha}:${path}`)]);
    if (!before.content || !after.content || before.oid === after.oid) continue;
    const lines = eolLines(before.content.toString('latin1'), after.content.toString('latin1'));
    if (lines.length > 0) found.set(keyOf(sha, path), lines);
  }
  return found;
}

/**
 * git blame gives a commit the last line of its parent's file when only the final newline
 * differs (an append to a file that did not end in one, an editor adding or stripping it): a
 * person's last `}` read as the agent's that appended below it, or the other way round. Each such
 * line goes to whoever wrote it in the parent (a blame of that one line there, with the report's
 * range and flags; a boundary line leaves the totals, as boundary lines do), through writers who
 * did the same in turn. `blame` (with every line group) is updated in place.
 */
export async function giveBackEolLines(root: string, reader: BlobReader, blame: FileBlame, since: string | null, flags: readonly string[]): Promise<void> {
  let pending: readonly NotedLines[] = blame.noted ?? [];
  for (let depth = 0; depth < MAX_DEPTH && pending.length > 0; depth += 1) {
    const found = await eolLinesOf(reader, pending);
    if (found.size === 0) return;
    const replaced = new Map<NotedLines, NotedLines[]>();
    const moved: NotedLines[] = [];
    for (const group of pending) {
      const lines = (found.get(keyOf(group.sha, group.path)) ?? []).filter((entry) => entry.line >= group.start && entry.line < group.start + group.count);
      const origins: OriginGroup[] = [];
      // One blame of the parent for all of the group's lines (a whole file's line endings converted is every line).
      const origin = lines.length === 0 ? new Map<number, OriginGroup>() : await blameParentLines(root, group.path, group.sha, since, flags, lines.map((entry) => entry.parentLine)).catch((error: unknown) => {
        if (error instanceof GitError) return new Map<number, OriginGroup>();
        throw error;
      });
      for (const entry of lines) {
        const hit = origin.get(entry.parentLine);
        if (!hit) continue;
        // Runs of lines from one writer stay one group (a converted file is thousands of lines).
        const last = origins[origins.length - 1];
        if (last && last.sha === hit.sha && last.boundary === hit.boundary && last.originPath === hit.originPath && last.originLine + last.count === hit.originLine && last.finalLine + last.count === entry.line) last.count += 1;
        else origins.push({ ...hit, finalLine: entry.line, count: 1 });
      }
      if (origins.length === 0) continue;
      const now = giveBack(blame, group, coverGroup(group, origins));
      replaced.set(group, now);
      moved.push(...now.filter((entry) => entry.sha !== group.sha));
    }
    if (replaced.size > 0) blame.noted = blame.noted!.flatMap((group) => replaced.get(group) ?? [group]);
    pending = moved;
  }
}

import type { OriginGroup } from '../blame/parse-origins.js';
import type { CompiledPolicy } from './compile-policy.js';

/** Lines a range brought into a protected file, by the commit that wrote them. */
export interface LandedLines {
  /** The commit that wrote the lines. */
  sha: string;
  /** The protected file (at a tip of the range) where they sit now. */
  path: string;
  /** Indexes of the path rules they fall under there and did not fall under where they were written. */
  rules: number[];
  lines: number;
  /** Where the commit wrote them: its path then and first line there (a git-ai note speaks of these). */
  origin: { path: string; start: number };
}

/** Lines that sat in `path` at `rev`, a boundary of the range, before the range brought them into `landing`. */
export interface OlderLines {
  rev: string;
  path: string;
  landing: string;
  /** Path rules that protect `landing` and did not protect `path`. */
  rules: number[];
  /** First and last line in `path` at `rev` (1-based, inclusive). */
  start: number;
  end: number;
  /** Found as a copy from a file its commit left untouched: followed the same way (`git blame -C -C -C`). */
  anyFile?: true;
}

/**
 * Each line once: the same lines are found at every commit of a range that leaves them in a
 * protected file (blameStarts), in runs a later edit may split otherwise. Keeps the first entry's
 * rules for a line of a landing path; runs are rebuilt from the distinct lines, in order.
 */
export function uniqueLanded(landed: readonly LandedLines[]): LandedLines[] {
  const byPlace = new Map<string, { first: LandedLines; lines: Set<number> }>();
  for (const entry of landed) {
    const place = JSON.stringify([entry.sha, entry.path, entry.origin.path, entry.rules]);
    const known = byPlace.get(place) ?? { first: entry, lines: new Set<number>() };
    byPlace.set(place, known);
    for (let line = entry.origin.start; line < entry.origin.start + entry.lines; line += 1) known.lines.add(line);
  }
  const unique: LandedLines[] = [];
  for (const { first, lines } of byPlace.values()) {
    const sorted = [...lines].sort((a, b) => a - b);
    for (let at = 0; at < sorted.length; ) {
      let end = at;
      while (end + 1 < sorted.length && (sorted[end + 1] as number) === (sorted[end] as number) + 1) end += 1;
      unique.push({ ...first, lines: end - at + 1, origin: { path: first.origin.path, start: sorted[at] as number } });
      at = end + 1;
    }
  }
  return unique;
}

/** The path rules that protect `path` and none of `from` (where the lines were, and were judged). */
export function newlyProtecting(policy: CompiledPolicy, path: string, from: readonly string[]): number[] {
  return policy.paths.filter((rule) => rule.matchFile(path) !== undefined && from.every((before) => rule.matchFile(before) === undefined)).map((rule) => rule.index);
}

/** Whether some path rule protects a path (each distinct path matched once: a range repeats paths). */
export function protection(policy: CompiledPolicy): (path: string) => boolean {
  const known = new Map<string, boolean>();
  return (path) => {
    let answer = known.get(path);
    if (answer === undefined) known.set(path, (answer = policy.paths.some((rule) => rule.matchFile(path) !== undefined)));
    return answer;
  };
}

/**
 * Sort the blame of protected file `path` restricted to a range: lines written by a commit of
 * the range (`inRange`) land with that commit (judged when it wrote them in a file the same
 * rules do not protect); other lines are older (a boundary of the range holds them) and were
 * already in a file at the boundary: when that file was protected by the same rules nothing new
 * happened, otherwise who wrote them must be found in older history (`OlderLines`). A line a
 * commit wrote straight into a protected file is left to the judgement of that commit's own
 * changed paths; those lines are also kept apart (`inPlace`, under every rule protecting `path`):
 * when that commit is a revert or a pick, the lines it brought back are someone else's.
 */
export function sortBlame(
  policy: CompiledPolicy,
  path: string,
  groups: readonly OriginGroup[],
  inRange: (sha: string) => boolean,
): { landed: LandedLines[]; older: OlderLines[]; inPlace: LandedLines[] } {
  const landed: LandedLines[] = [];
  const older: OlderLines[] = [];
  const inPlace: LandedLines[] = [];
  for (const group of groups) {
    const rules = newlyProtecting(policy, path, [group.originPath]);
    const written = !group.boundary && inRange(group.sha);
    if (rules.length === 0) {
      if (written) inPlace.push({ sha: group.sha, path, rules: newlyProtecting(policy, path, []), lines: group.count, origin: { path: group.originPath, start: group.originLine } });
      continue;
    }
    if (!written) older.push({ rev: group.sha, path: group.originPath, landing: path, rules, start: group.originLine, end: group.originLine + group.count - 1 });
    else landed.push({ sha: group.sha, path, rules, lines: group.count, origin: { path: group.originPath, start: group.originLine } });
  }
  return { landed, older, inPlace };
}

/**
 * Lines a revert (or pick) brought in, as `OlderLines` of that commit to blame again with its
 * parent taken to be the content it restores: each keeps its landing path and rules.
 */
export function restoredAsOlder(lines: readonly LandedLines[]): OlderLines[] {
  return lines.map((entry) => ({ rev: entry.sha, path: entry.origin.path, landing: entry.path, rules: entry.rules, start: entry.origin.start, end: entry.origin.start + entry.lines - 1 }));
}

/**
 * Map the blame of older lines (`git blame -L … <rev> -- <path>`, whole history) back to where
 * the range brought them: each group's lines, by the commit that wrote them, under the rules the
 * move newly applies that the file they were written in was not under either.
 */
export function landOlderLines(policy: CompiledPolicy, older: readonly OlderLines[], groups: readonly OriginGroup[]): LandedLines[] {
  const landed: LandedLines[] = [];
  for (const group of groups) {
    const last = group.finalLine + group.count - 1;
    for (const lines of older) {
      const overlap = Math.min(last, lines.end) - Math.max(group.finalLine, lines.start) + 1;
      if (overlap <= 0) continue;
      const rules = lines.rules.filter((index) => policy.paths[index]?.matchFile(group.originPath) === undefined);
      const start = group.originLine + Math.max(group.finalLine, lines.start) - group.finalLine;
      if (rules.length > 0) landed.push({ sha: group.sha, path: lines.landing, rules, lines: overlap, origin: { path: group.originPath, start } });
    }
  }
  return landed;
}

/** The line ranges of `older` (lines of one file at one revision) for `git blame -L`, sorted and merged. */
export function olderRanges(older: ReadonlyArray<{ start: number; end: number }>): Array<[number, number]> {
  const sorted = older.map((lines): [number, number] => [lines.start, lines.end]).sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

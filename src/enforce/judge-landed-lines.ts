import { availableParallelism } from 'node:os';
import type { DetectOptions } from '../core/detect.js';
import type { CompiledPolicy } from '../core/policy/compile-policy.js';
import { blameStarts, type RangeCommit } from '../core/policy/blame-starts.js';
import { landOlderLines, olderRanges, restoredAsOlder, sortBlame, uniqueLanded, type LandedLines, type OlderLines } from '../core/policy/landed-lines.js';
import { landedViolations } from '../core/policy/landed-violations.js';
import type { CommitFacts, Violation } from '../core/policy/types.js';
import { GitError } from '../git/exec.js';
import { envLimit } from '../io/env-limits.js';
import { streamCommits } from '../git/log.js';
import { commitsReadAsStored } from '../git/raw-message.js';
import { readCommitFacts } from './read-commit-facts.js';
import { addedLines, DIFF_BYTES_CAP, openAddedLines } from '../git/added-lines.js';
import { loweredCap } from '../git/commit-size.js';
import { blobsAt } from '../git/read-blob.js';
import { blameOrigins, filesAt, treeBytes, withBoundaryFile, withGraftFile } from '../git/range-blame.js';
import { lineSourcesAmong, type LineSource } from '../git/reverts.js';
import { CopyLookupsCapError, copySuspects } from '../git/copy-suspects.js';
import { firstHiddenLinesFile } from '../git/wide-text.js';
import { mapPool } from '../report/run-pool.js';
import { enforceMessages } from './messages.js';
import { twinLines } from './twin-lines.js';
import type { NoteLines } from '../core/notes/note-lines.js';
import type { CommitNotes } from '../notes/commit-notes.js';
import type { QwenNotes } from '../notes/qwen-notes.js';

export interface LandedLinesRun {
  /** Every commit of the range (from the judge's log pass), and the parents of its commits that are not in it (its boundary). */
  range: ReadonlyMap<string, RangeCommit>;
  boundary: readonly string[];
  /** The range's commits that have attributions. */
  facts: ReadonlyMap<string, CommitFacts>;
  /** What the per-commit judgement already reported. */
  reported: readonly Violation[];
  policy: CompiledPolicy;
  detect: DetectOptions;
  shallow: Set<string> | null;
  /** git-ai notes: they add the models of commits outside the range, and tell which landed lines are AI. */
  notes?: CommitNotes;
  /** Qwen Code's notes (refs/notes/ai-attribution): they add Qwen Code's model to commits outside the range too, as to the range's own. */
  qwenNotes?: QwenNotes;
  /** Tree bytes the run's `-C -C -C` blames have read (its other ranges' too: row 1055); added to here. */
  copySpent?: { bytes: number };
  /** Bytes the run's blames of protected files are estimated to search (its other ranges' too); added to here (row 1092). */
  blameSpent?: { bytes: number };
}

/** Group `items` by `keyOf`, keeping their order. */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group) group.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return [...groups.values()];
}

/**
 * The work the `-C -C -C` blames of one run may do, in bytes of files searched: each such blame
 * reads and diffs every file of its commit's tree (row 1036: a push of 300 commits each copying
 * a 400-line file into src/crypto made 300 of them over trees the push had grown, ~1.3 GB read:
 * 25 s of CPU and minutes at the server's gate; thousands of copies ran for hours). Past it the run
 * fails closed; a person's few copies stay below it (about ten in a 300 MB tree).
 */
export const COPY_BLAME_BUDGET = 4 * 1024 ** 3;

/**
 * COPY_BLAME_BUDGET, or the MiB the environment's AITRAIL_COPY_BLAME_BUDGET gives (1 to 7 digits as
 * written, no leading zero: a server's or CI's own setting, for a repository whose tree is large);
 * unset or empty: the default; anything else a usage error (exit 2), said at the start of the run (checkEnvLimits).
 */
function copyBlameBudget(): number {
  return budgetMib('AITRAIL_COPY_BLAME_BUDGET') ?? COPY_BLAME_BUDGET;
}

/** The MiB of `name` (envLimit: one parser for every bound of the environment) in bytes; unset: undefined. */
function budgetMib(name: 'AITRAIL_COPY_BLAME_BUDGET' | 'AITRAIL_BLAME_BUDGET'): number | undefined {
  const mib = envLimit(name);
  return mib === undefined ? undefined : mib * 1024 ** 2;
}

/**
 * Spend what a `-C -C -C` blame at each of `revs` costs (the bytes of its tree) out of
 * COPY_BLAME_BUDGET (`spent`: what the run's earlier ones took); throws past it, naming the commit
 * it was reached at (copyBlameBudget). One `git ls-tree` per distinct commit, asked only while within it.
 */
async function spendCopyBudget(repoDir: string, revs: readonly string[], spent: { bytes: number }): Promise<void> {
  const sizes = new Map<string, number>();
  const budget = copyBlameBudget();
  for (const rev of revs) {
    let bytes = sizes.get(rev);
    if (bytes === undefined) {
      bytes = await treeBytes(repoDir, rev);
      sizes.set(rev, bytes);
    }
    spent.bytes += bytes;
    if (spent.bytes > budget) throw new GitError(enforceMessages.tooManyCopyBlames(rev, budget / 1024 ** 2), ['blame'], null, '');
  }
}

/**
 * What the blames of the protected files a run changes may search, in bytes: `git blame -C` looks
 * for each run of lines a commit adds to a file (that the diff does not match) in the whole of the
 * parent's file (a move within it), so a blame step costs about the file's size times the runs the
 * commit adds (row 1092: a 4 MB, 75,000-line file under src/crypto with every tenth line changed
 * by each commit of a push took ~28 s of CPU per commit, and nothing bounded their number). Past it
 * the run fails closed; a person's refactor stays far below it (3,000 changes of 20 KB files, 20
 * runs each: 1.2 GB).
 */
export const BLAME_SEARCH_BUDGET = 64 * 1024 ** 3;

/**
 * Spend what blaming each protected file at each of its starts is estimated to search (its size at
 * that commit times one plus the runs of lines the commit adds to it: addedLines, one `git
 * diff-tree -p -U0` for the run, as blame places hunks) out of BLAME_SEARCH_BUDGET or the MiB of
 * AITRAIL_BLAME_BUDGET (`spent`: the run's other ranges); throws past it, naming the commit, before
 * any blame runs. A diff git shows as binary is read apart as text (textRuns, row 1113); a file past
 * DIFF_BYTES_CAP (lowered) counts a run per 64 bytes of the file.
 */
async function spendBlameBudget(repoDir: string, files: ReadonlyArray<{ rev: string; path: string }>, range: LandedLinesRun['range'], spent: { bytes: number }): Promise<Map<string, ReadonlyArray<readonly [number, number]>>> {
  const added = new Map<string, ReadonlyArray<readonly [number, number]>>();
  if (files.length === 0) return added;
  const budget = budgetMib('AITRAIL_BLAME_BUDGET') ?? BLAME_SEARCH_BUDGET;
  // blobsAt, not one `rev:path` batch line each: a protected path holding a line break split its line, and it and every
  // file after it were charged another's size (`src/crypto/t\nable.ts`, 0 bytes: any number of its blames passed).
  const sizes = (await blobsAt(repoDir, files, { asStored: true })).map((blob) => blob?.size ?? 0);
  const byRev = groupBy(files.map((file, index) => ({ ...file, size: sizes[index] ?? 0 })), (file) => file.rev);
  // One `git diff-tree --stdin` for every commit (a process per commit doubled a long push's).
  // Hunks placed as `git blame -w` places them: its lines the blame is asked for (blameRanges).
  const reader = openAddedLines(repoDir, { asStored: true }, { ignoreSpace: true });
  try {
    for (const group of byRev) {
      const rev = (group[0] as (typeof group)[number]).rev;
      let runs: Map<string, ReadonlyArray<readonly [number, number]>>;
      // The diff was not read by lines (row 1113): a path textRuns did not read is charged a run per 64 bytes.
      let unread = false;
      const parent = range.get(rev)?.firstParent ?? null;
      try {
        runs = await reader.of(rev, parent, group.map(({ path }) => path));
      } catch (error) {
        if (!(error instanceof GitError)) throw error;
        runs = await textRuns(repoDir, rev, parent, group);
        unread = true;
      }
      for (const { path, size } of group) {
        spent.bytes += size * (1 + (unread && !runs.has(path) ? Math.ceil(size / 64) : (runs.get(path)?.length ?? 0)));
        if (spent.bytes > budget) throw new GitError(enforceMessages.tooManyBlameSearches(rev, path, budget / 1024 ** 2), ['blame'], null, '');
        const own = runs.get(path);
        if (own !== undefined) added.set(`${rev}\0${path}`, own);
      }
    }
  } finally {
    reader.close();
  }
  return added;
}

/**
 * The runs of `group`'s paths whose diff git shows as binary (row 1113), diffed again as text (`--text`, as
 * `git blame` reads it, one process for the commit) when both its sides are within DIFF_BYTES_CAP (lowered); the others left out (charged a run per 64
 * bytes): one binary file of a commit made every protected file of it unknown, and a 3 MB binary file added to
 * a protected path was charged 140 GiB and refused (`git blame -w -C` of it: 0.02 s).
 */
async function textRuns(repoDir: string, rev: string, parent: string | null, group: ReadonlyArray<{ path: string; size: number }>): Promise<Map<string, ReadonlyArray<readonly [number, number]>>> {
  const cap = loweredCap(DIFF_BYTES_CAP);
  const before = parent === null ? [] : (await blobsAt(repoDir, group.map(({ path }) => ({ rev: parent, path })), { asStored: true })).map((blob) => blob?.size ?? 0);
  // One `git diff-tree` for the commit's paths within the cap (a process per path made a push of many small binary files minutes long).
  const within = group.filter(({ size }, index) => size <= cap && (before[index] ?? 0) <= cap).map(({ path }) => path);
  try {
    return within.length === 0 ? new Map() : await addedLines(repoDir, rev, parent, within, { asStored: true }, { ignoreSpace: true, text: true });
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    return new Map();
  }
}

/** More `-L` ranges than this for one blame: the whole file is blamed (an argument list stays small). */
const MAX_BLAME_RANGES = 1000;

/**
 * The lines to blame a protected file for at a start: only those its commit adds (`added`, its runs
 * as `git blame -w` places them against the first parent), each other line of that state being one
 * of the parent's at the same path, judged at the parent's start (in this range, or in the one that
 * brought it: as blameStarts does for files). A blame from every start over the whole file walked
 * back through every earlier start again: an honest push of 100 commits changing 10 of 30 protected
 * files each took 1,000 whole-file blames, minutes of CPU. The diff shows it adding no line (lines
 * removed): 'none', no blame. No runs known (a diff git would not show by lines, a
 * path whose header was not read, more runs than MAX_BLAME_RANGES): the whole file.
 */
function blameRanges(added: ReadonlyMap<string, ReadonlyArray<readonly [number, number]>>, rev: string, path: string): Array<readonly [number, number]> | undefined | 'none' {
  const runs = added.get(`${rev}\0${path}`);
  if (runs === undefined || runs.length > MAX_BLAME_RANGES) return undefined;
  // Only lines removed: every line is the parent's, no blame (a whole one walked back through every change: row 1100).
  if (runs.length === 0) return 'none';
  return runs.map(([start, count]) => [start, start + count - 1] as const);
}

/** The origins of `path`'s lines at `rev` that blameRanges asks for (none: no blame). */
async function startOrigins(repoDir: string, added: ReadonlyMap<string, ReadonlyArray<readonly [number, number]>>, rev: string, path: string, boundaryFile: string): Promise<Awaited<ReturnType<typeof blameOrigins>>> {
  const lines = blameRanges(added, rev, path);
  return lines === 'none' ? [] : blameOrigins(repoDir, path, { rev, boundaryFile, lines });
}

/** Reverts of reverts of… (as `blame` follows them). */
const MAX_RESTORE_DEPTH = 8;

/**
 * Lines a revert or a pick brought into protected files belong to whoever wrote them in the
 * content it restores or copies, as git records it in the message (`This reverts commit <sha>.`,
 * `(cherry picked from commit <sha>)`; see lineSourcesAmong): git blame gives them to the revert,
 * so a person's revert of the deletion of Qwen's file (or of a revert of Qwen's commit), moved
 * into src/crypto, read as the person's lines. Each such line is blamed again at that commit with
 * its parent taken to be the content it restores (a graft for that blame only), through reverts of
 * reverts, and lands with its writer under the rules its landing path gains over the path it was
 * written in (as moved lines do). Only adds: the revert's own landing stays judged too. So are the
 * lines of a `git subtree add/pull --squash` commit (`git-subtree-split: <sha>`), which copies that
 * upstream commit's tree as its own: Qwen's branch squashed into src/crypto read as the person's.
 */
async function restoredLines(repoDir: string, candidates: readonly LandedLines[], policy: CompiledPolicy, jobs: number): Promise<LandedLines[]> {
  const sources = new Map<string, LineSource>();
  const asked = new Set<string>();
  const found: LandedLines[] = [];
  let frontier = candidates;
  for (let depth = 0; depth < MAX_RESTORE_DEPTH && frontier.length > 0; depth += 1) {
    const unasked = [...new Set(frontier.map((lines) => lines.sha))].filter((sha) => !asked.has(sha));
    for (const sha of unasked) asked.add(sha);
    if (unasked.length > 0) for (const [sha, source] of await lineSourcesAmong(repoDir, unasked, undefined, { asStored: true }, true)) sources.set(sha, source);
    const restoring = frontier.filter((lines) => sources.has(lines.sha));
    const next = (
      await mapPool(groupBy(restoring, (lines) => `${lines.sha}\0${lines.origin.path}`), jobs, async (entries) => {
        const { sha, origin } = entries[0] as LandedLines;
        const older = restoredAsOlder(entries);
        const groups = await withGraftFile([[sha, (sources.get(sha) as LineSource).commit]], (graft) => blameOrigins(repoDir, origin.path, { rev: sha, boundaryFile: graft, lines: olderRanges(older) }));
        // Lines the revert wrote itself stay its own (already landed with it).
        return landOlderLines(policy, older, groups).filter((lines) => lines.sha !== sha);
      })
    ).flat();
    found.push(...next);
    frontier = next;
  }
  return found;
}

/**
 * Lines a commit of the range wrote straight into a protected file that it copied from a file it
 * left untouched (`cp lib/key.ts src/crypto/key.ts`, or Qwen's edit of a copy copied back over
 * the protected file; a merge's resolution copying a file of the merged side, which its first
 * parent lacks): `git blame -C` looks for copies only in files the same commit changed, so
 * these read as the copier's. Those whose lines stand in another file of the parent's tree
 * (copySuspects) are blamed again with `-C -C -C`, within the range; lines found in a file the
 * landing path's rules do not protect land with their writer, and those older than the range are
 * followed into full history the same way (`anyFile`: a boilerplate line goes back to whoever
 * first wrote it, not to the last file that repeated it).
 */
async function copiedLines(repoDir: string, inPlace: readonly LandedLines[], run: LandedLinesRun, boundaryFile: string, jobs: number, spent: { bytes: number }): Promise<{ landed: LandedLines[]; older: OlderLines[] }> {
  const asked = inPlace.flatMap((lines) => {
    const commit = run.range.get(lines.sha);
    const parent = commit?.firstParent;
    return parent === undefined ? [] : [{ rev: lines.sha, parent, merged: commit?.merged ?? [], path: lines.origin.path, start: lines.origin.start, end: lines.origin.start + lines.lines - 1, landing: lines.path }];
  });
  const landed: LandedLines[] = [];
  const older: OlderLines[] = [];
  if (asked.length === 0) return { landed, older };
  let suspects: Set<unknown>;
  try {
    suspects = new Set(await copySuspects(repoDir, asked, run));
  } catch (error) {
    // Fail closed rather than read for minutes (see COPY_LOOKUPS_CAP).
    if (error instanceof CopyLookupsCapError) throw new GitError(enforceMessages.tooManyCopyLookups(error.rev, error.cap), ['cat-file'], null, '');
    throw error;
  }
  const found = asked.filter((lines) => suspects.has(lines));
  const groups = groupBy(found, (lines) => `${lines.rev}\0${lines.path}\0${lines.landing}`);
  await spendCopyBudget(repoDir, groups.map((entries) => (entries[0] as (typeof found)[number]).rev), spent);
  const sorted = await mapPool(groups, jobs, async (entries) => {
    const { rev, path, landing } = entries[0] as (typeof found)[number];
    return sortBlame(run.policy, landing, await blameOrigins(repoDir, path, { rev, boundaryFile, lines: olderRanges(entries), anyFile: true }), (sha) => run.range.has(sha));
  });
  for (const each of sorted) {
    landed.push(...each.landed);
    older.push(...each.older.map((lines) => ({ ...lines, anyFile: true as const })));
  }
  return { landed, older };
}

/**
 * Path rules judged by lines: blame each protected file the range changes, at every commit of the
 * range that changes it (see `blameStarts`: any of them can later be a tip), stopping at the range's
 * boundary, in parallel. Lines written inside the range belong to their commit; lines the range
 * moved in from an unprotected file that predates it are blamed again in full history (only
 * those lines) to find who wrote them. The AI commits among those writers are judged by the path
 * rules of the files their lines now sit in. Runs only when the policy has path rules and the
 * range changes protected files.
 */
export async function judgeLandedLines(repoDir: string, run: LandedLinesRun): Promise<{ violations: Violation[]; cut: string[] }> {
  const undecodable = [...run.range.values()].flatMap((commit) => commit.protectedPaths).find((path) => path.includes('\ufffd'));
  if (undecodable !== undefined) throw new GitError(enforceMessages.undecodablePath(undecodable), ['blame'], null, '');
  const jobs = Math.max(2, availableParallelism());
  const inRange = (sha: string): boolean => run.range.has(sha);
  const starts = blameStarts(run.range);
  const files = await filesAt(repoDir, starts);
  // A protected file the range leaves with lines a compiler reads and git does not (UTF-16 text,
  // `\r` or U+2028 line breaks inside what git reads as one line): whose lines it holds cannot be
  // told (a copy of Qwen's lib/key.ts, re-encoded, blames as the copier's). Fail closed.
  const hidden = await firstHiddenLinesFile(repoDir, files);
  if (hidden !== null) throw new GitError(enforceMessages.hiddenLinesPath(hidden.path, hidden.rev, hidden.why), ['blame'], null, '');
  const landed: LandedLines[] = [];
  const older: OlderLines[] = [];
  const inPlace: LandedLines[] = [];
  const spent = run.copySpent ?? { bytes: 0 };
  const added = await spendBlameBudget(repoDir, files, run.range, run.blameSpent ?? { bytes: 0 });
  await withBoundaryFile(run.boundary, async (boundaryFile) => {
    // Each job's lines in the order of the jobs, not of their ends: the report is the same on every run.
    for (const sorted of await mapPool(files, jobs, async ({ rev, path }) => sortBlame(run.policy, path, await startOrigins(repoDir, added, rev, path, boundaryFile), inRange))) {
      landed.push(...sorted.landed);
      older.push(...sorted.older);
      inPlace.push(...sorted.inPlace);
    }
    // Each line once, though every commit that leaves it in place found it.
    inPlace.splice(0, inPlace.length, ...uniqueLanded(inPlace));
    const copied = await copiedLines(repoDir, inPlace, run, boundaryFile, jobs, spent);
    landed.push(...copied.landed);
    older.push(...copied.older);
  });
  const olderGroups = groupBy(older, (lines) => `${lines.rev}\0${lines.path}\0${lines.anyFile === true}`);
  await spendCopyBudget(repoDir, olderGroups.flatMap((entries) => ((entries[0] as OlderLines).anyFile === true ? [(entries[0] as OlderLines).rev] : [])), spent);
  const landedOlder = await mapPool(olderGroups, jobs, async (entries) => {
    const { rev, path, anyFile } = entries[0] as OlderLines;
    return landOlderLines(run.policy, entries, await blameOrigins(repoDir, path, { rev, lines: olderRanges(entries), anyFile: anyFile === true }));
  });
  for (const lines of landedOlder) landed.push(...lines);
  landed.push(...(await restoredLines(repoDir, [...uniqueLanded(landed), ...inPlace], run.policy, jobs)));
  const facts = new Map(run.facts);
  const cut: string[] = [];
  const readFacts = async (shas: readonly string[]): Promise<Map<string, CommitFacts>> => {
    const read = new Map<string, CommitFacts>();
    if (shas.length === 0) return read;
    // Read as the judged commits are: what their stored bytes name counts too (read-commit-facts).
    const stored = await commitsReadAsStored(repoDir, ['--no-walk', ...shas]);
    for await (const commit of streamCommits(repoDir, ['--no-walk', ...shas], { asStored: true, whole: true })) {
      // A shallow clone's oldest commit stands for all the history it cuts off: fail closed.
      if (run.shallow?.has(commit.sha)) cut.push(commit.sha);
      const found = await readCommitFacts(repoDir, commit, run.detect, stored);
      if (run.notes) found.attributions = await run.notes.addCounted(commit.sha, commit.parents[0] ?? null, found.attributions, null);
      if (run.qwenNotes) found.attributions = await run.qwenNotes.add(commit.sha, found.attributions);
      read.set(commit.sha, found);
    }
    return read;
  };
  const outside = [...new Set(landed.map((lines) => lines.sha))].filter((sha) => !inRange(sha));
  for (const [sha, found] of await readFacts(outside)) facts.set(sha, found);
  // A person-read commit that wrote the very file an attributed commit held here wrote (a rewrite that dropped its trailer).
  // A shallow clone's oldest commit holds every file as if it wrote it: no evidence of a twin.
  const twins = await twinLines(repoDir, uniqueLanded(landed), facts, { policy: run.policy, inRange, rangeCommits: [...run.range.keys()], readFacts, jobs, cutOff: (sha) => run.shallow?.has(sha) === true });
  if (twins.length > 0) {
    landed.push(...twins);
    const unread = [...new Set(twins.map((lines) => lines.sha))].filter((sha) => !inRange(sha) && !facts.has(sha));
    for (const [sha, found] of await readFacts(unread)) facts.set(sha, found);
  }
  const notes = new Map<string, NoteLines>();
  if (run.notes) {
    for (const sha of new Set(landed.map((lines) => lines.sha))) {
      const note = await run.notes.lines(sha);
      // A note written for another commit says nothing line by line: the commit's lines are all its authors' (added to its facts).
      if (note && note.stale !== true) notes.set(sha, note);
    }
  }
  return { violations: landedViolations(uniqueLanded(landed), facts, run.policy, { inRange, reported: run.reported, noteOf: (sha) => notes.get(sha) }), cut };
}

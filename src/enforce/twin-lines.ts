import type { CompiledPolicy } from '../core/policy/compile-policy.js';
import { landOlderLines, olderRanges, type LandedLines, type OlderLines } from '../core/policy/landed-lines.js';
import type { CommitFacts } from '../core/policy/types.js';
import { PathPatchesCapError, commitTimes, isAncestor, pathPatches, type PatchOf } from '../git/path-patches.js';
import { attributesFree } from '../git/added-lines.js';
import { GitError } from '../git/exec.js';
import { blameOrigins } from '../git/range-blame.js';
import { blobIdsAt, readBlob } from '../git/read-blob.js';
import { mapPool } from '../report/run-pool.js';
import { enforceMessages } from './messages.js';

/** git blame's least copy score (`BLAME_DEFAULT_COPY_SCORE`): letters and digits the lines a person-read commit wrote in a file must hold, together, to be taken for the twin's. */
const COPY_SCORE = 40;

/** Letters and digits in `line`, as git's copy score counts them (ASCII alphanumerics). */
function alnumIn(line: string): number {
  return line.match(/[A-Za-z0-9]/g)?.length ?? 0;
}

export interface TwinRun {
  policy: CompiledPolicy;
  inRange: (sha: string) => boolean;
  /** The range's commits: searched too (a twin pushed together with its copy). */
  rangeCommits: readonly string[];
  /** Attributions of a commit outside `facts` (read as the judged commits are, notes included). */
  readFacts: (shas: readonly string[]) => Promise<Map<string, CommitFacts>>;
  jobs: number;
  /** A commit that only seems to write its files (a shallow clone's oldest): never a twin. */
  cutOff: (sha: string) => boolean;
}

/**
 * History laundering: an AI commit the repository already holds (Qwen's `lib/key.ts`, accepted
 * where Qwen was allowed, or before `deny` was added) rewritten without its trailer (`git
 * filter-branch --msg-filter`, a `rebase -i` reword, `commit --amend -m`, `git commit-tree`, a
 * cherry-pick or squash whose message drops the trailers), then moved into a protected path: its
 * lines blamed to the rewritten commit, which reads as a person's. What a rewrite keeps is the
 * change: for each person-read commit whose lines a range moved into protected files, the commits
 * the repository holds (any ref but the notes, or the range) that changed the same path are read
 * in one `git log -p` (pathPatches). A commit that left there the very blob the person-read commit
 * wrote (a rewrite in place, a squash) is its twin: the lines are blamed again at the twin (the same
 * blob: the same line numbers), in full history, and land with whoever wrote them there. Otherwise
 * a commit with the same patch id on that path (the change re-applied where the file differs) is
 * its twin: the k-th line the person-read commit added is the twin's k-th. Only an attributed twin
 * counts, and only when the lines the person-read commit wrote in that file that land in protected
 * files hold, together, git's least copy score (40 letters and digits): a person's own identical
 * short fix stays the person's. The twin must not have come after the copy: a twin that descends
 * from the person-read commit, whose message names it by its full id (`cherry-pick -x`), or (unless
 * the twin is older than the range and the copy in it) was committed after it, is the copy, not the original.
 */
export async function twinLines(repoDir: string, landed: readonly LandedLines[], facts: Map<string, CommitFacts>, run: TwinRun): Promise<LandedLines[]> {
  const person = landed.filter((lines) => !facts.get(lines.sha)?.attributions.length);
  if (person.length === 0) return [];
  const places = [...new Map(person.map((lines) => [`${lines.sha}\0${lines.origin.path}`, { rev: lines.sha, path: lines.origin.path }])).values()];
  const ids = await blobIdsAt(repoDir, places, { asStored: true });
  const blobOf = new Map<string, string>();
  places.forEach((place, at) => {
    const id = ids[at];
    if (id) blobOf.set(`${place.rev}\0${place.path}`, id);
  });
  let patches: PatchOf[];
  try {
    // No `.gitattributes` of the content decides what is diffed as text (row 1215, as row 1207).
    patches = await pathPatches(repoDir, [...new Set(places.map((place) => place.path))], run.rangeCommits, await attributesFree(repoDir, person[0]!.sha));
  } catch (error) {
    if (error instanceof PathPatchesCapError) throw new GitError(enforceMessages.tooManyTwinBlobs(person[0]?.sha ?? ''), ['log'], null, '');
    throw error;
  }
  const usable = (lines: LandedLines, sha: string): boolean => sha !== lines.sha && !run.cutOff(sha);
  // The same file: a commit that left, at one of the paths, the very blob the person-read commit wrote.
  const byBlob = new Map<string, Array<{ sha: string; path: string }>>();
  for (const patch of patches) for (const [path, blob] of patch.blobs) byBlob.set(blob, [...(byBlob.get(blob) ?? []), { sha: patch.sha, path }]);
  const blobTwins = person.flatMap((lines) => {
    const blob = blobOf.get(`${lines.sha}\0${lines.origin.path}`);
    const twins = (blob === undefined ? [] : (byBlob.get(blob) ?? [])).filter((writer) => usable(lines, writer.sha));
    return twins.length === 0 ? [] : [{ lines, twins }];
  });
  // The same change re-applied where the file differs (a pick onto another branch): the same patch id, on that path.
  const rest = person.filter((lines) => !blobTwins.some((twin) => twin.lines === lines));
  // By commit and path: a commit has one entry for each run of paths it changes (see pathPatches).
  const patchOf = new Map(patches.flatMap((patch) => [...patch.added.keys()].map((path) => [`${patch.sha}\0${path}`, patch] as const)));
  const byPatch = new Map<string, PatchOf[]>();
  for (const patch of patches) byPatch.set(patch.patchId, [...(byPatch.get(patch.patchId) ?? []), patch]);
  const patchTwins = rest.flatMap((lines) => {
    const own = patchOf.get(`${lines.sha}\0${lines.origin.path}`);
    const twins = (own === undefined ? [] : (byPatch.get(own.patchId) ?? [])).filter((patch) => usable(lines, patch.sha));
    return twins.length === 0 ? [] : [{ lines, twins }];
  });
  if (blobTwins.length + patchTwins.length === 0) return [];
  const twinShas = [...new Set([...blobTwins.flatMap(({ twins }) => twins.map((twin) => twin.sha)), ...patchTwins.flatMap(({ twins }) => twins.map((twin) => twin.sha))])];
  const twinFacts = await run.readFacts(twinShas.filter((sha) => !facts.has(sha)));
  const attributed = (sha: string): boolean => Boolean((facts.get(sha) ?? twinFacts.get(sha))?.attributions.length);
  const times = await commitTimes(repoDir, [...new Set([...twinShas, ...person.map((lines) => lines.sha)])]);
  /** The oldest attributed twin that did not come after the person-read commit of `lines`. */
  const original = async <T extends { sha: string }>(lines: LandedLines, twins: readonly T[]): Promise<T | undefined> => {
    const time = times.get(lines.sha)?.time ?? Number.POSITIVE_INFINITY;
    const when = (sha: string): number => times.get(sha)?.time ?? Number.POSITIVE_INFINITY;
    // A twin whose message names the person-read commit by its full id (`cherry-pick -x`'s `(cherry
    // picked from commit <sha>)`, a revert's, a note of a backport) was made after it: never its original.
    const names = (sha: string): boolean => times.get(sha)?.message.includes(lines.sha) === true;
    const older = (sha: string): boolean => !names(sha) && (when(sha) <= time || (run.inRange(lines.sha) && !run.inRange(sha)));
    for (const twin of twins.filter((found) => attributed(found.sha) && older(found.sha)).sort((a, b) => when(a.sha) - when(b.sha))) {
      if (!(await isAncestor(repoDir, lines.sha, twin.sha))) return twin;
    }
    return undefined;
  };
  const texts = new Map<string, string[]>();
  const runsOf = new Map<string, LandedLines[]>();
  for (const lines of person) {
    const key = `${lines.sha}\0${lines.origin.path}`;
    const runs = runsOf.get(key);
    if (runs) runs.push(lines);
    else runsOf.set(key, [lines]);
  }
  /**
   * Whether the lines the person-read commit of `lines` wrote in that file that land here hold, together, git's least
   * copy score (a person's short identical fix does not): counted over all its runs there, not one run at a time, so
   * Qwen's short lines each between two of a person's (every run under the score) still count.
   */
  const scores = async (lines: LandedLines): Promise<boolean> => {
    const blob = blobOf.get(`${lines.sha}\0${lines.origin.path}`);
    if (blob === undefined) return false;
    if (!texts.has(blob)) texts.set(blob, (await readBlob(repoDir, blob, { asStored: true })).split('\n'));
    const text = texts.get(blob) as string[];
    const runs = runsOf.get(`${lines.sha}\0${lines.origin.path}`) ?? [];
    const counted = new Set<number>();
    let score = 0;
    for (const run of runs) {
      for (let line = run.origin.start; line < run.origin.start + run.lines; line += 1) {
        if (counted.has(line)) continue;
        counted.add(line);
        score += alnumIn(text[line - 1] ?? '');
        if (score >= COPY_SCORE) return true;
      }
    }
    return false;
  };
  const found: LandedLines[] = [];
  for (const { lines, twins } of patchTwins) {
    const twin = await original(lines, twins);
    if (twin === undefined || !(await scores(lines))) continue;
    // The same patch adds the same lines in the same order: the k-th the person-read commit added is the twin's k-th. Re-spaced
    // or re-wrapped (row 1213: the same id, other line counts), the k-th of n is the twin's at the same share of its m.
    const ownAdded = patchOf.get(`${lines.sha}\0${lines.origin.path}`)?.added.get(lines.origin.path) ?? [];
    const twinAdded = twin.added.get(lines.origin.path) ?? [];
    if (twinAdded.length === 0) continue;
    for (let line = lines.origin.start; line < lines.origin.start + lines.lines; line += 1) {
      const at = ownAdded.indexOf(line);
      if (at >= 0) found.push({ sha: twin.sha, path: lines.path, rules: lines.rules, lines: 1, origin: { path: lines.origin.path, start: twinAdded[Math.floor((at * twinAdded.length) / ownAdded.length)] as number } });
    }
  }
  const asked: OlderLines[] = [];
  for (const { lines, twins } of blobTwins) {
    const twin = await original(lines, twins);
    if (twin === undefined || !(await scores(lines))) continue;
    asked.push({ rev: twin.sha, path: twin.path, landing: lines.path, rules: lines.rules, start: lines.origin.start, end: lines.origin.start + lines.lines - 1 });
  }
  const groups = new Map<string, OlderLines[]>();
  for (const entry of asked) groups.set(`${entry.rev}\0${entry.path}`, [...(groups.get(`${entry.rev}\0${entry.path}`) ?? []), entry]);
  const twinLanded = await mapPool([...groups.values()], run.jobs, async (entries) => {
    const { rev, path } = entries[0] as OlderLines;
    return landOlderLines(run.policy, entries, await blameOrigins(repoDir, path, { rev, lines: olderRanges(entries) }));
  });
  for (const lines of twinLanded) found.push(...lines);
  return found;
}

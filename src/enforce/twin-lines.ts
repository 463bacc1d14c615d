import type { CompiledPolicy } from '../core/policy/compile-policy.js';
import { landOlderLines, olderRanges, type LandedLines, type OlderLines } from '../core/policy/landed-lines.js';
import type { CommitFacts } from '../core/policy/types.js';
import { BLOB_TWINS_CAP, BlobTwinsCapError, blobWriters, commitTimes, isAncestor, type BlobWriter } from '../git/blob-twins.js';
import { GitError } from '../git/exec.js';
import { blameOrigins } from '../git/range-blame.js';
import { blobIdsAt, readBlob } from '../git/read-blob.js';
import { runPool } from '../report/run-pool.js';
import { enforceMessages } from './messages.js';

/** git blame's least copy score (`BLAME_DEFAULT_COPY_SCORE`): letters and digits a run of lines must hold to be taken for the twin's. */
const COPY_SCORE = 40;

/** Letters and digits in lines `start`..`start + count - 1` (1-based) of `text`, as git's copy score counts them (ASCII alphanumerics). */
function alnumIn(text: string, start: number, count: number): number {
  const lines = text.split('\n').slice(start - 1, start - 1 + count);
  return lines.reduce((sum, line) => sum + (line.match(/[A-Za-z0-9]/g)?.length ?? 0), 0);
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
 * lines blamed to the rewritten commit, which reads as a person's. The evidence a rewrite keeps is
 * the file: the person-read commit wrote, at the path, exactly the blob an attributed commit the
 * repository holds wrote there (any ref but the notes, or the range). Those lines are blamed again
 * at that commit (the same blob: the same line numbers), in full history, and land with whoever
 * wrote them there (the AI commit, or a person before it). Only runs of lines holding git's least
 * copy score (40 letters and digits) are followed: a person's own identical short fix stays the
 * person's. The twin must not have come after the copy: a twin that descends from the person's
 * commit, or (unless the twin is older than the range and the copy in it) was committed after it,
 * is the copy, not the original.
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
  let writers: BlobWriter[];
  try {
    writers = await blobWriters(repoDir, [...new Set(blobOf.values())], [...new Set(places.map((place) => place.path))], run.rangeCommits);
  } catch (error) {
    if (error instanceof BlobTwinsCapError) throw new GitError(enforceMessages.tooManyTwinBlobs(person[0]?.sha ?? '', BLOB_TWINS_CAP), ['log'], null, '');
    throw error;
  }
  const byBlob = new Map<string, BlobWriter[]>();
  for (const writer of writers) byBlob.set(writer.blob, [...(byBlob.get(writer.blob) ?? []), writer]);
  const candidates = person.flatMap((lines) => {
    const blob = blobOf.get(`${lines.sha}\0${lines.origin.path}`);
    const twins = (blob === undefined ? [] : (byBlob.get(blob) ?? [])).filter((writer) => writer.sha !== lines.sha && !run.cutOff(writer.sha));
    return twins.length === 0 ? [] : [{ lines, blob: blob as string, twins }];
  });
  if (candidates.length === 0) return [];
  const twinFacts = await run.readFacts([...new Set(candidates.flatMap(({ twins }) => twins.map((twin) => twin.sha)))].filter((sha) => !facts.has(sha)));
  const attributed = (sha: string): boolean => Boolean((facts.get(sha) ?? twinFacts.get(sha))?.attributions.length);
  const times = await commitTimes(repoDir, [...new Set(candidates.map(({ lines }) => lines.sha))]);
  const texts = new Map<string, string>();
  const asked: Array<OlderLines & { twin: string }> = [];
  for (const { lines, blob, twins } of candidates) {
    const time = times.get(lines.sha) ?? Number.POSITIVE_INFINITY;
    const older = (twin: BlobWriter): boolean => twin.time <= time || (run.inRange(lines.sha) && !run.inRange(twin.sha));
    const ordered = twins.filter((twin) => attributed(twin.sha) && older(twin)).sort((a, b) => a.time - b.time);
    let twin: BlobWriter | undefined;
    for (const found of ordered) {
      if (!(await isAncestor(repoDir, lines.sha, found.sha))) {
        twin = found;
        break;
      }
    }
    if (twin === undefined) continue;
    if (!texts.has(blob)) texts.set(blob, await readBlob(repoDir, blob, { asStored: true }));
    if (alnumIn(texts.get(blob) as string, lines.origin.start, lines.lines) < COPY_SCORE) continue;
    asked.push({ rev: twin.sha, path: twin.path, landing: lines.path, rules: lines.rules, start: lines.origin.start, end: lines.origin.start + lines.lines - 1, twin: twin.sha });
  }
  const found: LandedLines[] = [];
  const groups = new Map<string, typeof asked>();
  for (const entry of asked) groups.set(`${entry.rev}\0${entry.path}`, [...(groups.get(`${entry.rev}\0${entry.path}`) ?? []), entry]);
  await runPool([...groups.values()], run.jobs, async (entries) => {
    const { rev, path } = entries[0] as (typeof asked)[number];
    found.push(...landOlderLines(run.policy, entries, await blameOrigins(repoDir, path, { rev, lines: olderRanges(entries) })));
  });
  return found;
}

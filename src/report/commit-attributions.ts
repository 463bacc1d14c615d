import { commitSignals } from '../core/commit-signals.js';
import { detectCommit, type DetectOptions } from '../core/detect.js';
import type { CommitModels } from '../core/blame/types.js';
import type { Attribution } from '../core/types.js';
import { streamCommits, type CommitRecord } from '../git/log.js';
import { loweredCap, RANGE_LARGE_BYTES_CAP } from '../git/commit-size.js';

/** Up to this many named commits are read by one synchronous `git log` (more stream). */
const WHOLE_COMMITS = 4096;

/** sha → models/agents of a commit, null for a commit with no AI. */
export type Attributions = Map<string, CommitModels | null>;

/** A commit not read whole (row 966): what was past the bound, and its length. */
export type TooLarge = NonNullable<CommitRecord['tooLarge']>;

/** What a commit's notes add to its attributions (notes only add). */
export type AddNotes = (sha: string, attributions: Attribution[]) => Promise<Attribution[]>;

/** Detection over the commits `revisions` name, each read once; identical attributions share one object. */
async function attribute(root: string, revisions: string[], options: DetectOptions, input?: string, whole = false, add?: AddNotes, tooLarge?: Map<string, TooLarge>): Promise<Attributions> {
  const found: Attributions = new Map();
  const shared = new Map<string, CommitModels>();
  for await (const commit of streamCommits(root, revisions, { whole, largeTogether: loweredCap(RANGE_LARGE_BYTES_CAP), ...(input === undefined ? {} : { input }) })) {
    if (commit.tooLarge) tooLarge?.set(commit.sha, commit.tooLarge);
    const detected = detectCommit(commitSignals(commit), options);
    const attributions = add ? await add(commit.sha, detected) : detected;
    if (attributions.length === 0) {
      found.set(commit.sha, null);
      continue;
    }
    const models = [...new Set(attributions.map((a) => a.model))].sort();
    const agents = [...new Set(attributions.map((a) => a.agent))].sort();
    const key = `${models.join('\0')}\0\0${agents.join('\0')}`;
    let value = shared.get(key);
    if (!value) shared.set(key, (value = { models, agents }));
    found.set(commit.sha, value);
  }
  return found;
}

/** Every commit reachable from `rev` (and not from `since`), from ONE `git log` pass. */
export function rangeAttributions(root: string, rev: string, since: string | null, options: DetectOptions, tooLarge?: Map<string, TooLarge>): Promise<Attributions> {
  return attribute(root, since ? [rev, `^${since}`] : [rev], options, undefined, false, undefined, tooLarge);
}

/**
 * Exactly `commits` (full shas), read by name (`git log --no-walk --stdin`). `add`: what the
 * commits' notes add (Qwen Code's attribution notes), as `log` adds it; never stored in the
 * attribution cache (a commit is immutable, its notes are not).
 */
export function namedAttributions(root: string, commits: Iterable<string>, options: DetectOptions, add?: AddNotes, tooLarge?: Map<string, TooLarge>): Promise<Attributions> {
  const named = [...commits];
  // A few thousand commits' log is read in one synchronous run (streamGit's `whole`).
  return named.length === 0 ? Promise.resolve(new Map()) : attribute(root, ['--no-walk=unsorted', '--stdin'], options, `${named.join('\n')}\n`, named.length <= WHOLE_COMMITS, add, tooLarge);
}

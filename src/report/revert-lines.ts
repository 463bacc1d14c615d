import { giveBack } from '../core/blame/give-back.js';
import type { FileBlame, NotedLines } from '../core/blame/types.js';
import { COMMIT_BYTES_CAP, loweredCap } from '../git/commit-size.js';
import { GitError } from '../git/exec.js';
import { foundObject, objectInfoLines } from '../git/object-batch.js';
import { blameRestored, lineSourcesAmong } from '../git/reverts.js';
import { revertMemo } from './revert-cache.js';
import { runPool } from './run-pool.js';

/** Reverts of reverts of… followed this deep; past it, lines stay with the revert blame found. */
const MAX_DEPTH = 8;

export interface RevertLinesInput {
  root: string;
  since: string | null;
  flags: readonly string[];
  /** Each file's blame, with every line group (`noted` holding them all); updated in place. */
  blames: FileBlame[];
  jobs: number;
  /** Commits with a git-ai note: a cherry-pick is followed to its source only when the source has one and the pick none. */
  noted?: (sha: string) => boolean;
  /** The report's cache (what git answered about reverts already met is kept there); null: none. */
  cache?: { dir: string; keyBase: string } | null;
}

interface Job {
  blame: FileBlame;
  revert: string;
  path: string;
  groups: NotedLines[];
}

/**
 * A revert brings back lines someone wrote before the reverted commit; git blame gives them to
 * the revert's author (a person reverting a person's deletion of AI code, or an agent reverting a
 * person's change, would own lines they never wrote). Each line blame gives a revert commit goes
 * to whoever wrote it in the content the revert restores (`blameRestored`), through reverts of
 * reverts; lines the revert wrote itself stay its own. A `cherry-pick -x` of a commit with a
 * git-ai note, without a note of its own (a backport made without the hooks), likewise gives its
 * lines to the commit it copies, whose note then judges them line by line (its message, trailers
 * included, is the copied commit's: nothing else would change).
 */
export async function giveBackRevertedLines(input: RevertLinesInput): Promise<void> {
  const memo = revertMemo(input.cache ?? null);
  const known = new Map<string, string>();
  const asked = new Set<string>();
  let pending = new Set(input.blames.flatMap((blame) => [...blame.commits.keys()]));
  for (let depth = 0; depth < MAX_DEPTH && pending.size > 0; depth += 1) {
    const unasked = [...pending].filter((sha) => !asked.has(sha));
    for (const sha of unasked) asked.add(sha);
    for (const [sha, source] of await lineSourcesAmong(input.root, await readable(input.root, unasked), memo.ancestry)) if (source.kind !== 'pick' || (input.noted?.(source.commit) && !input.noted(sha))) known.set(sha, source.commit);
    const jobs = new Map<string, Job>();
    input.blames.forEach((blame, index) => {
      for (const group of blame.noted ?? []) {
        if (!pending.has(group.sha) || !known.has(group.sha)) continue;
        const key = `${index}\0${group.sha}\0${group.path}`;
        let job = jobs.get(key);
        if (!job) jobs.set(key, (job = { blame, revert: group.sha, path: group.path, groups: [] }));
        job.groups.push(group);
      }
    });
    if (jobs.size === 0) break;
    const next = new Set<string>();
    await runPool([...jobs.values()], input.jobs, async (job) => {
      const lines = job.groups.map((group): [number, number] => [group.start, group.start + group.count - 1]);
      // The restored commit missing (a shallow clone cut there): the lines stay the revert's.
      const restores = known.get(job.revert)!;
      const found = await memo
        .restored({ revert: job.revert, restores, path: job.path, lines }, () => blameRestored(input.root, job.path, { revert: job.revert, restores, since: input.since, flags: input.flags, lines }))
        .catch((error: unknown) => {
          if (error instanceof GitError) return [];
          throw error;
        });
      const replaced = new Map<NotedLines, NotedLines[]>();
      for (const group of job.groups) {
        const now = giveBack(job.blame, group, found);
        replaced.set(group, now);
        for (const entry of now) if (entry.sha !== job.revert) next.add(entry.sha);
      }
      job.blame.noted = job.blame.noted!.flatMap((group) => replaced.get(group) ?? [group]);
    });
    pending = next;
  }
  await memo.prune();
}

/**
 * `commits` without those whose object is past COMMIT_BYTES_CAP (one `git cat-file --batch-check`
 * question): the report counts such a commit unread (row 966), and its message is no revert to
 * follow; asked of `git log --grep`, its 70 MB message was piped whole (64 MB held) only to be dropped. (row 974)
 */
async function readable(root: string, commits: readonly string[]): Promise<string[]> {
  if (commits.length === 0) return [];
  const cap = loweredCap(COMMIT_BYTES_CAP);
  const sizes = await objectInfoLines(root, commits);
  return commits.filter((_, at) => (foundObject(sizes[at] ?? '')?.size ?? 0) <= cap);
}

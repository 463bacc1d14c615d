import { runGit, type ObjectView } from './exec.js';
import { foundObject, objectInfoLines } from './object-batch.js';
import { sanitize } from '../core/sanitize.js';
import { UsageError } from '../errors/usage-error.js';

/**
 * Bytes one commit object may hold before a judge refuses it unread (row 943): git's own messages and
 * the longest honest squash messages are a few hundred kilobytes; a 34 MB `mergetag` header or message
 * (`git hash-object -t commit`) took `check` 10.7 s and 914 MB, and ~100 MB would run pre-receive out of memory.
 */
export const COMMIT_BYTES_CAP = 16 * 1024 * 1024;

/**
 * A commit object past this many bytes counts toward RANGE_LARGE_BYTES_CAP (row 1037): honest commits
 * are a few kilobytes, the longest honest squash messages a few hundred.
 */
export const LARGE_COMMIT_BYTES = 64 * 1024;

/**
 * Bytes the large commits (LARGE_COMMIT_BYTES) of one judged range may hold together (row 1037): each
 * within COMMIT_BYTES_CAP, 40 commits of 15 MiB messages (a 2 MB pack) took `check` 35 s of CPU and a
 * push of hundreds of them would keep pre-receive busy for many minutes.
 */
export const RANGE_LARGE_BYTES_CAP = 64 * 1024 * 1024;

/** The largest AITRAIL_SIZE_CAPS_DIVISOR taken: the caps at 256 bytes, 1 byte and 1 KiB. */
export const SIZE_CAPS_DIVISOR_MOST = 65536;

/**
 * What the environment's AITRAIL_SIZE_CAPS_DIVISOR divides the three caps above by (row 1073): a whole
 * number 1 to 65536 as written (no sign, no leading zero), so it can only lower them (tests build KiB
 * commits, not tens of MiB; a server may tighten its gate); unset or empty: 1. Anything else is a usage
 * error (exit 2), never silently the default. Read at each use, never remembered (vitest's isolate: false).
 */
export function sizeCapsDivisor(): number {
  const set = process.env.AITRAIL_SIZE_CAPS_DIVISOR ?? '';
  if (set === '') return 1;
  if (!/^[1-9][0-9]{0,4}$/.test(set) || Number(set) > SIZE_CAPS_DIVISOR_MOST) {
    throw new UsageError(`AITRAIL_SIZE_CAPS_DIVISOR='${sanitize(set, { max: 60 })}' is not a divisor: give a whole number 1 to ${SIZE_CAPS_DIVISOR_MOST}, digits only (it can only lower the caps of 16 MiB a commit, 64 KiB a large commit, 64 MiB of large commits a range, 10,000 merged commits log's merge footers read, 16 MiB of a noted commit's diff counted and 200,000 paths shown through symbolic links matched whole), or unset it.`);
  }
  return Number(set);
}

/**
 * The divisor as a report cache key's part (row 1098): nothing under the default (the keys stay what they
 * were), `{ sizeCapsDivisor: n }` otherwise: a report made under a lowered cap (a commit unread, "more than the
 * 65,536 a report reads") is never served to a run under another, nor one made under the default to a lowered run.
 */
export function sizeCapsKey(): { sizeCapsDivisor?: number } {
  const divisor = sizeCapsDivisor();
  return divisor === 1 ? {} : { sizeCapsDivisor: divisor };
}

/** COMMIT_BYTES_CAP divided by AITRAIL_SIZE_CAPS_DIVISOR (sizeCapsDivisor): what judges and reports read. */
export function commitBytesCap(): number {
  return Math.floor(COMMIT_BYTES_CAP / sizeCapsDivisor());
}

/** LARGE_COMMIT_BYTES divided by AITRAIL_SIZE_CAPS_DIVISOR (sizeCapsDivisor). */
export function largeCommitBytes(): number {
  return Math.floor(LARGE_COMMIT_BYTES / sizeCapsDivisor());
}

/** RANGE_LARGE_BYTES_CAP divided by AITRAIL_SIZE_CAPS_DIVISOR (sizeCapsDivisor). */
export function rangeLargeBytesCap(): number {
  return Math.floor(RANGE_LARGE_BYTES_CAP / sizeCapsDivisor());
}

/** The commits of `revisions` (git rev-list arguments), in git's order: one `git rev-list`. */
export async function revisionShas(cwd: string, revisions: readonly string[], view: ObjectView = {}): Promise<string[]> {
  return (await runGit(['rev-list', ...revisions, '--'], { cwd, ...view })).split('\n').filter((line) => line !== '');
}

/**
 * The first commit of `revisions` (git rev-list arguments, in git's order; or their `shas`, revisionShas', listed
 * once for this and commitsReadAsStored: row 1003) whose object is larger than `cap` bytes, with its size: read
 * from `git cat-file --batch-check`'s header, never the object itself; null when none. Past `together` bytes of its
 * commits larger than largeCommitBytes() (LARGE_COMMIT_BYTES, AITRAIL_SIZE_CAPS_DIVISOR applied), counted in git's order: the commit that passed it, with that sum (`together`).
 * `spent`: what earlier ranges of the same run (one push's other refs) counted already, and adds this range's to it (row 1055).
 */
export async function commitTooLarge(
  cwd: string,
  revisions: readonly string[] | { shas: readonly string[] },
  cap: number,
  view: ObjectView = {},
  together = Infinity,
  spent: { bytes: number } = { bytes: 0 },
): Promise<{ sha: string; size: number; together?: true } | null> {
  const shas = 'shas' in revisions ? revisions.shas : await revisionShas(cwd, revisions, view);
  if (shas.length === 0) return null;
  const answers = await objectInfoLines(cwd, shas, view);
  let large = spent.bytes;
  const largeAt = largeCommitBytes();
  for (const answer of answers) {
    const found = foundObject(answer);
    if (found && found.type === 'commit' && found.size > cap) return { sha: found.oid, size: found.size };
  }
  // Each within the cap, the large ones together past `together` (row 1037): the commit it is reached at.
  for (const answer of answers) {
    const found = foundObject(answer);
    if (found && found.type === 'commit' && found.size > largeAt) large += found.size;
    if (found && large > together) return { sha: found.oid, size: large, together: true };
  }
  spent.bytes = large;
  return null;
}

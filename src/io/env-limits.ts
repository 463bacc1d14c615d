import { sanitize } from '../core/sanitize.js';
import { UsageError } from '../errors/usage-error.js';

/** Merged commits one run's merge-footer walks may read beyond the commits it judges or lists (rows 1132, 1154); AITRAIL_MERGED_READS sets it (row 1168). */
export const MERGED_READS = 10_000;

/**
 * The bounds a server or CI sets in its environment (rows 1036, 1073, 1092), each a whole number as
 * written (digits only, no sign, no leading zero) from 1 to `most`: one parser and one wording for the
 * three (session 53 had two parsers). Unset or empty: undefined (the default); anything else a usage
 * error (exit 2), never silently the default. Read at each use, never remembered (vitest's isolate: false).
 */
export const ENV_LIMITS = {
  AITRAIL_SIZE_CAPS_DIVISOR: {
    most: 65_536,
    bad: (set: string) =>
      `AITRAIL_SIZE_CAPS_DIVISOR='${set}' is not a divisor: give a whole number 1 to 65536, digits only (it can only lower the caps of 16 MiB a commit, 64 KiB a large commit, 64 MiB of large commits a range, 10,000 merged commits the merge-footer walks read, 16 MiB of a noted commit's diff counted and 200,000 paths shown through symbolic links matched whole), or unset it.`,
  },
  AITRAIL_MERGED_READS: {
    most: 10_000_000,
    bad: (set: string) =>
      `AITRAIL_MERGED_READS='${set}' is not a count of commits: give a whole number 1 to 10000000, digits only (AITRAIL_MERGED_READS=50000 for a merge bringing in up to 50,000 commits), or unset it for the default ${MERGED_READS}.`,
  },
  AITRAIL_COPY_BLAME_BUDGET: {
    most: 9_999_999,
    bad: (set: string) =>
      `AITRAIL_COPY_BLAME_BUDGET='${set}' is not a budget: give a whole number of MiB, 1 to 9999999, digits only (AITRAIL_COPY_BLAME_BUDGET=8192 for 8 GiB), or unset it for the default 4096.`,
  },
  AITRAIL_BLAME_BUDGET: {
    most: 9_999_999,
    bad: (set: string) =>
      `AITRAIL_BLAME_BUDGET='${set}' is not a budget: give a whole number of MiB, 1 to 9999999, digits only (AITRAIL_BLAME_BUDGET=262144 for 256 GiB), or unset it for the default 65536.`,
  },
} as const;

export type EnvLimitName = keyof typeof ENV_LIMITS;

/** Every bound the gate (check, pre-push, pre-receive) reads. */
export const GATE_LIMITS: readonly EnvLimitName[] = ['AITRAIL_SIZE_CAPS_DIVISOR', 'AITRAIL_MERGED_READS', 'AITRAIL_COPY_BLAME_BUDGET', 'AITRAIL_BLAME_BUDGET'];

/** Every bound the reports (log, blame, trend) read: the caps of the commits they read. */
export const REPORT_LIMITS: readonly EnvLimitName[] = ['AITRAIL_SIZE_CAPS_DIVISOR', 'AITRAIL_MERGED_READS'];

/** The environment's `name` as a whole number 1 to its most; unset or empty: undefined; mis-written: a UsageError. */
export function envLimit(name: EnvLimitName): number | undefined {
  const set = process.env[name] ?? '';
  if (set === '') return undefined;
  const { most, bad } = ENV_LIMITS[name];
  if (!/^[1-9][0-9]*$/.test(set) || set.length > String(most).length || Number(set) > most) throw new UsageError(bad(sanitize(set, { max: 60 })));
  return Number(set);
}

/**
 * Read each of `names` at the start of a run that may need them (row 1125): a mis-written value is exit 2 at once,
 * not only on the push or the range that first reaches the bound (a budget read only when a protected file was blamed).
 */
export function checkEnvLimits(names: readonly EnvLimitName[]): void {
  for (const name of names) envLimit(name);
}

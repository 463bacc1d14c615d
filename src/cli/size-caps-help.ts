/**
 * What `log`, `blame` and `trend --help` say of the size caps a report reads under (rows 966, 1107) and the
 * variable that lowers them (row 1073): one text for the three.
 */
export const SIZE_CAPS_HELP =
  'A commit of more than 16 MiB is not read, nor one whose message of more than 64 KiB comes after 64 MiB of such messages in the same walk (AI of an unknown model, said); ' +
  'AITRAIL_SIZE_CAPS_DIVISOR=<n> (1 to 65536) divides these, never raising them. ' +
  "A merge's agent footer is checked against at most 10,000 commits merges bring in beyond those read (past that it is said and left the merge's own): " +
  'AITRAIL_MERGED_READS=<commits> (1 to 10000000, default 10000) sets that bound (the divisor divides it too); a mis-written value of either is exit 2.';

/**
 * What `check --help` and `hook --help` say of the gate's bounds (rows 943, 1036, 1037, 1073, 1092): every variable
 * check, pre-push and pre-receive read, its range and default, and what the divisor scales (all six caps).
 */
export const GATE_BOUNDS_HELP =
  "The gate's bounds, set in the server's or CI's own environment (a mis-written value is exit 2 at the start of the run): " +
  'AITRAIL_COPY_BLAME_BUDGET=<MiB> (1 to 9999999, default 4096) the trees a copy search reads, ' +
  'AITRAIL_BLAME_BUDGET=<MiB> (1 to 9999999, default 65536) what blames of protected files are estimated to search, ' +
  'AITRAIL_MERGED_READS=<commits> (1 to 10000000, default 10000) the merged commits the merge-footer walks read beyond those judged: each raises or lowers its bound; ' +
  "AITRAIL_SIZE_CAPS_DIVISOR=<n> (1 to 65536) divides, never raising them, the caps of 16 MiB a commit or tag object, 64 KiB a large commit, 64 MiB of large commits a range, 16 MiB of a noted commit's diff counted, 10,000 merged commits the merge-footer walks read and 200,000 paths shown through symbolic links.";

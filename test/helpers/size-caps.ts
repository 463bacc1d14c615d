/**
 * Row s53a-1: AITRAIL_SIZE_CAPS_DIVISOR divides the caps of src/git/commit-size.ts (16 MiB a commit
 * object, 64 KiB a large commit, 64 MiB of large commits a range): a test proving a cap is hit builds
 * KiB of commits under it, not tens of MiB in the RAM tmpdir (which slowed the files beside it ~10x).
 * Passed as a run's `env` (aitrail, aitrailCpu, tryGit: pre-push and pre-receive inherit it), never set
 * on process.env (vitest's isolate: false shares it with the files run after).
 */
export const SIZE_DIVISOR = 256;
export const SCALED_ENV: NodeJS.ProcessEnv = { AITRAIL_SIZE_CAPS_DIVISOR: String(SIZE_DIVISOR) };
/** The caps under SCALED_ENV: 65,536 bytes a commit object, 256 a large commit, 262,144 of large commits a range. */
export const SCALED = {
  commit: (16 * 1024 * 1024) / SIZE_DIVISOR,
  large: (64 * 1024) / SIZE_DIVISOR,
  range: (64 * 1024 * 1024) / SIZE_DIVISOR,
} as const;

/**
 * Where `aitrail checkpoint` keeps what agents wrote until a commit records it: one JSON file per
 * edited path in `<git dir>/aitrail/checkpoints/` (the worktree's own git dir, not the common
 * one). A `*.json` file there means "there is something to record": the post-commit shim starts
 * node only then.
 */
export const CHECKPOINT_DIR = 'aitrail/checkpoints';
export const CHECKPOINT_SUFFIX = '.json';

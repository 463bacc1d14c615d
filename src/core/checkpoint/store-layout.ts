/**
 * Where `aitrail checkpoint` keeps what agents wrote until a commit records it: one JSON file per
 * edited path in `<git dir>/aitrail/checkpoints/` (the worktree's own git dir, not the common
 * one). A `*.json` file there means "there is something to record": the post-commit shim starts
 * node only then.
 */
export const CHECKPOINT_DIR = 'aitrail/checkpoints';
export const CHECKPOINT_SUFFIX = '.json';

/**
 * The commit a cherry-pick is committing and the HEAD it goes onto (`<picked>\n<head>\n`), kept by
 * prepare-commit-msg while git's `CHERRY_PICK_HEAD` is there: `git commit` removes that file before
 * post-commit runs (a pick resolved after a conflict, `cherry-pick -e`, `--continue`), and
 * post-commit carries the picked commit's note from it. Its presence also starts node in the
 * post-commit shim and in the message hooks' fast path (which then drops a stale one).
 */
export const PICK_SOURCE = 'aitrail/pick-source';

/**
 * The template prepare-commit-msg added a trailer to (as `templateComparable` sees it), for
 * commit-msg to abort an unedited template as git would have. prepare-commit-msg removes it first
 * thing: its presence starts node in the prepare-commit-msg shim.
 */
export const TEMPLATE_MARKER = 'aitrail/template-message';

/**
 * The note post-commit wrote last, for post-rewrite (`<commit>\n<note text>`): `git commit --amend`
 * runs post-commit before git copies the old commit's note. Its presence starts node in the
 * post-rewrite shim.
 */
export const FRESH_NOTE = 'aitrail/last-note';

/**
 * The steps an interactive rebase has taken (git's own file, in the worktree's git dir): while its
 * last line is an `exec` (`x`) step, a commit is that command's new work, not a replayed one.
 */
export const REBASE_DONE = 'rebase-merge/done';

/** Whether the last step of `done` (the file's text) runs a command. */
export function execStep(done: string): boolean {
  const last = done.trimEnd().split('\n').pop() ?? '';
  return /^(?:exec|x)[ \t]/.test(last);
}

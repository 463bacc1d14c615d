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
 * The commits a `git merge --squash` brought and the HEAD they go onto (`<head>\n<commit>\n…`),
 * kept by prepare-commit-msg while git's `SQUASH_MSG` (which names them, and which `git commit`
 * removes before post-commit runs) is there and a git-ai note may exist: post-commit composes the
 * squash commit's note from theirs. Its presence starts node in the post-commit shim and in the
 * message hooks' fast path (which then drops a stale one).
 */
export const SQUASH_SOURCE = 'aitrail/squash-source';

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
 * The author git exported (GIT_AUTHOR_NAME, GIT_AUTHOR_EMAIL, GIT_AUTHOR_DATE, one a line) to the
 * message hooks of the last commit node found a model in. An amend keeps its commit's author, date
 * included: the prepare-commit-msg shim starts node for a commit whose author is this one, so that
 * a person's `git commit --amend -m` of an agent's commit keeps the agent's models
 * (src/hooks/amended-attributions.ts), without a clock process on every other commit.
 */
export const AI_AUTHOR = 'aitrail/ai-author';

/**
 * The steps an interactive rebase has taken (git's own file, in the worktree's git dir): while its
 * last line is an `exec` (`x`) step, a commit is that command's new work, not a replayed one.
 */
export const REBASE_DONE = 'rebase-merge/done';

/** The last step of `done` (the file's text): the line git is at. */
function lastStep(done: string): string {
  return done.trimEnd().split('\n').pop() ?? '';
}

/** Whether the last step of `done` (the file's text) runs a command. */
export function execStep(done: string): boolean {
  return /^(?:exec|x)[ \t]/.test(lastStep(done));
}

/**
 * Whether the last step of `done` (the file's text) rewords a commit (`reword`, `r`): git picks it,
 * then runs `git commit --amend` with the editor, whose new message may drop what the commit declared.
 */
export function rewordStep(done: string): boolean {
  return /^(?:reword|r)[ \t]/.test(lastStep(done));
}

/**
 * The commits folded so far into the one an interactive rebase is making (git's own file, one
 * `fixup <sha>` or `squash <sha>` a line, removed when the chain ends): while the last step of
 * `done` is a fixup or a squash, the commit being made is HEAD with these folded into it.
 */
export const REBASE_FIXUPS = 'rebase-merge/current-fixups';

/** Where an interactive rebase stopped (`edit`, a conflict): git writes it at the stop and removes it before the next step. */
export const REBASE_STOPPED = 'rebase-merge/stopped-sha';

/**
 * An `edit` stop whose pick went in (the id of HEAD there): `git rebase --continue` amends HEAD with
 * what is staged, and commits only when something is (the index differs from the stopped commit's tree).
 */
export const REBASE_AMEND = 'rebase-merge/amend';

/** The author git gives the commit `git rebase --continue` makes at a stop (the stopped commit's), as sh assignments. */
export const REBASE_AUTHOR_SCRIPT = 'rebase-merge/author-script';

/** `git rebase --reset-author-date`: git gives its commits the time they are made, not the author-script's. */
export const REBASE_IGNORE_DATE = 'rebase-merge/ignore_date';

/** Whether the last step of `done` (the file's text) folds a commit into the one before it (`fixup`, `squash`, `f`, `s`, with `-C`/`-c`). */
export function foldStep(done: string): boolean {
  return /^(?:fixup|f|squash|s)[ \t]/.test(lastStep(done));
}

/** The commits `current-fixups` (the file's text) names, in order; a line that names none is left out. */
export function foldedCommits(fixups: string): string[] {
  return fixups.split('\n').flatMap((line) => /^(?:fixup|squash)[ \t]+([0-9a-f]{40}(?:[0-9a-f]{24})?)\s*$/.exec(line)?.[1] ?? []);
}

/**
 * Whether the last step of `done` (the file's text) folds a commit with a message git lets the
 * person edit: `squash` (`s`), `fixup -c`, or `fixup -C` (the chain's message replaced).
 */
export function editedFoldStep(done: string): boolean {
  return /^(?:squash|s)[ \t]|^(?:fixup|f)[ \t]+-[cC][ \t]/.test(lastStep(done));
}

/** Whether `todo` (git-rebase-todo's text) goes on folding into the commit just made: its next command is a fixup or a squash. */
export function foldContinues(todo: string): boolean {
  const next = todo.split('\n').find((line) => line.trim() !== '' && !/^\s*#/.test(line)) ?? '';
  return /^\s*(?:fixup|f|squash|s)[ \t]/.test(next);
}

/**
 * The commit a fold chain started from (the `pick`, `reword` or `edit` step before the chain's
 * fixups and squashes in `done`, the file's text), when git names it by its full id; else undefined.
 */
export function foldChainStart(done: string): string | undefined {
  const lines = done.trimEnd().split('\n');
  let at = lines.length - 1;
  while (at >= 0 && /^(?:fixup|f|squash|s)[ \t]/.test(lines[at] ?? '')) at -= 1;
  return /^(?:pick|p|reword|r|edit|e)[ \t]+([0-9a-f]{40}(?:[0-9a-f]{24})?)(?:[ \t]|$)/.exec(lines[at] ?? '')?.[1];
}

/**
 * What `git log -2 --first-parent --format='%H %ct' HEAD` printed (src/git/commit-times.ts), kept in
 * the worktree's git dir for the next hook of the same commit: a commit's own id and time and its
 * first parent's never change, so commit-msg reads them here, without a git process, while HEAD
 * (read from its files) is still the commit named first.
 */
export const PREVIOUS_COMMITS = 'aitrail/previous-commits';

/**
 * Written (empty) each time post-commit has looked for a reset to carry notes over: by node
 * (src/notes/reset-note.ts), or by the post-commit shim itself when the HEAD reflog's line before
 * the commit is no reset (src/install/pending-gate.ts). The shim looks only while git's `ORIG_HEAD`
 * (which `git reset`, merge, pull, rebase and am write) is not older than this file and a git-ai
 * note may exist. In the fast path's folder (aitrail_quiet reads nothing there but its stamp; a
 * folder the stamp removes takes this with it: the next look costs one `tail` more). (row 931)
 */
export const RESET_SEEN = 'aitrail/fast-path/reset-seen';

/**
 * Written (empty) by post-commit (src/notes/reset-note.ts) when the commit just made follows a reset
 * whose undone commits hold a git-ai note, removed when the HEAD reflog no longer runs from that
 * reset through plain commits (or after RESET_CHAIN_LIMIT of them, or once the index and work tree
 * hold the noted files as the commit does: row 960): while it is there the shim
 * starts node at each commit (a `-e`, a builtin), so the second and later commits after the reset
 * keep the undone lines they add. (row 950)
 */
export const RESET_PENDING = 'aitrail/fast-path/reset-pending';

import { CHECKPOINT_DIR, CHECKPOINT_SUFFIX, PICK_SOURCE } from '../core/checkpoint/store-layout.js';

/**
 * sh lines that end a post-commit hook (exit 0) before anything starts when no agent left a
 * checkpoint (no name ending in `.json` in `<git dir>/aitrail/checkpoints/`, as node reads them) and no cherry-pick is being committed
 * (no `<git dir>/CHERRY_PICK_HEAD`, nor what prepare-commit-msg kept of it: the picked commit's note is carried). git runs hooks at the work tree top,
 * where `.git` is the git dir, or a file naming it (worktrees, submodules; a relative name is
 * relative to that top); GIT_DIR, when git set it, wins. No git, no node spawned. Safe under
 * husky's `sh -e`.
 */
export function pendingCheckpointsGate(): string[] {
  return [
    `# Nothing to record unless an agent left a checkpoint (<git dir>/${CHECKPOINT_DIR}/*${CHECKPOINT_SUFFIX}, written by aitrail checkpoint) or a cherry-pick is committed.`,
    'aitrail_g=${GIT_DIR-}',
    'if [ -z "$aitrail_g" ]; then',
    '  if [ -f .git ]; then read -r aitrail_g <.git || :; aitrail_g=${aitrail_g#gitdir: }; else aitrail_g=.git; fi',
    'fi',
    'aitrail_p=',
    // Every name node reads (any name ending in ${CHECKPOINT_SUFFIX}: dot names too), dangling links too.
    `for aitrail_f in "$aitrail_g"/${CHECKPOINT_DIR}/*${CHECKPOINT_SUFFIX} "$aitrail_g"/${CHECKPOINT_DIR}/.*${CHECKPOINT_SUFFIX} "$aitrail_g"/${CHECKPOINT_DIR}/${CHECKPOINT_SUFFIX}; do if [ -e "$aitrail_f" ] || [ -L "$aitrail_f" ]; then aitrail_p=1; break; fi; done`,
    '[ -f "$aitrail_g/CHERRY_PICK_HEAD" ] && aitrail_p=1',
    // What prepare-commit-msg kept of a cherry-pick (git's `git commit` removes CHERRY_PICK_HEAD before post-commit).
    `[ -e "$aitrail_g/${PICK_SOURCE}" ] && aitrail_p=1`,
    '[ -n "$aitrail_p" ] || exit 0',
  ];
}

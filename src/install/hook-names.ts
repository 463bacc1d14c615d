/**
 * Hooks `aitrail init` installs in a work-tree repository. `git am` runs none of the commit hooks,
 * only applypatch-msg (with its message file, before the patch is applied), pre-applypatch and
 * post-applypatch: applypatch-msg records and judges the commit `git am` makes; pre-applypatch, which
 * git also runs for `git am --continue` (no applypatch-msg then), judges it again with the patch
 * applied to the index (the paths git applied); post-applypatch writes its line-level note (git runs
 * no post-commit for it).
 */
export const CLIENT_HOOKS = ['prepare-commit-msg', 'commit-msg', 'pre-push', 'post-commit', 'post-rewrite', 'applypatch-msg', 'pre-applypatch', 'post-applypatch'] as const;
/**
 * Hooks installed in a bare (server) repository: pre-receive judges each push; reference-transaction
 * checks, as each of its ref updates lands, that no other push changed what it was judged by
 * (src/enforce/receive-record.ts).
 */
export const SERVER_HOOKS = ['pre-receive', 'reference-transaction'] as const;

export type InstalledHook = (typeof CLIENT_HOOKS)[number] | (typeof SERVER_HOOKS)[number];

/** Hooks that never block: whatever happens, the commit (or rewrite) goes on. */
export function neverBlocks(hook: InstalledHook): boolean {
  return hook === 'prepare-commit-msg' || hook === 'post-commit' || hook === 'post-rewrite' || hook === 'post-applypatch';
}

/**
 * Installed (git mode) only where the hooks directory is inside the work tree (a relative
 * core.hooksPath such as `.githooks`): each worktree then has its own, and post-checkout gives a new
 * one (`git worktree add`) aitrail's shims (src/install/shim-source.ts worktreeShimLines).
 */
export const WORKTREE_HOOKS = ['post-checkout'] as const;
export type WorktreeHook = (typeof WORKTREE_HOOKS)[number];
/** Every hook that has a shim in hooks/. */
export type ShimHook = InstalledHook | WorktreeHook;

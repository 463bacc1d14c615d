import { join, relative } from 'node:path';
import { isTracked } from '../git/git-path.js';
import { CLIENT_HOOKS, WORKTREE_HOOKS, type ShimHook } from './hook-names.js';
import { installGitHook, inspectGitHook, type HookChange } from './git-hooks.js';
import { hookManagers, managedHook, managedNote, type ManagerConfig } from './hook-managers.js';

export interface ShimsInstalled {
  changes: HookChange[];
  /** lefthook's or simple-git-hooks' config found at `root`, for init's advice. */
  managers: ManagerConfig[];
  /** Why nothing was written (a tracked hooks directory holding hooks of the project's own). */
  refused?: string;
}

/**
 * aitrail's shims into the hooks directory `target` of the work tree at `root` (git mode). `own`: the
 * directory is that work tree's own (a relative core.hooksPath), so post-checkout goes in too and
 * hooks committed there are not chained without `force`. A hook lefthook or simple-git-hooks wrote
 * that already runs aitrail's shim is left to it. Nothing is checked for symbolic links here: the
 * caller refuses such a `target` first (unsafeHookDir).
 */
export async function installShims(root: string, target: string, own: boolean, options: { force?: boolean }, packageDir: string): Promise<ShimsInstalled> {
  const hooks: ShimHook[] = own ? [...CLIENT_HOOKS, ...WORKTREE_HOOKS] : [...CLIENT_HOOKS];
  const trackedForeign = async (hook: ShimHook) => inspectGitHook(target, hook).kind === 'foreign' && (await isTracked(root, relative(root, join(target, hook))));
  if (own && !options.force) {
    const tracked: string[] = [];
    for (const hook of CLIENT_HOOKS) if (await trackedForeign(hook)) tracked.push(hook);
    if (tracked.length > 0) {
      return { changes: [], managers: [], refused: `the hooks directory ${relative(root, target)} is tracked and holds ${tracked.join(', ')}; chaining would rename committed files. Re-run with --force to do it anyway (then commit the result for your team).` };
    }
  }
  const committedWorktreeHooks = new Set<ShimHook>();
  for (const hook of WORKTREE_HOOKS) {
    if (hooks.includes(hook) && !options.force && (await trackedForeign(hook))) committedWorktreeHooks.add(hook);
  }
  // lefthook and simple-git-hooks rewrite the hooks they own: one whose hook already runs aitrail's shim is left to it (chaining would run aitrail twice, and their next install undoes it).
  const managers = await hookManagers(root, packageDir);
  const changes = hooks.map((hook) => {
    if (committedWorktreeHooks.has(hook)) return { hook, path: join(target, hook), action: 'unchanged' as const, detail: `committed; left as it is (--force chains it): a worktree made later gets no aitrail shims` };
    const managed = hook === 'post-checkout' ? null : managedHook(join(target, hook), hook, managers);
    return managed && managed.wiring !== 'absent' && !options.force ? { hook, path: join(target, hook), action: 'unchanged' as const, detail: managedNote(managed), managedBy: managed.manager } : installGitHook(target, hook, options);
  });
  return { changes, managers };
}

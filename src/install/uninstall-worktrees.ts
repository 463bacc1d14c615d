import { existsSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { configValue } from '../git/config-value.js';
import { gitPath } from '../git/git-path.js';
import { locateRepo, type RepoLocation } from '../git/repo.js';
import { listWorktrees } from '../git/worktrees.js';
import { realOrPlanned } from '../io/real-or-planned.js';
import { CLIENT_HOOKS, WORKTREE_HOOKS, type ShimHook } from './hook-names.js';
import { HUSKY_EXTRA_HOOKS } from './husky-block.js';
import { uninstallGitHook, type HookChange } from './git-hooks.js';
import { uninstallHuskyHook } from './husky-hooks.js';
import { huskyRuntimePresent } from './husky-setup.js';
import { huskyDirFromHooksPath } from './install-mode.js';
import type { InstallState } from './install-state.js';
import { inside, unsafeHookDir, unsafeHuskyRuntime } from './safe-path.js';

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * The repository's other work trees (`git worktree add`), each located as git resolves it there:
 * only those whose common git dir is this one's (a folder since reused by another repository is
 * not ours to touch).
 */
export async function otherWorktrees(repo: RepoLocation): Promise<RepoLocation[]> {
  if (repo.bare) return [];
  const here = real(repo.root);
  const common = real(repo.commonDir);
  const others: RepoLocation[] = [];
  for (const path of await listWorktrees(repo.root).catch(() => [])) {
    if (real(path) === here || !existsSync(path)) continue;
    const other = await locateRepo(path).catch(() => null);
    if (other && !other.bare && real(other.root) === real(path) && real(other.commonDir) === common) others.push(other);
  }
  return others;
}

/**
 * `state.huskySetUp.huskyDir` (absolute, in the work tree init ran in) as a path below each work
 * tree's top: the deepest top that holds it names it (`.husky`, `web/.husky`); null when none does.
 */
export function huskyDirBelowTop(state: InstallState, tops: readonly string[]): string | null {
  const dir = state.huskySetUp?.huskyDir;
  if (dir === undefined) return null;
  const top = tops.filter((candidate) => inside(candidate, dir)).sort((a, b) => b.length - a.length)[0];
  return top === undefined ? null : relative(top, dir);
}

/**
 * `aitrail uninstall` in another work tree of the repository: what init, aitrail's post-checkout
 * (shims copied into a new worktree's own hooks directory, husky's runtime copied there) or an
 * `init` run there left in it. Each work tree's hooks directory is its own when core.hooksPath is
 * relative (`.githooks`), so the one uninstall ran in was not enough: the linked worktree's copies
 * kept recording and judging its commits, and failed them once aitrail was gone. The same rules as
 * in the work tree uninstall runs in: only aitrail's shims removed and the hooks they chained put
 * back, only aitrail's lines taken out of a husky file; a folder reached through a symbolic link is
 * skipped (nothing of aitrail's was ever written through one). `done`: hooks directories (real
 * paths) already handled (the common `.git/hooks` is every worktree's).
 */
export async function uninstallOtherWorktree(other: RepoLocation, state: InstallState, huskyBelowTop: string | null, done: Set<string>): Promise<HookChange[]> {
  const changes: HookChange[] = [];
  const hooksPath = await configValue(other.root, 'core.hooksPath');
  const huskyDirs = new Set<string>([join(other.root, '.husky')]);
  const active = huskyDirFromHooksPath(other.root, hooksPath);
  if (active) huskyDirs.add(active);
  if (huskyBelowTop !== null) huskyDirs.add(join(other.root, huskyBelowTop));
  for (const dir of huskyDirs) {
    if (!inside(other.root, dir) || unsafeHookDir(dir, other) !== null || done.has(realOrPlanned(dir))) continue;
    done.add(realOrPlanned(dir));
    for (const hook of [...CLIENT_HOOKS, ...HUSKY_EXTRA_HOOKS]) changes.push(uninstallHuskyHook(dir, hook));
  }
  const target = await gitPath(other.root, 'hooks');
  if (!done.has(realOrPlanned(target)) && unsafeHookDir(target, other) === null) {
    done.add(realOrPlanned(target));
    const hooks: ShimHook[] = [...CLIENT_HOOKS, ...WORKTREE_HOOKS];
    for (const hook of hooks) changes.push(uninstallGitHook(target, hook));
  }
  // husky, which aitrail set up, comes down (core.hooksPath unset): the runtime post-checkout copied here goes with it.
  if (huskyBelowTop !== null) {
    const huskyDir = join(other.root, huskyBelowTop);
    const removable = inside(other.root, huskyDir) && unsafeHookDir(huskyDir, other) === null && unsafeHuskyRuntime(huskyDir) === null;
    if (removable && huskyRuntimePresent(huskyDir)) {
      rmSync(join(huskyDir, '_'), { recursive: true, force: true });
      changes.push({ hook: '*', path: join(huskyDir, '_'), action: 'removed', detail: "husky's runtime, which aitrail had copied into this worktree" });
    }
    if (removable && existsSync(huskyDir) && readdirSync(huskyDir).length === 0) rmSync(huskyDir, { recursive: true });
  }
  return changes;
}

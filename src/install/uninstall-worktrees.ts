import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { configValue } from '../git/config-value.js';
import { gitPath, isTracked } from '../git/git-path.js';
import { locateRepo, type RepoLocation } from '../git/repo.js';
import { listWorktrees } from '../git/worktrees.js';
import { realOrPlanned } from '../io/real-or-planned.js';
import { CLIENT_HOOKS, WORKTREE_HOOKS, type ShimHook } from './hook-names.js';
import { HUSKY_EXTRA_HOOKS } from './husky-block.js';
import { uninstallGitHook, type HookChange } from './git-hooks.js';
import { uninstallHuskyAttributes, uninstallHuskyHook, uninstallHuskyLib } from './husky-hooks.js';
import { huskyRuntimePresent } from './husky-setup.js';
import { huskyDirFromHooksPath } from './install-mode.js';
import type { InstallState } from './install-state.js';
import { inside, unsafeHookDir, unsafeHuskyRuntime } from './safe-path.js';

/**
 * The husky folders of the work tree at `root` whose hooks may hold aitrail's lines: `.husky`, the
 * one core.hooksPath (`hooksPath`) names, and `extra` (where init set husky up).
 */
export function huskyDirsOf(root: string, hooksPath: string | undefined, extra: string | null): Set<string> {
  const dirs = new Set<string>([join(root, '.husky')]);
  const active = huskyDirFromHooksPath(root, hooksPath);
  if (active) dirs.add(active);
  if (extra !== null) dirs.add(extra);
  return dirs;
}

/**
 * husky's runtime (`<huskyDir>/_`) that aitrail set up, removed, and `huskyDir` too once empty;
 * never through a symbolic link (a committed `.husky` or `.husky/_` link) nor outside `repo`'s
 * work tree. True when a runtime was removed.
 */
export function removeHuskyRuntime(huskyDir: string, repo: RepoLocation): boolean {
  if (!inside(repo.root, huskyDir) || unsafeHookDir(huskyDir, repo) !== null || unsafeHuskyRuntime(huskyDir) !== null) return false;
  const present = huskyRuntimePresent(huskyDir);
  if (present) rmSync(join(huskyDir, '_'), { recursive: true, force: true });
  if (existsSync(huskyDir) && readdirSync(huskyDir).length === 0) rmSync(huskyDir, { recursive: true });
  return present;
}

/**
 * The repository's other work trees (`git worktree add`), each located as git resolves it there:
 * only those whose common git dir is this one's (a folder since reused by another repository is
 * not ours to touch).
 */
export async function otherWorktrees(repo: RepoLocation): Promise<RepoLocation[]> {
  if (repo.bare) return [];
  const here = realOrPlanned(repo.root);
  const common = realOrPlanned(repo.commonDir);
  const others: RepoLocation[] = [];
  for (const path of await listWorktrees(repo.root).catch(() => [])) {
    if (realOrPlanned(path) === here || !existsSync(path)) continue;
    const other = await locateRepo(path).catch(() => null);
    if (other && !other.bare && realOrPlanned(other.root) === realOrPlanned(path) && realOrPlanned(other.commonDir) === common) others.push(other);
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
  const huskyBelow = huskyBelowTop === null ? null : join(other.root, huskyBelowTop);
  const huskyDirs = huskyDirsOf(other.root, await configValue(other.root, 'core.hooksPath'), huskyBelow);
  for (const dir of huskyDirs) {
    if (!inside(other.root, dir) || unsafeHookDir(dir, other) !== null || done.has(realOrPlanned(dir))) continue;
    done.add(realOrPlanned(dir));
    for (const hook of [...CLIENT_HOOKS, ...HUSKY_EXTRA_HOOKS]) changes.push(uninstallHuskyHook(dir, hook));
    changes.push(uninstallHuskyLib(dir), uninstallHuskyAttributes(dir));
  }
  const target = await gitPath(other.root, 'hooks');
  if (!done.has(realOrPlanned(target)) && unsafeHookDir(target, other) === null) {
    done.add(realOrPlanned(target));
    const hooks: ShimHook[] = [...CLIENT_HOOKS, ...WORKTREE_HOOKS];
    for (const hook of hooks) changes.push(uninstallGitHook(target, hook));
  }
  // husky, which aitrail set up, comes down (core.hooksPath unset): the runtime post-checkout copied here goes with it.
  // Never a runtime committed in the branch checked out there (init leaves such a worktree alone): those are the branch's files, not a copy of aitrail's.
  const committed = huskyBelow !== null && existsSync(join(huskyBelow, '_')) && (await isTracked(other.root, relative(other.root, join(huskyBelow, '_'))).catch(() => true));
  if (huskyBelow !== null && !committed && removeHuskyRuntime(huskyBelow, other)) {
    changes.push({ hook: '*', path: join(huskyBelow, '_'), action: 'removed', detail: "husky's runtime, which aitrail had copied into this worktree" });
  }
  return changes;
}

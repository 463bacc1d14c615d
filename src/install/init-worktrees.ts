import { chmodSync, constants, copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { runGit } from '../git/exec.js';
import { gitPath, isTracked } from '../git/git-path.js';
import { locateRepo, type RepoLocation } from '../git/repo.js';
import { worktreeEntries } from '../git/worktrees.js';
import { realOrPlanned } from '../io/real-or-planned.js';
import { CLIENT_HOOKS } from './hook-names.js';
import { HUSKY_EXTRA_HOOKS } from './husky-block.js';
import type { HookChange } from './git-hooks.js';
import { installHuskyAttributes, installHuskyHook, installHuskyLib } from './husky-hooks.js';
import { huskyRuntimePresent } from './husky-setup.js';
import { huskyDirFromHooksPath } from './install-mode.js';
import { installShims } from './install-shims.js';
import { inside, unsafeHookDir, unsafeHookFile, unsafeHuskyRuntime } from './safe-path.js';

/** What init did in the repository's other worktrees. */
export interface WorktreesInstalled {
  changes: HookChange[];
  /** Each worktree skipped, and why. */
  notes: string[];
  /** The worktrees that got the hooks (init leaves each its fast-path stamp, as in its own). */
  installed: RepoLocation[];
}

const skipped = (path: string, why: string) => `Worktree ${path} skipped: ${why}; git runs none of aitrail's hooks there until 'aitrail init' is run in it.`;

/**
 * The repository's other worktrees (`git worktree list`) that init installs into, each located as
 * git resolves it there; a note for each one skipped: its folder gone (prunable), locked, or no
 * longer a work tree of this repository.
 */
async function worktreesForInit(repo: RepoLocation): Promise<{ others: RepoLocation[]; notes: string[] }> {
  const here = realOrPlanned(repo.root);
  const common = realOrPlanned(repo.commonDir);
  const others: RepoLocation[] = [];
  const notes: string[] = [];
  const entries = await worktreeEntries(repo.root).catch(() => null);
  if (entries === null) return { others, notes: ["'git worktree list' failed: worktrees made before this init get no aitrail hooks; run 'aitrail init' in each."] };
  for (const entry of entries) {
    if (entry.bare || realOrPlanned(entry.path) === here) continue;
    if (entry.prunable || !existsSync(entry.path)) {
      notes.push(`Worktree ${entry.path} skipped: its folder is gone ('git worktree prune' forgets it).`);
      continue;
    }
    if (entry.locked) {
      notes.push(skipped(entry.path, "it is locked ('git worktree lock')"));
      continue;
    }
    const other = await locateRepo(entry.path).catch(() => null);
    if (!other || other.bare || realOrPlanned(other.root) !== realOrPlanned(entry.path) || realOrPlanned(other.commonDir) !== common) {
      notes.push(skipped(entry.path, 'it is not a work tree of this repository now'));
      continue;
    }
    others.push(other);
  }
  return { others, notes };
}

/** `git rev-parse --git-path hooks` in the worktree at `root` as git prints it (relative when its core.hooksPath is), or null. */
async function hooksPathOf(root: string): Promise<string | null> {
  return runGit(['rev-parse', '--git-path', 'hooks'], { cwd: root }).then((out) => out.replace(/\n$/, ''), () => null);
}

/**
 * git mode, the hooks directory `target` inside the work tree (a relative core.hooksPath): the same
 * shims into each other worktree's own hooks directory, which post-checkout fills only in worktrees
 * made after init. The same rules as in the work tree init runs in: never through a symbolic link
 * nor outside that worktree, a hook that is not aitrail's chained, never overwritten; hooks committed
 * in a tracked hooks directory chained only with `force`.
 */
export async function installShimsInWorktrees(repo: RepoLocation, target: string, options: { force?: boolean }, packageDir: string): Promise<WorktreesInstalled> {
  const { others, notes } = await worktreesForInit(repo);
  const changes: HookChange[] = [];
  const installed: RepoLocation[] = [];
  const done = new Set<string>([realOrPlanned(target)]);
  for (const other of others) {
    const named = await hooksPathOf(other.root);
    if (named === null) continue;
    const dir = resolve(other.root, named);
    if (done.has(realOrPlanned(dir))) continue;
    if (!inside(other.root, dir) || inside(other.commonDir, dir)) {
      notes.push(skipped(other.root, `its hooks directory (${dir}) is not its own: its core.hooksPath is not this one's`));
      continue;
    }
    // Its own core.hooksPath (extensions.worktreeConfig), refused in the worktree init runs in by the same rules: a relative
    // one starting with '-' reaches each hook's `#!/bin/sh` as an option, so every commit there would fail; husky's runtime is husky's.
    if (!isAbsolute(named) && named.replace(/^(\.\/+)+/, '').startsWith('-')) {
      notes.push(skipped(other.root, `its core.hooksPath '${named}' starts with '-': git runs each hook there by that relative path, which /bin/sh reads as an option, so every commit there would fail`));
      continue;
    }
    if (huskyDirFromHooksPath(other.root, dir) !== undefined) {
      notes.push(skipped(other.root, `its core.hooksPath (${dir}) is husky's runtime directory, which husky rewrites ('aitrail init --mode husky' there)`));
      continue;
    }
    const unsafe = unsafeHookDir(dir, other);
    if (unsafe) {
      notes.push(skipped(other.root, unsafe));
      continue;
    }
    done.add(realOrPlanned(dir));
    const result = await installShims(other.root, dir, true, options, packageDir);
    if (result.refused) {
      notes.push(skipped(other.root, result.refused.replace(/^the hooks directory /, `its hooks directory `)));
      continue;
    }
    changes.push(...result.changes.map((change) => ({ ...change, worktree: other.root })));
    // A hook refused there (its own and a `.aitrail-chained` one both present) is that worktree's: it gets no stamp, init's own worktree still does.
    if (result.changes.some((change) => change.action === 'refused')) notes.push(`Worktree ${other.root}: a hook there was refused (above); fix it, then run 'aitrail init' again.`);
    else installed.push(other);
  }
  return { changes, notes, installed };
}

/**
 * husky mode, core.hooksPath `<huskyDir>/_` inside the work tree: husky's runtime is each worktree's
 * own and never committed (husky v9 writes it where `npx husky` runs), so a worktree made before
 * init had none and git ran no hook there. Each other worktree gets what the one init ran in has:
 * aitrail's block in its own `<huskyDir>/<hook>` files (its checkout's, maybe without them), and
 * husky's runtime copied from this one when it has none (only regular files, never over anything).
 * Never through a symbolic link nor outside that worktree.
 */
export async function installHuskyInWorktrees(repo: RepoLocation, huskyDir: string, options: { force?: boolean }, packageDir: string): Promise<WorktreesInstalled> {
  const changes: HookChange[] = [];
  const installed: RepoLocation[] = [];
  if (!inside(repo.root, huskyDir)) return { changes, notes: [], installed };
  const below = relative(repo.root, huskyDir);
  const { others, notes } = await worktreesForInit(repo);
  const done = new Set<string>([realOrPlanned(huskyDir)]);
  for (const other of others) {
    const hooksDir = await gitPath(other.root, 'hooks').catch(() => null);
    // An absolute core.hooksPath naming this runtime: the worktree runs this one's hooks already.
    if (hooksDir === null || realOrPlanned(hooksDir) === realOrPlanned(join(huskyDir, '_'))) continue;
    const dir = join(other.root, below);
    if (resolve(hooksDir) !== join(dir, '_')) {
      notes.push(skipped(other.root, `its core.hooksPath names ${hooksDir}, not husky's runtime in ${dir}`));
      continue;
    }
    const unsafe = unsafeHookDir(dir, other) ?? CLIENT_HOOKS.map((hook) => unsafeHookFile(join(dir, hook))).find((problem) => problem !== null) ?? unsafeHuskyRuntime(dir);
    if (unsafe) {
      notes.push(skipped(other.root, unsafe));
      continue;
    }
    if (done.has(realOrPlanned(dir))) continue;
    // A runtime committed in the branch checked out there (`git add -f .husky/_`) is what git runs, not husky's: its commit-msg need not run `.husky/commit-msg`.
    if (lstatSync(join(dir, '_'), { throwIfNoEntry: false }) !== undefined && (await isTracked(other.root, relative(other.root, join(dir, '_'))).catch(() => true))) {
      notes.push(skipped(other.root, `${join(dir, '_')} is committed in the branch checked out there: git runs those files, not husky's runtime, and they need not run aitrail's lines in ${dir}`));
      continue;
    }
    done.add(realOrPlanned(dir));
    const start = changes.length;
    mkdirSync(dir, { recursive: true });
    changes.push(installHuskyLib(dir, { ...options, packageDir }), installHuskyAttributes(dir), ...CLIENT_HOOKS.map((hook) => installHuskyHook(dir, hook, { ...options, packageDir })));
    for (const hook of HUSKY_EXTRA_HOOKS) {
      const path = join(dir, hook);
      const problem = unsafeHookFile(path);
      changes.push(problem ? { hook, path, action: 'unchanged', detail: `${problem}: a worktree made later from this one gets no husky runtime from aitrail` } : installHuskyHook(dir, hook, { ...options, packageDir }));
    }
    const runtime = copyHuskyRuntime(huskyDir, dir);
    if (typeof runtime === 'string') notes.push(skipped(other.root, runtime));
    else if (runtime) changes.push(runtime);
    for (let index = start; index < changes.length; index++) changes[index] = { ...changes[index]!, worktree: other.root };
    installed.push(other);
  }
  return { changes, notes, installed };
}

/**
 * husky's runtime of `from` (`<from>/_`: its regular files, mode kept) copied to `<to>/_`, which must
 * not exist; null when `to` has one already; a reason when none could be copied.
 */
function copyHuskyRuntime(from: string, to: string): HookChange | string | null {
  const source = join(from, '_');
  const dest = join(to, '_');
  if (lstatSync(dest, { throwIfNoEntry: false }) !== undefined) return huskyRuntimePresent(to) ? null : `${dest} is there but holds no husky runtime (run 'npx husky' there)`;
  if (!huskyRuntimePresent(from) || unsafeHuskyRuntime(from) !== null) return `there is no husky runtime in ${source} to copy (run 'npx husky' there)`;
  mkdirSync(dest);
  for (const name of readdirSync(source)) {
    const stat = lstatSync(join(source, name), { throwIfNoEntry: false });
    if (!stat?.isFile()) continue;
    copyFileSync(join(source, name), join(dest, name), constants.COPYFILE_EXCL);
    chmodSync(join(dest, name), stat.mode & 0o777);
  }
  return { hook: '*', path: dest, action: 'installed', detail: `husky's runtime (never committed), copied from ${source}: without it git runs no hook in this worktree` };
}

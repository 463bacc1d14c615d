import { existsSync, realpathSync, rmSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { configLists, configScope, configValue, pathConfigValue, setConfigValue, unsetConfigValue } from '../git/config-value.js';
import { gitPath } from '../git/git-path.js';
import { locateRepo } from '../git/repo.js';
import { CLIENT_HOOKS, SERVER_HOOKS, WORKTREE_HOOKS, type ShimHook } from './hook-names.js';
import { HUSKY_EXTRA_HOOKS, type HuskyHook } from './husky-block.js';
import { installGitHook, uninstallGitHook, type HookChange } from './git-hooks.js';
import { installHuskyAttributes, installHuskyHook, installHuskyLib, uninstallHuskyAttributes, uninstallHuskyHook, uninstallHuskyLib } from './husky-hooks.js';
import { setUpHusky } from './husky-setup.js';
import { chooseInstallMode, huskyDirFromHooksPath, packageWantsHusky, type InstallMode } from './install-mode.js';
import { readInstallState, writeInstallState } from './install-state.js';
import { inside, unsafeHookDir, unsafeHookFile, unsafeHuskyRuntime, type Bounds } from './safe-path.js';
import { committedHuskyHooks } from './committed-husky-hooks.js';
import { hooksAtRisk, managerAdvice } from './hook-managers.js';
import { addNotesRewriteRef, removeNotesRewriteRef } from './notes-rewrite-ref.js';
import { uninstallAgentHooks } from './agent-hooks.js';
import { huskyDirBelowTop, huskyDirsOf, otherWorktrees, removeHuskyRuntime, uninstallOtherWorktree } from './uninstall-worktrees.js';
import { realOrPlanned } from '../io/real-or-planned.js';
import { installShims } from './install-shims.js';
import { emptyHooksPath, linkedGitDirs, pushTargetHooks } from './push-target.js';
import { installHuskyInWorktrees, installShimsInWorktrees, type WorktreesInstalled } from './init-worktrees.js';
import { findPackageDir, PACKAGE_DIR_KEY, recordedPackageDir, recordPackageDir, usablePackageDir } from './package-dir.js';

export interface InitOptions {
  mode?: InstallMode;
  force?: boolean;
}

export interface InitResult {
  root: string;
  mode: InstallMode;
  reason: string;
  /** Where the hooks went: the husky directory or the effective git hooks directory. */
  target: string;
  changes: HookChange[];
  /** Things the user should know or do next. */
  notes: string[];
  /** A reason nothing could be installed safely (exit 2). */
  refused?: string;
  /** The package folder (relative to root, '' = the top) whose node_modules/.bin the hooks try first. */
  packageDir: string;
  /** The git dir of the work tree init ran in (its hooks keep their state there); absent for a bare repository. */
  gitDir?: string;
  /** The repository's other worktrees that got the hooks too (each hooks directory its own: a relative core.hooksPath). */
  worktrees?: { root: string; gitDir: string }[];
}

/** Why nothing may be written for `hooks` in `dir` (symlinks, a place outside the repository), or null. */
function unsafeTarget(dir: string, hooks: readonly HuskyHook[], bounds: Bounds): string | null {
  return unsafeHookDir(dir, bounds) ?? hooks.map((hook) => unsafeHookFile(join(dir, hook))).find((problem) => problem !== null) ?? null;
}

/** `aitrail init`: install the hooks into husky or the effective git hooks directory. */
export async function initHooks(cwd: string, options: InitOptions = {}): Promise<InitResult> {
  const repo = await locateRepo(cwd);
  const { root } = repo;
  if (repo.bare) {
    if (options.mode === 'husky') return { root, mode: 'husky', reason: '--mode husky', target: root, changes: [], notes: [], packageDir: '', refused: 'a bare repository has no work tree for husky; run init without --mode to install the pre-receive hook' };
    const target = await gitPath(root, 'hooks');
    const unsafe = unsafeHookDir(target, repo);
    if (unsafe) return { root, mode: 'git', reason: 'bare (server) repository', target, changes: [], notes: [], packageDir: '', refused: unsafe };
    const serverHooksPath = await configValue(root, 'core.hooksPath');
    const empty = emptyHooksPath(serverHooksPath, serverHooksPath === '' ? (await configScope(root, 'core.hooksPath'))?.scope : undefined);
    if (empty) return { root, mode: 'git', reason: 'bare (server) repository', target, changes: [], notes: [], packageDir: '', refused: empty };
    // A relative core.hooksPath is read from the directory receive-pack works in: for a push to a
    // linked worktree's path (a deploy worktree), that worktree's git dir, where no pre-receive is.
    const relativeHooks = await relativeServerHooks(root, repo.commonDir, options);
    if (relativeHooks.refused) return { root, mode: 'git', reason: 'bare (server) repository', target, changes: [], notes: [], packageDir: '', refused: relativeHooks.refused };
    const changes = SERVER_HOOKS.map((hook) => installGitHook(target, hook, options));
    return { root, mode: 'git', reason: 'bare (server) repository: pre-receive and reference-transaction', target, changes, packageDir: '', notes: ['Pushes are now checked against the policy; put aitrail on the server PATH (npm i -g aitrail).', ...relativeHooks.notes] };
  }
  // core.hooksPath, the package folder recorded before and notes.rewriteRef of one `git config` (three at 4555ec2).
  const settings = await configLists(root, ['core.hookspath', PACKAGE_DIR_KEY.toLowerCase(), 'notes.rewriteref']);
  const hooksPath = settings.get('core.hookspath')?.at(-1);
  const notes: string[] = [];
  // The package that runs init (a monorepo's web/): the hooks run its binary, from any folder.
  // Run from elsewhere (the top, with a global aitrail), init keeps the folder recorded before.
  const found = (await findPackageDir(root, realpathSync(cwd))) ?? (await recordedPackageDir(root, settings.get(PACKAGE_DIR_KEY.toLowerCase())?.at(-1) ?? ''));
  const packageDir = found === '' || usablePackageDir(found) ? found : '';
  if (found !== packageDir) notes.push(`The package folder ${found} cannot be named in a hook (control characters, ':' or '..'): the hooks look in node_modules/.bin at the top and on PATH.`);
  const choice = chooseInstallMode(root, hooksPath, options.mode, join(root, packageDir));

  if (choice.mode === 'husky') {
    const result: InitResult = { root, mode: 'husky', reason: choice.reason, target: choice.huskyDir, changes: [], notes, packageDir, gitDir: repo.gitDir };
    const active = huskyDirFromHooksPath(root, hooksPath) !== undefined;
    const unsafe = unsafeTarget(choice.huskyDir, CLIENT_HOOKS, repo) ?? (active ? null : unsafeHuskyRuntime(choice.huskyDir));
    if (unsafe) return { ...result, refused: unsafe };
    if (!active) {
      if (hooksPath && !options.force) {
        return { ...result, refused: `core.hooksPath is set to '${hooksPath}'; setting husky up would replace it. Use --mode git to install there, or --force to let husky take over ('aitrail uninstall' puts it back).` };
      }
      // Setting core.hooksPath makes git run every hook committed in the husky directory: say which.
      const committed = await committedHuskyHooks(root, choice.huskyDir);
      if (committed.length > 0) notes.push(`Activating hooks already committed in this repository, which git now runs: ${committed.join(', ')} (not aitrail's; read them if you do not trust this repository, and 'aitrail uninstall' turns them off again).`);
      const message = await setUpHusky(root, choice.huskyDir);
      if (message !== '') return { ...result, refused: `husky could not be set up: ${message}` };
      const state = readInstallState(repo.commonDir);
      if (!state.huskySetUp) writeInstallState(repo.commonDir, { ...state, huskySetUp: { huskyDir: choice.huskyDir, previousHooksPath: hooksPath ?? null } });
      notes.push(`husky set up (core.hooksPath=${relative(root, join(choice.huskyDir, '_'))}).`);
      if (!packageWantsHusky(root) && !packageWantsHusky(join(root, packageDir))) notes.push(`So that teammates get the hooks too: ${huskyPrepareHint(root, packageDir, choice.huskyDir)}, then commit ${relative(root, choice.huskyDir)}/.`);
    }
    // post-checkout: a worktree made later gets husky's runtime, so that git runs the hooks there too.
    result.changes = [
      installHuskyLib(choice.huskyDir, { ...options, packageDir }),
      installHuskyAttributes(choice.huskyDir),
      ...CLIENT_HOOKS.map((hook) => installHuskyHook(choice.huskyDir, hook, { ...options, packageDir })),
      ...HUSKY_EXTRA_HOOKS.map((hook) => {
        const path = join(choice.huskyDir, hook);
        const unsafe = unsafeHookFile(path);
        // Never written through; the commit hooks still go in (a worktree made later then needs 'npx husky').
        return unsafe ? { hook, path, action: 'unchanged' as const, detail: `${unsafe}: a worktree made later gets no husky runtime from aitrail` } : installHuskyHook(choice.huskyDir, hook, { ...options, packageDir });
      }),
    ];
    if (!result.changes.some((change) => change.action === 'refused')) {
      await recordPackageDir(root, packageDir);
      // husky's runtime is each worktree's own: one made before this init has none, and no aitrail lines maybe.
      addWorktrees(result, await installHuskyInWorktrees(repo, choice.huskyDir, options, packageDir));
    }
    const rewrite = await addNotesRewriteRef(root, repo.commonDir);
    if (rewrite) notes.push(rewrite);
    // husky's runtime is a relative core.hooksPath, which pushes read from the git dir: never aitrail's pre-receive.
    notes.push(...(await pushTargetHooks(repo, relative(root, join(choice.huskyDir, '_')), choice.huskyDir, { ...options, husky: true })).notes);
    if (result.changes.some((change) => change.action !== 'unchanged')) notes.push(`Commit ${relative(root, choice.huskyDir) || '.husky'}/ so your team records too.`);
    return result;
  }

  const target = await gitPath(root, 'hooks');
  const result: InitResult = { root, mode: 'git', reason: choice.reason, target, changes: [], notes, packageDir, gitDir: repo.gitDir };
  const unsafe = unsafeHookDir(target, repo);
  if (unsafe) return { ...result, refused: unsafe };
  const empty = emptyHooksPath(hooksPath, hooksPath === '' ? (await configScope(root, 'core.hooksPath'))?.scope : undefined);
  if (empty) return { ...result, refused: empty };
  if (huskyDirFromHooksPath(root, hooksPath) && !options.force) {
    return { ...result, refused: `core.hooksPath points to husky's runtime directory (${hooksPath}), which husky rewrites. Run 'aitrail init --mode husky' instead.` };
  }
  // git runs a hook by its path as core.hooksPath names it: a relative one starting with '-' reaches the script's `#!/bin/sh` as an option (`Illegal option -h`), so every hook there fails, and with aitrail's every commit.
  if (hooksPath !== undefined && hooksPath.replace(/^(\.\/+)+/, '').startsWith('-')) {
    return { ...result, refused: `core.hooksPath '${hooksPath}' starts with '-': git runs each hook by that relative path, which /bin/sh reads as an option, so every hook there fails and every commit would. Name it by its full path, then run init again: git config core.hooksPath '${join(root, hooksPath)}'` };
  }
  // A core.hooksPath of the user's or the machine's config serves every repository: commit-msg and pre-push there refused every commit and push of every other one without aitrail.
  const shared = hooksPath === undefined || options.force ? undefined : await configScope(root, 'core.hooksPath');
  if (shared && (shared.scope === 'global' || shared.scope === 'system')) {
    const own = join(repo.commonDir, 'hooks');
    return {
      ...result,
      refused: `core.hooksPath is set in your ${shared.scope} git config (${shared.origin.replace(/^file:/, '')}) to '${hooksPath}': git runs the hooks there for every repository that does not set its own, and aitrail's commit-msg and pre-push would refuse every commit and push of those without aitrail. Give this repository a hooks directory of its own, then run init again: git config core.hooksPath '${own}' (the hooks in ${hooksPath} then no longer run here: copy those you need into ${own} first, and init chains them); or --force to install in ${hooksPath} for every repository.`,
    };
  }
  // A hooks directory inside the work tree (a relative core.hooksPath) is each worktree's own: post-checkout gives a new one the shims.
  const own = inside(root, target) && !inside(repo.commonDir, target);
  const installed = await installShims(root, target, own, options, packageDir);
  if (installed.refused) return { ...result, refused: installed.refused };
  result.changes = installed.changes;
  // A repository that takes pushes into its checked-out branch (push-to-deploy) is a server too.
  // As git reads it (`~/hooks` is absolute once expanded, not relative to the git dir).
  const receiving = await pushTargetHooks(repo, hooksPath === undefined ? undefined : await pathConfigValue(root, 'core.hooksPath'), target, options);
  result.changes.push(...receiving.changes);
  notes.push(...receiving.notes);
  const managers = installed.managers;
  for (const manager of managers) {
    const taken = hooksAtRisk(manager);
    if (taken.length > 0) notes.push(...managerAdvice(manager, taken, packageDir));
  }
  if (!result.changes.some((change) => change.action === 'refused')) {
    await recordPackageDir(root, packageDir);
    // post-checkout gives the shims only to worktrees made from now on: those made before get them here.
    if (own) addWorktrees(result, await installShimsInWorktrees(repo, target, options, packageDir));
  }
  // As read above: nothing since writes notes.rewriteRef (husky's set-up, which runs husky, reads it again below).
  const rewrite = await addNotesRewriteRef(root, repo.commonDir, settings.get('notes.rewriteref'));
  if (rewrite) notes.push(rewrite);
  return result;
}

/**
 * A bare repository whose core.hooksPath is relative: git reads it from the directory receive-pack
 * works in, the repository for a push to its own path, but a linked worktree's git dir
 * (`worktrees/<name>/`) for a push to that worktree's path, where no pre-receive is: such a push
 * ran no hook at all. Refused while linked worktrees exist (unless --force); else a note.
 */
export async function relativeServerHooks(root: string, commonDir: string, options: InitOptions): Promise<{ refused?: string; notes: string[] }> {
  // As git reads it: `~/hooks`, `%(prefix)/hooks` are absolute once expanded, the same for every push.
  const hooksPath = await pathConfigValue(root, 'core.hooksPath');
  if (hooksPath === undefined || hooksPath === '' || isAbsolute(hooksPath)) return { notes: [] };
  const full = resolve(root, hooksPath);
  const fix = `Name it by its full path, then run init again: git config core.hooksPath '${full}'`;
  const linked = linkedGitDirs(commonDir);
  if (linked.length > 0 && !options.force) {
    return { notes: [], refused: `core.hooksPath '${hooksPath}' is relative: git reads it from the directory receive-pack works in, which for a push to the path of a linked worktree (${linked.slice(0, 5).map((dir) => basename(dir)).join(', ')}) is that worktree's git directory (${join(linked[0]!, hooksPath)}), where no pre-receive is, so such pushes would never be checked. ${fix}` };
  }
  return { notes: [`core.hooksPath '${hooksPath}' is relative: a push to the path of a linked worktree (git worktree add) would run no hook of this directory, so would never be checked. ${fix}`] };
}

/** What init did in the other worktrees, added to its result. */
function addWorktrees(result: InitResult, done: WorktreesInstalled): void {
  result.changes.push(...done.changes);
  result.notes.push(...done.notes);
  result.worktrees = done.installed.map((other) => ({ root: other.root, gitDir: other.gitDir }));
}

/** How a package gets husky set up on `npm install`: at the top, or from a sub-folder (husky's monorepo recipe). */
function huskyPrepareHint(root: string, packageDir: string, huskyDir: string): string {
  if (packageDir === '') return 'npm i -D husky && npm pkg set scripts.prepare=husky';
  const up = packageDir.split('/').map(() => '..').join('/');
  return `cd ${packageDir} && npm i -D husky && npm pkg set scripts.prepare="cd ${up} && husky ${relative(root, huskyDir)}"`;
}

export interface UninstallResult {
  root: string;
  changes: HookChange[];
  notes: string[];
  /** aitrail's data folder under the git dir, left in place (no `purge`). */
  dataLeft?: string;
}

/**
 * `aitrail uninstall`: remove what init added (husky lines, shims), put chained hooks and husky
 * state back. `purge`: also remove aitrail's data under the git dir (`aitrail/`: sessions,
 * caches, the server's policy memory); without it that folder stays and a note says so.
 */
export async function uninstallHooks(cwd: string, options: { purge?: boolean } = {}): Promise<UninstallResult> {
  const repo = await locateRepo(cwd);
  const { root } = repo;
  const notes: string[] = [];
  const changes: HookChange[] = [];
  const hooks: ShimHook[] = [...CLIENT_HOOKS, ...SERVER_HOOKS, ...WORKTREE_HOOKS];
  const state = readInstallState(repo.commonDir);
  const huskyDirs = repo.bare ? new Set<string>() : huskyDirsOf(root, await configValue(root, 'core.hooksPath'), state.huskySetUp?.huskyDir ?? null);
  if (!repo.bare) {
    for (const dir of huskyDirs) {
      const unsafe = unsafeHookDir(dir, repo);
      if (unsafe) changes.push({ hook: '*', path: dir, action: 'refused', detail: `${unsafe}; nothing changed there` });
      else {
        for (const hook of [...CLIENT_HOOKS, ...HUSKY_EXTRA_HOOKS]) changes.push(uninstallHuskyHook(dir, hook));
        changes.push(uninstallHuskyLib(dir), uninstallHuskyAttributes(dir));
      }
    }
  }
  const target = await gitPath(root, 'hooks');
  const unsafe = unsafeHookDir(target, repo);
  if (unsafe) changes.push({ hook: '*', path: target, action: 'refused', detail: `${unsafe}; nothing changed there` });
  else for (const hook of hooks) changes.push(uninstallGitHook(target, hook));
  // Every other worktree: its own hooks directory (a relative core.hooksPath) held the shims post-checkout copied there.
  const others = await otherWorktrees(repo);
  const huskyBelowTop = huskyDirBelowTop(state, [root, ...others.map((other) => other.root)]);
  const done = new Set<string>([target, ...huskyDirs].map((dir) => realOrPlanned(dir)));
  for (const other of others) changes.push(...(await uninstallOtherWorktree(other, state, huskyBelowTop, done)));
  if (!repo.bare) await unsetConfigValue(root, PACKAGE_DIR_KEY);
  if (!repo.bare) changes.push(...uninstallAgentHooks(repo));
  const rewrite = repo.bare ? null : await removeNotesRewriteRef(root, repo.commonDir);
  if (rewrite) notes.push(rewrite);
  if (state.huskySetUp) {
    const { huskyDir, previousHooksPath } = state.huskySetUp;
    if (previousHooksPath === null) await unsetConfigValue(root, 'core.hooksPath');
    else await setConfigValue(root, 'core.hooksPath', previousHooksPath);
    // Never deleted through a symlink (a committed `.husky` or `.husky/_` link) nor outside the repository.
    removeHuskyRuntime(huskyDir, repo);
    notes.push(previousHooksPath === null ? 'husky, which aitrail had set up, was taken down (core.hooksPath unset).' : `core.hooksPath restored to '${previousHooksPath}'.`);
    const { huskySetUp: _, ...rest } = readInstallState(repo.commonDir);
    writeInstallState(repo.commonDir, rest);
  }
  const data = join(repo.commonDir, 'aitrail');
  if (existsSync(data) && options.purge) {
    // A symbolic link is removed itself, never followed.
    rmSync(data, { recursive: true, force: true });
    changes.push({ hook: '*', path: data, action: 'removed', detail: "aitrail's data: sessions, caches, policy memory" });
  }
  const dataLeft = existsSync(data) && !options.purge ? `${relative(root, data) || data}/ is left (sessions, caches${repo.bare ? ", the server's policy memory" : ''}): 'aitrail uninstall --purge' removes it.` : undefined;
  return { root, changes: changes.filter((change) => change.action !== 'absent'), notes, ...(dataLeft ? { dataLeft } : {}) };
}

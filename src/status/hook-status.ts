import { join, relative } from 'node:path';
import { CLIENT_HOOKS, SERVER_HOOKS, type InstalledHook } from '../install/hook-names.js';
import { inspectGitHook, isExecutable } from '../install/git-hooks.js';
import { inspectHuskyHook, inspectHuskyLib } from '../install/husky-hooks.js';
import { HUSKY_LIB } from '../install/husky-block.js';
import { huskyDirFromHooksPath } from '../install/install-mode.js';
import { consequence, installCommand, managedHook, managedNote, shimMovedAside, type HookManager, type ManagerConfig } from '../install/hook-managers.js';

/** A manager's name: its hook file is there (lefthook or simple-git-hooks wrote it). */
export type HookInstallState = 'husky' | 'git' | 'foreign-chained' | 'foreign' | 'missing' | HookManager;

export interface HookStatus {
  hook: InstalledHook;
  state: HookInstallState;
  path: string;
  /** False when the file is there but git will not run it (husky not active, outdated shim…), or husky runs a tool of the repository's in its place or under it (husky-runtime-tools.ts). */
  active: boolean;
  note?: string;
  /** husky: the package folder whose node_modules/.bin aitrail's block tries first ('' = the work tree top). */
  packageDir?: string;
}

/**
 * What a hook manager configured here (src/install/hook-managers.ts) will do to aitrail's shim
 * for `hook`, as a suffix of its note, or ''.
 */
function atRisk(hook: InstalledHook, managers: readonly ManagerConfig[]): string {
  const config = managers.find((candidate) => candidate.writes.has(hook) && candidate.wiring[hook]?.wiring === 'absent');
  if (!config) return '';
  return config.manager === 'lefthook'
    ? `${config.file} names ${hook} without aitrail: '${installCommand(config.manager)}' moves aitrail's shim to ${hook}.old, which lefthook never runs (see below)`
    : `'${installCommand(config.manager)}' ${config.wiring[hook]?.why ?? 'rewrites or deletes it'} (see below)`;
}

/** How each hook is installed in the repository at `root` (`hooksDir` = `git rev-parse --git-path hooks`); `managers`: the hook managers configured there. */
export function hookStatuses(root: string, hooksDir: string, hooksPath: string | undefined, bare: boolean, managers: readonly ManagerConfig[] = []): HookStatus[] {
  const activeHusky = bare ? undefined : huskyDirFromHooksPath(root, hooksPath);
  const huskyDir = activeHusky ?? join(root, '.husky');
  return (bare ? SERVER_HOOKS : CLIENT_HOOKS).map((hook): HookStatus => {
    if (!bare) {
      const { state: block, packageDir, crlf, after } = inspectHuskyHook(huskyDir, hook);
      if (block !== 'none') {
        const path = join(huskyDir, hook);
        if (!activeHusky) {
          const note = hooksPath
            ? `husky is not active here: core.hooksPath is ${hooksPath} but husky's runtime (${join(hooksPath, 'h')}) is missing in this work tree: run 'npx husky' (or 'npm install') here`
            : "husky is not active here (core.hooksPath unset): run 'npm install' or 'aitrail init'";
          return { hook, state: 'husky', path, active: false, note, packageDir };
        }
        // Checked out with CRLF line ends (row 875): sh stops at its first line, every commit refused.
        if (crlf) return { hook, state: 'husky', path, active: false, packageDir, note: "checked out with CRLF line ends (core.autocrlf=true, or a .gitattributes eol=crlf): sh cannot run it, so every commit fails: run 'aitrail init' (it rewrites it with LF ones and adds .husky/.gitattributes), then commit .husky/" };
        // The block sources .husky/aitrail.sh (row 874): without this version's, it refuses (a blocking hook) or warns.
        const lib = inspectHuskyLib(huskyDir, packageDir);
        if (lib !== 'current') {
          const libPath = relative(root, join(huskyDir, HUSKY_LIB)) || HUSKY_LIB;
          const what = lib === 'none' ? `${libPath}, which aitrail's lines run, is missing` : lib === 'foreign' ? `${libPath}, which aitrail's lines run, is not aitrail's` : `${libPath}, which aitrail's lines run, is not the one this aitrail version writes (altered, or from another version)`;
          return { hook, state: 'husky', path, active: lib === 'outdated' && block === 'outdated', packageDir, note: `${what}: run 'aitrail init' to write it (then commit it)` };
        }
        // Lines after the block never run: it ends the hook (row 890).
        if (after) return { hook, state: 'husky', path, active: true, packageDir, note: "lines after aitrail's block never run (it ends the hook): run 'aitrail init' to move them before it, then commit .husky/" };
        return { hook, state: 'husky', path, active: true, packageDir, ...(block === 'outdated' ? { note: "lines from another aitrail version: run 'aitrail init' to update" } : {}) };
      }
    }
    const git = inspectGitHook(hooksDir, hook);
    const risk = bare ? '' : atRisk(hook, managers);
    switch (git.kind) {
      case 'missing':
        return { hook, state: 'missing', path: git.path, active: false, note: `run 'aitrail init'${risk ? `; ${risk}` : ''}` };
      case 'foreign': {
        // A hook lefthook or simple-git-hooks wrote: active when it runs aitrail's shim.
        const managed = bare ? null : managedHook(git.path, hook, managers);
        if (managed && managed.wiring !== 'absent') return { hook, state: managed.manager, path: git.path, active: true, note: managedNote(managed) };
        if (managed) {
          const moved = managed.manager === 'lefthook' && shimMovedAside(git.path) ? `; aitrail's shim is in ${hook}.old, which lefthook never runs` : '';
          return { hook, state: managed.manager, path: git.path, active: false, note: `${managed.manager}'s hook, which does not run aitrail${moved}: ${consequence([hook])} (see below)` };
        }
        return { hook, state: 'foreign', path: git.path, active: false, note: "a hook that is not aitrail's: run 'aitrail init' to chain it" };
      }
      default: {
        if (!isExecutable(git.path)) return { hook, state: git.chained ? 'foreign-chained' : 'git', path: git.path, active: false, note: "not executable, so git skips it: run 'aitrail init' to fix it" };
        const outdated = git.kind === 'aitrail-outdated' ? "shim from another aitrail version: run 'aitrail init' to update" : undefined;
        const note = [git.chained ? `your hook (${hook}.aitrail-chained) runs first` : undefined, outdated, risk || undefined].filter((part) => part !== undefined).join('; ');
        return { hook, state: git.chained ? 'foreign-chained' : 'git', path: git.path, active: true, ...(note ? { note } : {}) };
      }
    }
  });
}

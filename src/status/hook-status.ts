import { join } from 'node:path';
import { CLIENT_HOOKS, SERVER_HOOKS, type InstalledHook } from '../install/hook-names.js';
import { inspectGitHook, isExecutable } from '../install/git-hooks.js';
import { inspectHuskyHook } from '../install/husky-hooks.js';
import { huskyDirFromHooksPath } from '../install/install-mode.js';

export type HookInstallState = 'husky' | 'git' | 'foreign-chained' | 'foreign' | 'missing';

export interface HookStatus {
  hook: InstalledHook;
  state: HookInstallState;
  path: string;
  /** False when the file is there but git will not run it (husky not active, outdated shim…). */
  active: boolean;
  note?: string;
  /** husky: the package folder whose node_modules/.bin aitrail's block tries first ('' = the work tree top). */
  packageDir?: string;
}

/** How each hook is installed in the repository at `root` (`hooksDir` = `git rev-parse --git-path hooks`). */
export function hookStatuses(root: string, hooksDir: string, hooksPath: string | undefined, bare: boolean): HookStatus[] {
  const activeHusky = bare ? undefined : huskyDirFromHooksPath(root, hooksPath);
  const huskyDir = activeHusky ?? join(root, '.husky');
  return (bare ? SERVER_HOOKS : CLIENT_HOOKS).map((hook): HookStatus => {
    if (!bare) {
      const { state: block, packageDir } = inspectHuskyHook(huskyDir, hook);
      if (block !== 'none') {
        const path = join(huskyDir, hook);
        if (!activeHusky) {
          const note = hooksPath
            ? `husky is not active here: core.hooksPath is ${hooksPath} but husky's runtime (${join(hooksPath, 'h')}) is missing in this work tree: run 'npx husky' (or 'npm install') here`
            : "husky is not active here (core.hooksPath unset): run 'npm install' or 'aitrail init'";
          return { hook, state: 'husky', path, active: false, note, packageDir };
        }
        return { hook, state: 'husky', path, active: true, packageDir, ...(block === 'outdated' ? { note: "lines from another aitrail version: run 'aitrail init' to update" } : {}) };
      }
    }
    const git = inspectGitHook(hooksDir, hook);
    switch (git.kind) {
      case 'missing':
        return { hook, state: 'missing', path: git.path, active: false, note: "run 'aitrail init'" };
      case 'foreign':
        return { hook, state: 'foreign', path: git.path, active: false, note: "a hook that is not aitrail's: run 'aitrail init' to chain it" };
      default: {
        if (!isExecutable(git.path)) return { hook, state: git.chained ? 'foreign-chained' : 'git', path: git.path, active: false, note: "not executable, so git skips it: run 'aitrail init' to fix it" };
        const note = git.kind === 'aitrail-outdated' ? "shim from another aitrail version: run 'aitrail init' to update" : undefined;
        return { hook, state: git.chained ? 'foreign-chained' : 'git', path: git.path, active: true, ...(git.chained ? { note: `your hook (${hook}.aitrail-chained) runs first${note ? `; ${note}` : ''}` } : note ? { note } : {}) };
      }
    }
  });
}

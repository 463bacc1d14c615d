import { accessSync, constants, lstatSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomicSync } from '../io/atomic-write.js';
import { present } from '../io/present.js';
import { CHAINED_SUFFIX, isShim, shimText } from './shim.js';
import type { ShimHook } from './hook-names.js';

/** What is in a hooks directory for one hook. */
export interface GitHookState {
  hook: ShimHook;
  path: string;
  /** `aitrail`: our current shim; `aitrail-outdated`: a shim from another aitrail version. */
  kind: 'missing' | 'aitrail' | 'aitrail-outdated' | 'foreign';
  /** A foreign hook moved aside by `aitrail init` (`<hook>.aitrail-chained`) exists. */
  chained: boolean;
}

/** One change made (or refused) by install/uninstall, for the report. */
export interface HookChange {
  hook: string;
  path: string;
  action: 'installed' | 'chained' | 'updated' | 'unchanged' | 'refused' | 'removed' | 'restored' | 'absent' | 'left';
  detail?: string;
  /** Left to lefthook or simple-git-hooks, whose hook file runs aitrail's shim (src/install/hook-managers.ts). */
  managedBy?: 'lefthook' | 'simple-git-hooks';
  /** Made in another worktree than the one init runs in (its top): a refusal there is that worktree's alone. */
  worktree?: string;
}

function readIfFile(path: string): string | null | undefined {
  try {
    const stat = lstatSync(path);
    if (!stat.isFile()) return undefined; // symlink, directory…: exists, not ours
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}


/** True when git would run the file at `path` (it skips hooks that are not executable). */
export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function inspectGitHook(dir: string, hook: ShimHook): GitHookState {
  const path = join(dir, hook);
  const content = readIfFile(path);
  const chained = present(path + CHAINED_SUFFIX);
  const kind = content === null ? 'missing' : content !== undefined && isShim(content) ? (content === shimText(hook) ? 'aitrail' : 'aitrail-outdated') : 'foreign';
  return { hook, path, kind, chained };
}

/** Written beside and renamed over: whatever is at `path` (a symlink too) is replaced, never written through. */
function writeShim(path: string, hook: ShimHook): void {
  writeFileAtomicSync(path, shimText(hook), { mode: 0o755 });
}

/**
 * Install the shim for `hook` in `dir`. A foreign hook is never overwritten: it is renamed to
 * `<hook>.aitrail-chained` (bytes, mode and symlinks intact) and the shim runs it first.
 * `force` rewrites our own shim even when it is current.
 */
export function installGitHook(dir: string, hook: ShimHook, options: { force?: boolean } = {}): HookChange {
  mkdirSync(dir, { recursive: true });
  const state = inspectGitHook(dir, hook);
  const { path } = state;
  switch (state.kind) {
    case 'aitrail':
      if (!isExecutable(path)) {
        writeShim(path, hook);
        return { hook, path, action: 'updated', detail: 'made executable again (git skips hooks that are not)' };
      }
      if (!options.force) return { hook, path, action: 'unchanged', detail: 'already installed' };
      writeShim(path, hook);
      return { hook, path, action: 'updated', detail: 'rewritten (--force)' };
    case 'aitrail-outdated':
      writeShim(path, hook);
      return { hook, path, action: 'updated', detail: 'shim from another aitrail version replaced' };
    case 'missing':
      writeShim(path, hook);
      return { hook, path, action: 'installed', ...(state.chained ? { detail: `runs the existing ${hook}${CHAINED_SUFFIX} first` } : {}) };
    case 'foreign':
      if (state.chained) {
        return { hook, path, action: 'refused', detail: `both a foreign ${hook} and ${hook}${CHAINED_SUFFIX} exist; move one of them out of ${dir} and run 'aitrail init' again` };
      }
      renameSync(path, path + CHAINED_SUFFIX);
      writeShim(path, hook);
      return { hook, path, action: 'chained', detail: `your hook was moved to ${hook}${CHAINED_SUFFIX} and keeps running first, with the same arguments and stdin` };
  }
}

/** Remove our shim and put back the hook it chained, exactly as it was. Foreign hooks are left alone. */
export function uninstallGitHook(dir: string, hook: ShimHook): HookChange {
  const state = inspectGitHook(dir, hook);
  const { path } = state;
  const chainedPath = path + CHAINED_SUFFIX;
  if (state.kind === 'foreign') {
    return state.chained
      ? { hook, path, action: 'left', detail: `${hook} is not aitrail's shim; ${hook}${CHAINED_SUFFIX} left in place — restore it by hand if you want it back` }
      : { hook, path, action: 'absent' };
  }
  if (state.kind !== 'missing') rmSync(path);
  if (state.chained) {
    renameSync(chainedPath, path);
    return { hook, path, action: 'restored', detail: 'your original hook is back' };
  }
  return state.kind === 'missing' ? { hook, path, action: 'absent' } : { hook, path, action: 'removed' };
}

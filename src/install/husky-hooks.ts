import { lstatSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomicSync } from '../io/atomic-write.js';
import { unsafeHookFile } from './safe-path.js';
import { addHuskyBlock, huskyBlockPackageDir, huskyBlockState, removeHuskyBlock, type HuskyHook } from './husky-block.js';
import type { HookChange } from './git-hooks.js';

function readText(path: string): string | null {
  try {
    return lstatSync(path).isFile() ? readFileSync(path, 'utf8') : null;
  } catch {
    return null;
  }
}

/** The state of aitrail's block in `<huskyDir>/<hook>`, and the package folder it names ('' = the top). */
export function inspectHuskyHook(huskyDir: string, hook: HuskyHook): { state: 'none' | 'current' | 'outdated'; packageDir: string } {
  const content = readText(join(huskyDir, hook));
  return { state: huskyBlockState(content, hook), packageDir: huskyBlockPackageDir(content) };
}

/**
 * Add (or update) aitrail's block at the end of `<huskyDir>/<hook>`, creating the file if needed;
 * `packageDir` names the package whose node_modules/.bin the block tries first. Idempotent.
 */
export function installHuskyHook(huskyDir: string, hook: HuskyHook, options: { force?: boolean; packageDir?: string } = {}): HookChange {
  const path = join(huskyDir, hook);
  const unsafe = unsafeHookFile(path);
  if (unsafe) return { hook, path, action: 'refused', detail: unsafe };
  const before = readText(path);
  const state = huskyBlockState(before, hook, options.packageDir ?? '');
  if (state === 'current' && !options.force) return { hook, path, action: 'unchanged', detail: 'already installed' };
  const after = addHuskyBlock(before, hook, options.packageDir ?? '');
  // Renamed over the file (never written through it); an existing file keeps its mode.
  if (after !== before) writeFileAtomicSync(path, after, { mode: before === null ? 0o755 : lstatSync(path).mode & 0o7777 });
  if (before === null) return { hook, path, action: 'installed', detail: 'new file' };
  return { hook, path, action: state === 'none' ? 'installed' : 'updated', ...(state === 'none' ? { detail: 'lines added at the end; your commands keep running first, in a subshell (an exit or exec in them no longer skips aitrail)' } : {}) };
}

/** Remove aitrail's block; a file that held nothing else is deleted. */
export function uninstallHuskyHook(huskyDir: string, hook: HuskyHook): HookChange {
  const path = join(huskyDir, hook);
  const before = readText(path);
  if (before === null || huskyBlockState(before, hook) === 'none') return { hook, path, action: 'absent' };
  const after = removeHuskyBlock(before);
  if (after === '') {
    rmSync(path);
    return { hook, path, action: 'removed', detail: 'file held only aitrail lines' };
  }
  writeFileAtomicSync(path, after, { mode: lstatSync(path).mode & 0o7777 });
  return { hook, path, action: 'removed', detail: 'aitrail lines removed, the rest left as it was' };
}

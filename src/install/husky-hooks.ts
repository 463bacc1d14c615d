import { lstatSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomicSync } from '../io/atomic-write.js';
import { unsafeHookFile } from './safe-path.js';
import { addHuskyBlock, HUSKY_LIB, HUSKY_LIB_PREFIX, huskyBlockPackageDir, huskyBlockState, huskyLib, huskyLinesAfterBlock, removeHuskyBlock, withLfEnds, type HuskyHook } from './husky-block.js';
import type { HookChange } from './git-hooks.js';

function readText(path: string): string | null {
  try {
    return lstatSync(path).isFile() ? readFileSync(path, 'utf8') : null;
  } catch {
    return null;
  }
}

/** The state of aitrail's block in `<huskyDir>/<hook>`, and the package folder it names ('' = the top). */
export function inspectHuskyHook(huskyDir: string, hook: HuskyHook): { state: 'none' | 'current' | 'outdated'; packageDir: string; crlf: boolean; after: boolean } {
  const read = readText(join(huskyDir, hook));
  const { text: content, crlf } = read === null ? { text: null, crlf: false } : withLfEnds(read);
  return { state: crlf && huskyBlockState(content, hook) !== 'none' ? 'outdated' : huskyBlockState(content, hook), packageDir: huskyBlockPackageDir(content), crlf, after: huskyLinesAfterBlock(content) };
}

/**
 * Add (or update) aitrail's block at the end of `<huskyDir>/<hook>`, creating the file if needed;
 * `packageDir` names the package whose node_modules/.bin the block tries first. Idempotent.
 */
export function installHuskyHook(huskyDir: string, hook: HuskyHook, options: { force?: boolean; packageDir?: string } = {}): HookChange {
  const path = join(huskyDir, hook);
  const unsafe = unsafeHookFile(path);
  if (unsafe) return { hook, path, action: 'refused', detail: unsafe };
  const read = readText(path);
  // Checked out with CRLF line ends: rewritten with LF ones (sh runs neither the block nor the lines around it as they are).
  const { text: before, crlf } = read === null ? { text: null, crlf: false } : withLfEnds(read);
  const state = crlf ? 'outdated' : huskyBlockState(before, hook, options.packageDir ?? '');
  if (state === 'current' && !options.force) return { hook, path, action: 'unchanged', detail: 'already installed' };
  const after = addHuskyBlock(before, hook, options.packageDir ?? '');
  // Renamed over the file (never written through it); an existing file keeps its mode.
  if (after !== read) writeFileAtomicSync(path, after, { mode: before === null ? 0o755 : lstatSync(path).mode & 0o7777 });
  if (before === null) return { hook, path, action: 'installed', detail: 'new file' };
  return { hook, path, action: state === 'none' ? 'installed' : 'updated', ...(state === 'none' ? { detail: 'lines added at the end; your commands keep running first, in a subshell (an exit or exec in them no longer skips aitrail)' } : {}) };
}

/** Remove aitrail's block; a file that held nothing else is deleted. */
export function uninstallHuskyHook(huskyDir: string, hook: HuskyHook): HookChange {
  const path = join(huskyDir, hook);
  const read = readText(path);
  const before = read === null ? null : withLfEnds(read).text;
  if (before === null || huskyBlockState(before, hook) === 'none') return { hook, path, action: 'absent' };
  const after = removeHuskyBlock(before);
  if (after === '') {
    rmSync(path);
    return { hook, path, action: 'removed', detail: 'file held only aitrail lines' };
  }
  writeFileAtomicSync(path, after, { mode: lstatSync(path).mode & 0o7777 });
  return { hook, path, action: 'removed', detail: 'aitrail lines removed, the rest left as it was' };
}

/** The state of `<huskyDir>/aitrail.sh` for `packageDir`: `none` (absent), `current`, `outdated` (aitrail's, another text), `foreign` (not aitrail's, or not a regular file). */
export function inspectHuskyLib(huskyDir: string, packageDir = ''): 'none' | 'current' | 'outdated' | 'foreign' {
  const path = join(huskyDir, HUSKY_LIB);
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return 'none';
  }
  const content = stat.isFile() ? readText(path) : null;
  if (content === null || !content.startsWith(HUSKY_LIB_PREFIX)) return 'foreign';
  return content === huskyLib(packageDir).text ? 'current' : 'outdated';
}

/**
 * Write `<huskyDir>/aitrail.sh`, which each hook's block sources (huskyLib). A file there that is not
 * aitrail's is refused (never overwritten) unless `force`; a link or a folder always.
 */
export function installHuskyLib(huskyDir: string, options: { force?: boolean; packageDir?: string } = {}): HookChange {
  const path = join(huskyDir, HUSKY_LIB);
  const hook = HUSKY_LIB;
  const unsafe = unsafeHookFile(path);
  if (unsafe) return { hook, path, action: 'refused', detail: unsafe };
  const state = inspectHuskyLib(huskyDir, options.packageDir ?? '');
  if (state === 'current' && !options.force) return { hook, path, action: 'unchanged', detail: 'already installed' };
  if (state === 'foreign' && !options.force) return { hook, path, action: 'refused', detail: `${path} exists and is not aitrail's (aitrail's hooks source a file of that name): move it away, or run 'aitrail init --force' to replace it` };
  writeFileAtomicSync(path, huskyLib(options.packageDir ?? '').text, { mode: 0o644 });
  return { hook, path, action: state === 'none' ? 'installed' : 'updated', ...(state === 'none' ? { detail: "the lines aitrail's block in each hook runs, written once" } : {}) };
}

/** Remove `<huskyDir>/aitrail.sh` when it is aitrail's (its first line says so); anything else there is left as it is. */
export function uninstallHuskyLib(huskyDir: string): HookChange {
  const path = join(huskyDir, HUSKY_LIB);
  const hook = HUSKY_LIB;
  const state = inspectHuskyLib(huskyDir);
  if (state === 'none') return { hook, path, action: 'absent' };
  if (state === 'foreign') return { hook, path, action: 'left', detail: "not aitrail's: left as it is" };
  rmSync(path);
  return { hook, path, action: 'removed' };
}

/** `.husky/.gitattributes` as init writes it: the files there are checked out with LF line ends whatever core.autocrlf or the repository's own `.gitattributes` say. */
export const HUSKY_ATTRIBUTES = "# aitrail: added by `aitrail init` (`aitrail uninstall` removes this file): sh cannot run a hook checked out with CRLF line ends (core.autocrlf=true, Git for Windows' default; a .gitattributes eol=crlf), so the files here keep LF ones.\n* text eol=lf\n";

/**
 * Write `<huskyDir>/.gitattributes` (HUSKY_ATTRIBUTES) when there is none: with CRLF line ends every hook there
 * failed at its first line (`set: Illegal option -`), every commit refused. One that is there is left as it is.
 */
export function installHuskyAttributes(huskyDir: string): HookChange {
  const path = join(huskyDir, '.gitattributes');
  const hook = '.gitattributes';
  const unsafe = unsafeHookFile(path);
  if (unsafe) return { hook, path, action: 'unchanged', detail: `${unsafe}: add '* text eol=lf' to it yourself, or a checkout with CRLF line ends (core.autocrlf=true) breaks every hook there` };
  const before = readText(path);
  if (before === HUSKY_ATTRIBUTES || (before !== null && before.replace(/\r\n/g, '\n') === HUSKY_ATTRIBUTES)) return { hook, path, action: 'unchanged', detail: 'already installed' };
  if (before !== null) return { hook, path, action: 'unchanged', detail: "not aitrail's, left as it is: unless it says '* text eol=lf', a checkout with CRLF line ends (core.autocrlf=true) breaks every hook there" };
  writeFileAtomicSync(path, HUSKY_ATTRIBUTES, { mode: 0o644 });
  return { hook, path, action: 'installed', detail: 'the hooks keep LF line ends in every checkout (core.autocrlf=true too)' };
}

/** Remove `<huskyDir>/.gitattributes` when it is exactly aitrail's. */
export function uninstallHuskyAttributes(huskyDir: string): HookChange {
  const path = join(huskyDir, '.gitattributes');
  const hook = '.gitattributes';
  const before = readText(path);
  if (before === null || before.replace(/\r\n/g, '\n') !== HUSKY_ATTRIBUTES) return { hook, path, action: 'absent' };
  rmSync(path);
  return { hook, path, action: 'removed' };
}

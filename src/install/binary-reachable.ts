import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { trackedFiles } from '../git/tracked-files.js';
import { inside } from './safe-path.js';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * True when `path` is code the repository at `root` ships, as the shims judge it: inside the work
 * tree, and git tracks it or anything under node_modules (hooks/* refuse to run such a binary).
 */
async function shipped(root: string, path: string): Promise<boolean> {
  if (!inside(root, path)) return false;
  if ((await trackedFiles(root, 'node_modules').catch(() => ['?'])).length > 0) return true;
  return (await trackedFiles(root, relative(root, path)).catch(() => ['?'])).length > 0;
}

/**
 * Where the installed hooks will find `aitrail` when git runs them in the work tree `root`: the
 * repository's `node_modules/.bin` (husky puts it on PATH too), else PATH, skipping a binary the
 * repository ships (as the shims do). `undefined` when they will not find one. npx's temporary
 * install (`…/_npx/…`), which `npx aitrail init` runs from, does not count: it is gone from PATH
 * when git runs the hooks. Bare repositories (pre-receive) look at PATH only.
 */
export async function hookBinary(root: string, env: NodeJS.ProcessEnv, bare = false): Promise<string | undefined> {
  const local = join(root, 'node_modules', '.bin', 'aitrail');
  if (!bare && executable(local) && !(await shipped(root, local))) return local;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '' || !isAbsolute(dir) || resolve(dir).split(sep).includes('_npx')) continue;
    const candidate = join(dir, 'aitrail');
    if (executable(candidate) && (bare || !(await shipped(root, candidate)))) return candidate;
  }
  return undefined;
}

/** The one line that says the hooks will not find aitrail, and what to do. */
export function binaryMissingNote(bare: boolean): string {
  return bare
    ? "Warning: aitrail is not on this server's PATH, so pre-receive will reject every push until you run: npm i -g aitrail"
    : 'Warning: the hooks will not find the aitrail binary (not in node_modules/.bin, not on PATH, or only one the repository ships, which they refuse to run), so every commit will be blocked until you run: npm i -D aitrail (or npm i -g aitrail)';
}

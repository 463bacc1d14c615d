import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { trackedFiles } from '../git/tracked-files.js';
import { inside } from './safe-path.js';

export function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const isTracked = async (root: string, path: string) => (await trackedFiles(root, path).catch(() => ['?'])).length > 0;

/**
 * True when `path` is code the repository at `root` ships, as the shims judge it: inside the work
 * tree, and git tracks it or anything under the top's node_modules or the node_modules of
 * `packageDir` (hooks/* refuse to run such a binary). A git failure counts as shipped.
 */
export async function shipped(root: string, path: string, packageDir = ''): Promise<boolean> {
  if (!inside(root, path)) return false;
  if (await isTracked(root, 'node_modules')) return true;
  if (packageDir !== '' && (await isTracked(root, `${packageDir}/node_modules`))) return true;
  return isTracked(root, relative(root, path));
}

/**
 * Where the installed hooks will find `aitrail` when git runs them in the work tree `root`: the
 * node_modules/.bin of the package that ran init (`packageDir`, relative to `root`), then the top's
 * (husky puts it on PATH too), else PATH, skipping a binary the repository ships (as the shims
 * do). `undefined` when they will not find one. npx's temporary install (`…/_npx/…`), which
 * `npx aitrail init` runs from, does not count: it is gone from PATH when git runs the hooks.
 * Bare repositories (pre-receive) look at PATH only.
 */
export async function hookBinary(root: string, env: NodeJS.ProcessEnv, options: { bare?: boolean; packageDir?: string } = {}): Promise<string | undefined> {
  const { bare = false, packageDir = '' } = options;
  const locals = [...new Set([packageDir, ''])].map((dir) => join(root, dir, 'node_modules', '.bin', 'aitrail'));
  for (const local of bare ? [] : locals) {
    if (executable(local) && !(await shipped(root, local, packageDir))) return local;
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '' || !isAbsolute(dir) || resolve(dir).split(sep).includes('_npx')) continue;
    const candidate = join(dir, 'aitrail');
    if (executable(candidate) && (bare || !(await shipped(root, candidate, packageDir)))) return candidate;
  }
  return undefined;
}

/** The one line that says the hooks will not find aitrail, and what to do. */
export function binaryMissingNote(bare: boolean): string {
  return bare
    ? "Warning: aitrail is not on this server's PATH, so pre-receive will reject every push until you run: npm i -g aitrail"
    : 'Warning: the hooks will not find the aitrail binary (not in node_modules/.bin, not on PATH, or only one the repository ships, which they refuse to run), so every commit will be blocked until you run: npm i -D aitrail (or npm i -g aitrail)';
}

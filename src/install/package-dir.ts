import { dirname, join, relative, sep } from 'node:path';
import { configValue, setConfigValue, unsetConfigValue } from '../git/config-value.js';
import { executable, shipped } from './binary-reachable.js';
import { inside } from './safe-path.js';

/** Local git config key naming the package that ran `aitrail init`, relative to the work tree top (the shims read it). */
export const PACKAGE_DIR_KEY = 'aitrail.packageDir';

/** A package folder the hooks can name safely: relative, inside the tree, no control characters, no ':' (PATH). */
export function usablePackageDir(dir: string): boolean {
  return dir !== '' && !/[\0-\x1f\x7f:]/.test(dir) && !dir.startsWith('/') && !dir.split('/').includes('..');
}

/**
 * The folder of the package whose node_modules/.bin holds the aitrail that the hooks should run,
 * relative to the work tree `root` ('' = the top): the nearest one from `cwd` (where `npx aitrail
 * init` ran: `web/` in a monorepo, or a workspace whose binary was hoisted to the top) up to
 * `root`. Binaries the repository ships do not count. `undefined` when none is found.
 */
export async function findPackageDir(root: string, cwd: string): Promise<string | undefined> {
  let dir = inside(root, cwd) ? cwd : root;
  for (;;) {
    const candidate = join(dir, 'node_modules', '.bin', 'aitrail');
    if (executable(candidate) && !(await shipped(root, candidate, relative(root, dir)))) return relative(root, dir).split(sep).join('/');
    if (relative(root, dir) === '') return undefined;
    dir = dirname(dir);
  }
}

/** The package folder recorded at init (git config; `known`: its value already read), or '' when none is. */
export async function recordedPackageDir(root: string, known?: string): Promise<string> {
  const value = (known === undefined ? await configValue(root, PACKAGE_DIR_KEY) : known) ?? '';
  return usablePackageDir(value) ? value : '';
}

/** Record (or, for the top, clear) the package folder the git-mode shims look in first. */
export async function recordPackageDir(root: string, dir: string): Promise<void> {
  if (usablePackageDir(dir)) await setConfigValue(root, PACKAGE_DIR_KEY, dir);
  else await unsetConfigValue(root, PACKAGE_DIR_KEY);
}

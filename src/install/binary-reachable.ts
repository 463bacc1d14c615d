import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join, resolve, sep } from 'node:path';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where the installed hooks will find `aitrail` when git runs them in the work tree `root`: the
 * repository's `node_modules/.bin` (husky puts it on PATH too), else PATH. `undefined` when they will
 * not find it. npx's temporary install (`…/_npx/…`), which `npx aitrail init` runs from, does not count:
 * it is gone from PATH when git runs the hooks. Bare repositories (pre-receive) look at PATH only.
 */
export function hookBinary(root: string, env: NodeJS.ProcessEnv, bare = false): string | undefined {
  const local = join(root, 'node_modules', '.bin', 'aitrail');
  if (!bare && executable(local)) return local;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '' || !isAbsolute(dir) || resolve(dir).split(sep).includes('_npx')) continue;
    const candidate = join(dir, 'aitrail');
    if (executable(candidate)) return candidate;
  }
  return undefined;
}

/** The one line that says the hooks will not find aitrail, and what to do. */
export function binaryMissingNote(bare: boolean): string {
  return bare
    ? "Warning: aitrail is not on this server's PATH, so pre-receive will reject every push until you run: npm i -g aitrail"
    : 'Warning: the hooks will not find the aitrail binary (not in node_modules/.bin, not on PATH), so every commit will be blocked until you run: npm i -D aitrail (or npm i -g aitrail)';
}

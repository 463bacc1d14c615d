import { closeSync, constants, lstatSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configLimit, SEARCH_PLACES } from '../config/search-places.js';
import { openRegularFile, readBytes } from '../io/read-regular-file.js';
import { envNames, FAST_PATH_DIR, FAST_PATH_VERSION_FILE, messageKeys, stampHeader } from '../core/fast-path-layout.js';
import { writeFileAtomicSync } from '../io/atomic-write.js';

/** The config files at the top, place → bytes (absent ones left out); null when one is there but is not a regular file. */
export type ConfigBytes = Map<string, Buffer> | null;

/**
 * Whether this hook run keeps the stamp: only when no agent variable is set. A commit with one
 * (an agent's, `AITRAIL_MODEL=…`) never takes the fast path, so its hooks skip the stamp's dozen
 * file reads; the next commit without one finds the stamp stale, starts node, and that run stamps.
 */
export function keepsStamp(env: NodeJS.ProcessEnv): boolean {
  return !envNames().some((name) => env[name] !== undefined);
}

/**
 * The config files' bytes now: taken before the config is loaded and again after, so what is stamped
 * is what was validated. Each is opened without following a link and without blocking, and read
 * only when it is a regular file that config loading would read (at most its size limit): a 1.5 GB
 * `.aitrailrc.yml` was read whole into memory by every commit's hooks before loading refused it.
 */
export function configBytesNow(root: string): ConfigBytes {
  const files = new Map<string, Buffer>();
  for (const place of SEARCH_PLACES) {
    const path = join(root, place);
    if (lstatSync(path, { throwIfNoEntry: false }) === undefined) continue;
    const opened = openRegularFile(path, constants.O_NOFOLLOW);
    if (!opened) return null;
    try {
      if (opened.size > configLimit(place)) return null;
      files.set(place, readBytes(opened.fd, opened.size));
    } catch {
      return null;
    } finally {
      closeSync(opened.fd);
    }
  }
  return files;
}

const same = (a: ConfigBytes, b: ConfigBytes) => a !== null && b !== null && a.size === b.size && [...a].every(([place, data]) => b.get(place)?.equals(data) === true);

/** The installed aitrail: its version and package folder (the shim compares both; reinstalling it touches the folder). */
function installed(): { version: string; folder: string } | null {
  try {
    // dist/hooks/fast-path-stamp.js, or dist/bundle/<hook>.cjs: two folders below the package's.
    const folder = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
    const { version } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof version === 'string' && !/[\n\r]/.test(folder) ? { version, folder } : null;
  } catch {
    return null;
  }
}

const readOr = (path: string, fallback: Buffer | null): Buffer | null => {
  try {
    return readFileSync(path);
  } catch {
    return fallback;
  }
};

export interface StampedConfig {
  detect?: { rules?: readonly unknown[] };
  trailer: { key: string };
}

/**
 * After a hook loaded and validated the config (whose bytes were `before`): leave the stamp that
 * lets the shims' fast path (src/install/fast-path.ts) skip node for a commit with no AI signal,
 * for as long as the config files stay byte for byte these, this aitrail stays installed, and only
 * when a human commit cannot differ under this config: no detection rules (their regexes cannot
 * run in sh), a trailer key the shims look for. Otherwise the stamp is removed. Never throws:
 * without a stamp, every commit simply starts node.
 */
export function refreshFastPathStamp(root: string, gitDir: string, config: StampedConfig, before: ConfigBytes): void {
  const dir = join(gitDir, 'aitrail', FAST_PATH_DIR);
  const version = join(dir, FAST_PATH_VERSION_FILE);
  try {
    const quietConfig = (config.detect?.rules?.length ?? 0) === 0 && messageKeys().includes(config.trailer.key.toLowerCase());
    const files = configBytesNow(root);
    const self = installed();
    if (!quietConfig || !self || !files || !same(before, files)) {
      rmSync(dir, { recursive: true, force: true });
      return;
    }
    const header = Buffer.from(`${stampHeader(self.version)}\n${self.folder}\n`);
    // Newer by whole seconds: shells whose `test -nt` reads seconds agree.
    const fresh = (() => {
      try {
        return Math.floor(statSync(version).mtimeMs / 1000) > Math.floor(statSync(self.folder).mtimeMs / 1000);
      } catch {
        return false;
      }
    })();
    const copiesMatch = SEARCH_PLACES.every((place) => {
      const copy = readOr(join(dir, place), null);
      const file = files.get(place);
      return file === undefined ? copy === null : copy !== null && copy.equals(file);
    });
    if (fresh && copiesMatch && readOr(version, null)?.equals(header) === true) return;
    // The version file goes first and comes back last: a stamp half rewritten is never trusted.
    rmSync(version, { force: true });
    mkdirSync(dir, { recursive: true });
    for (const place of SEARCH_PLACES) {
      const file = files.get(place);
      if (file === undefined) rmSync(join(dir, place), { force: true });
      else writeFileAtomicSync(join(dir, place), file);
    }
    writeFileAtomicSync(version, header);
  } catch {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // its version file went first: the shims never trust what is left
    }
  }
}

/**
 * `aitrail init`: the stamp a person's first commit would leave (its prepare-commit-msg loads and
 * validates the config, then refreshFastPathStamp), left by init itself, so that first commit
 * takes the fast path too instead of starting node. The same checks: no stamp unless the config
 * loads without a warning and its bytes did not change meanwhile; none while an agent variable is
 * set (keepsStamp); a stamp naming another package folder (init run through npx, the hooks from
 * node_modules) is only stale, and the first commit stamps as before. Never throws.
 */
export async function stampAtInstall(root: string, gitDir: string, env: NodeJS.ProcessEnv): Promise<void> {
  try {
    if (!keepsStamp(env)) return;
    const before = configBytesNow(root);
    const { loadHookConfig } = await import('./hook-config.js');
    const { config, warning } = await loadHookConfig(root, gitDir);
    if (warning === undefined) refreshFastPathStamp(root, gitDir, config, before);
  } catch {
    // without a stamp, the first commit starts node and stamps
  }
}

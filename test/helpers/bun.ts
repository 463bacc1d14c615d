import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { tempDir, type TestRepo } from './gitdir.js';
import { evilTarball, npmFree, serve, serveRegistry, type Served } from './lock-resolved.js';

/** bun, where one runs (on PATH, or AITRAIL_TEST_BUN naming it): the real-bun tests (rows 873, 891, 893, 906) skip without it. */
export const BUN = process.env.AITRAIL_TEST_BUN ?? (spawnSync('sh', ['-c', 'command -v bun'], { encoding: 'utf8' }).stdout.trim() || 'bun');
export const bunFound = spawnSync(BUN, ['--version'], { encoding: 'utf8' }).status === 0;

/** Warns once per test file that its real-bun tests (of `rows`) are skipped. */
export function warnWithoutBun(rows: string): void {
  if (!bunFound) console.warn(`!!! bun not found: the real-bun tests of ${rows} are skipped (AITRAIL_TEST_BUN names one)`);
}

/** `bun install --ignore-scripts` (with `--frozen-lockfile`: the lock as committed) in the repository, HOME the test's (bun reads its ~/.npmrc), its cache the test's; node_modules/.bin/aitrail linked. */
export function bunInstall(repo: TestRepo, homeDir: string, frozen = false): void {
  const result = spawnSync(BUN, ['install', ...(frozen ? ['--frozen-lockfile'] : []), '--ignore-scripts'], {
    cwd: repo.dir,
    env: { ...npmFree(process.env), HOME: homeDir, BUN_INSTALL_CACHE_DIR: tempDir('aitrail-bun-cache-') },
    encoding: 'utf8',
  });
  expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
  expect(existsSync(join(repo.dir, 'node_modules', '.bin', 'aitrail'))).toBe(true);
}

export interface BunServers {
  evil: Served;
  registry: Served;
  evilTgz: string;
  marker: string;
}

/**
 * The servers the real-bun tests replay against: a server on 127.0.0.1 serving an "aitrail" 9.9.9 whose bin writes
 * `marker` (`evilTgz`), and the person's own registry serving `honestTgz` as aitrail 1.0.0. The caller stops both.
 */
export async function bunServers(honestTgz: string): Promise<BunServers> {
  const { tgz: evilTgz, marker } = evilTarball();
  return { evil: await serve(evilTgz), registry: await serveRegistry(honestTgz, '1.0.0'), evilTgz, marker };
}

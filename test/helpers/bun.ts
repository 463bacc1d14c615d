import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { hooked } from './agent-home.js';
import { makeRepo, TEST_GIT_ENV, tempDir, type TestRepo } from './gitdir.js';
import { BIN, envWithAitrailOnPath } from './cli.js';
import { commit, DENY_QWEN, evilTarball, home, npm, npmFree, PACKAGE_JSON, run, serve, serveRegistry, type Served } from './lock-resolved.js';
import { honestAitrail, npmFound, PNPM_PATH } from './pnpm.js';

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

/**
 * bunServers for a test file that needs npm and bun: started before its tests (an honest aitrail 1.0.0 packed
 * for the person's registry), stopped after them; read the servers through the returned object once tests run.
 */
export function bunServersForFile(): { servers?: BunServers } {
  const held: { servers?: BunServers } = {};
  beforeAll(async () => {
    if (!npmFound || !bunFound) return;
    held.servers = await bunServers(honestAitrail(tempDir('aitrail-honest-')).tarball);
  });
  afterAll(() => {
    held.servers?.evil.stop();
    held.servers?.registry.stop();
  });
  return held;
}

/**
 * A Qwen commit refused because the hooks will not run node_modules/.bin/aitrail that bun installed from the project's
 * bun.lockb (row 907's words), and init warning so; returns the output of init and a commit with no aitrail but that one.
 */
export function expectBunLockbRefused(repo: TestRepo, homeDir: string) {
  const denied = commit(repo, { ...envWithAitrailOnPath(), HOME: homeDir }, 'qwen/qwen3-coder');
  expect(denied.status).not.toBe(0);
  expect(denied.stderr).toContain("not running node_modules/.bin/aitrail: bun installed it from the project's bun.lockb, a binary lock aitrail does not read");
  expect(denied.stderr).toContain('model-denied');
  const aloneEnv = { ...TEST_GIT_ENV, PATH: PNPM_PATH, HOME: homeDir };
  const said = run(repo, aloneEnv, [process.execPath, BIN, 'init', '--mode', 'git']);
  expect(`${said.stdout}${said.stderr}`).toContain("Warning: the hooks will not run node_modules/.bin/aitrail: it was installed by bun from the project's bun.lockb, a binary lock aitrail does not read");
  const alone = commit(repo, aloneEnv, 'openai/gpt-5');
  expect(alone.status).not.toBe(0);
  return { said: `${said.stdout}${said.stderr}`, alone };
}

/** A bun.lockb (bun's binary lock) for package.json asking `range`, made by bun itself in a scratch folder (`saveTextLockfile = false`). */
export function bunLockb(range: string, homeDir: string): string {
  const scratch = makeRepo();
  writeFileSync(join(scratch.dir, 'package.json'), PACKAGE_JSON(range));
  writeFileSync(join(scratch.dir, 'bunfig.toml'), '[install]\nsaveTextLockfile = false\n');
  const result = spawnSync(BUN, ['install', '--ignore-scripts'], { cwd: scratch.dir, env: { ...npmFree(process.env), HOME: homeDir, BUN_INSTALL_CACHE_DIR: tempDir('aitrail-bun-cache-') }, encoding: 'utf8' });
  expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
  expect(existsSync(join(scratch.dir, 'bun.lock'))).toBe(false);
  return join(scratch.dir, 'bun.lockb');
}

/**
 * Row 915's replay: npm installs aitrail 1.0.0 from the person's registry (`registryUrl`); then package.json asks
 * `range`, a bun.lockb for it is committed, and bun installs it (no bun.lock appears; npm's record still says 1.0.0).
 */
export function npmThenBunLockb(registryUrl: string, range: string): { repo: TestRepo; homeDir: string } {
  const repo = hooked(DENY_QWEN, { 'package.json': PACKAGE_JSON('1.0.0'), '.gitignore': 'node_modules\n' });
  const homeDir = home(`registry=${registryUrl}/\n`);
  npm(repo, homeDir, ['install']);
  copyFileSync(bunLockb(range, homeDir), join(repo.dir, 'bun.lockb'));
  repo.write('package.json', PACKAGE_JSON(range));
  bunInstall(repo, homeDir, false);
  expect(existsSync(join(repo.dir, 'bun.lock'))).toBe(false);
  expect(readFileSync(join(repo.dir, 'node_modules', '.package-lock.json'), 'utf8')).toContain('"version": "1.0.0"');
  return { repo, homeDir };
}

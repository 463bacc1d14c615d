import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hooked } from '../helpers/agent-home.js';
import { BUN, bunFound, bunInstall, bunServers, expectBunLockbRefused, warnWithoutBun } from '../helpers/bun.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';
import { DENY_QWEN, expectLocalRuns, home, npm, npmFree, PACKAGE_JSON, type Served } from '../helpers/lock-resolved.js';
import { honestAitrail, npmFound } from '../helpers/pnpm.js';

/**
 * Row s49h-1: a binary bun.lockb beside npm's record (node_modules/.package-lock.json). Row 893 judges a bun.lock
 * beside npm's record, but left a bun.lockb there unread (its limit). bun 1.3 keeps writing the project's bun.lockb
 * when one is committed (no bun.lock appears): a person's npm install of aitrail 1.0.0, then a branch whose committed
 * bun.lockb and package.json name a server's tarball, `bun install`: bun put the server's aitrail in node_modules,
 * npm's record still said 1.0.0 from the person's registry, and the hooks ran the server's bin.
 * Real npm and bun (`bun install --ignore-scripts`), a server on 127.0.0.1, the real hooks init installs.
 */

warnWithoutBun('row s49h-1');

let evil: Served | undefined;
let marker = '';
let registry: Served | undefined;
beforeAll(async () => {
  if (!npmFound || !bunFound) return;
  ({ evil, registry, marker } = await bunServers(honestAitrail(tempDir('aitrail-honest-')).tarball));
});
afterAll(() => {
  evil?.stop();
  registry?.stop();
});

/** A bun.lockb (bun's binary lock) for package.json asking `range`, made by bun itself in a scratch folder (`saveTextLockfile = false`). */
function bunLockb(range: string, homeDir: string): string {
  const scratch = makeRepo();
  writeFileSync(join(scratch.dir, 'package.json'), PACKAGE_JSON(range));
  writeFileSync(join(scratch.dir, 'bunfig.toml'), '[install]\nsaveTextLockfile = false\n');
  const result = spawnSync(BUN, ['install', '--ignore-scripts'], { cwd: scratch.dir, env: { ...npmFree(process.env), HOME: homeDir, BUN_INSTALL_CACHE_DIR: tempDir('aitrail-bun-cache-') }, encoding: 'utf8' });
  expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
  expect(existsSync(join(scratch.dir, 'bun.lock'))).toBe(false);
  return join(scratch.dir, 'bun.lockb');
}

describe.skipIf(!npmFound || !bunFound)("bun.lockb beside npm's stale record (row s49h-1)", () => {
  /** npm installs aitrail 1.0.0 from the person's registry; then package.json asks `range`, a bun.lockb for it is committed, and bun installs it. */
  function npmThenBunLockb(range: string) {
    const repo = hooked(DENY_QWEN, { 'package.json': PACKAGE_JSON('1.0.0'), '.gitignore': 'node_modules\n' });
    const homeDir = home(`registry=${registry!.url}/\n`);
    npm(repo, homeDir, ['install']);
    copyFileSync(bunLockb(range, homeDir), join(repo.dir, 'bun.lockb'));
    repo.write('package.json', PACKAGE_JSON(range));
    bunInstall(repo, homeDir, false);
    expect(existsSync(join(repo.dir, 'bun.lock'))).toBe(false);
    expect(readFileSync(join(repo.dir, 'node_modules', '.package-lock.json'), 'utf8')).toContain('"version": "1.0.0"');
    return { repo, homeDir };
  }

  it("a server's tarball installed by bun from a bun.lockb over npm's install: refused, said as bun.lockb; the script never runs", () => {
    const { repo, homeDir } = npmThenBunLockb(`${evil!.url}/aitrail/-/aitrail-9.9.9.tgz`);
    expect(readFileSync(join(repo.dir, 'node_modules', 'aitrail', 'package.json'), 'utf8')).toContain('9.9.9');
    expectBunLockbRefused(repo, homeDir);
    expect(existsSync(marker)).toBe(false);
  });

  it('the honest twin: an npm project keeping an old bun.lockb, aitrail installed by npm from the person\'s registry: it runs', () => {
    const repo = hooked(DENY_QWEN, { 'package.json': PACKAGE_JSON('1.0.0'), '.gitignore': 'node_modules\n' });
    const homeDir = home(`registry=${registry!.url}/\n`);
    copyFileSync(bunLockb('1.0.0', homeDir), join(repo.dir, 'bun.lockb'));
    npm(repo, homeDir, ['install']);
    expectLocalRuns(repo, homeDir);
  });
});

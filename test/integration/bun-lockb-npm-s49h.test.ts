import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hooked } from '../helpers/agent-home.js';
import { bunFound, bunLockb, bunServers, expectBunLockbRefused, npmThenBunLockb, warnWithoutBun } from '../helpers/bun.js';
import { tempDir } from '../helpers/gitdir.js';
import { DENY_QWEN, expectLocalRuns, home, npm, PACKAGE_JSON, type Served } from '../helpers/lock-resolved.js';
import { honestAitrail, npmFound } from '../helpers/pnpm.js';

/**
 * Row 915: a binary bun.lockb beside npm's record (node_modules/.package-lock.json). Row 893 judges a bun.lock
 * beside npm's record, but left a bun.lockb there unread (its limit). bun 1.3 keeps writing the project's bun.lockb
 * when one is committed (no bun.lock appears): a person's npm install of aitrail 1.0.0, then a branch whose committed
 * bun.lockb and package.json name a server's tarball, `bun install`: bun put the server's aitrail in node_modules,
 * npm's record still said 1.0.0 from the person's registry, and the hooks ran the server's bin.
 * Real npm and bun (`bun install --ignore-scripts`), a server on 127.0.0.1, the real hooks init installs.
 */

warnWithoutBun('row 915');

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

describe.skipIf(!npmFound || !bunFound)("bun.lockb beside npm's stale record (row 915)", () => {
  it("a server's tarball installed by bun from a bun.lockb over npm's install: refused, said as bun.lockb; the script never runs", () => {
    const { repo, homeDir } = npmThenBunLockb(registry!.url, `${evil!.url}/aitrail/-/aitrail-9.9.9.tgz`);
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

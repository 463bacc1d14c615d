import { spawnSync } from 'node:child_process';
import { copyFileSync, lstatSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hooked } from '../helpers/agent-home.js';
import { bunFound, bunLockb, bunServersForFile, expectBunLockbRefused, npmThenBunLockb, warnWithoutBun } from '../helpers/bun.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';
import { DENY_QWEN, expectLocalRuns, home, npm, PACKAGE_JSON } from '../helpers/lock-resolved.js';
import { npmFound } from '../helpers/pnpm.js';

/**
 * Row 945: row 915 refuses a package whose files changed status after npm wrote its record (node_modules/
 * .package-lock.json) beside a bun.lockb. A tree restored with its times kept (`cp -a`, a CI cache's tar) has every
 * change time new and every time as npm left it: an honest npm project was refused. Now an entry is bun's when both
 * its change time and its time are past the record's: bun makes the package's folders and its .bin link anew, even
 * where it links files its cache has held since before npm's install (their times older than the record).
 * Real npm 11, bun 1.3 (`install --ignore-scripts`), GNU find, the hooks init installs, a server on 127.0.0.1.
 */

warnWithoutBun('row 945');

const held = bunServersForFile();

/** `cp -a` of the project into a new folder (times kept, change times new), as a restored tree or CI cache is. */
function restored(repo: TestRepo): TestRepo {
  const to = join(tempDir('aitrail-restored-'), 'project');
  const copied = spawnSync('cp', ['-a', repo.dir, to], { encoding: 'utf8' });
  expect(copied.status, copied.stderr).toBe(0);
  const record = lstatSync(join(to, 'node_modules', '.package-lock.json'), { bigint: true });
  expect(record.ctimeNs > record.mtimeNs).toBe(true);
  const copy = makeRepo({ dir: to });
  // The hooks init wrote, copied with the project: none names the original's path.
  expect(readFileSync(join(to, '.git', 'hooks', 'commit-msg'), 'utf8').includes(repo.dir)).toBe(false);
  return copy;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!npmFound || !bunFound)('an npm tree beside a bun.lockb restored with its times kept (row 945)', () => {
  it("the honest npm project keeping an old bun.lockb, copied by cp -a: its aitrail runs (was refused as bun's)", () => {
    const repo = hooked(DENY_QWEN, { 'package.json': PACKAGE_JSON('1.0.0'), '.gitignore': 'node_modules\n' });
    const homeDir = home(`registry=${held.servers!.registry.url}/\n`);
    copyFileSync(bunLockb('1.0.0', homeDir), join(repo.dir, 'bun.lockb'));
    npm(repo, homeDir, ['install']);
    expectLocalRuns(restored(repo), homeDir);
  });

  it("bun's install from a bun.lockb over npm's, then copied by cp -a: still refused as bun.lockb's", () => {
    const { repo, homeDir } = npmThenBunLockb(held.servers!.registry.url, `${held.servers!.evil.url}/aitrail/-/aitrail-9.9.9.tgz`);
    expectBunLockbRefused(restored(repo), homeDir);
  });

  it("bun linking files its cache held since before npm's install (their times older than the record): refused; the script never runs", async () => {
    const range = `${held.servers!.evil.url}/aitrail/-/aitrail-9.9.9.tgz`;
    const cache = tempDir('aitrail-bun-cache-');
    const homeDir = home(`registry=${held.servers!.registry.url}/\n`);
    const bun = (dir: string) => {
      const result = spawnSync('bun', ['install', '--ignore-scripts'], { cwd: dir, env: { ...process.env, HOME: homeDir, BUN_INSTALL_CACHE_DIR: cache }, encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
    };
    const scratch = makeRepo();
    writeFileSync(join(scratch.dir, 'package.json'), PACKAGE_JSON(range));
    writeFileSync(join(scratch.dir, 'bunfig.toml'), '[install]\nsaveTextLockfile = false\n');
    bun(scratch.dir);
    await sleep(1100);
    const repo = hooked(DENY_QWEN, { 'package.json': PACKAGE_JSON('1.0.0'), '.gitignore': 'node_modules\n' });
    npm(repo, homeDir, ['install']);
    await sleep(50);
    copyFileSync(join(scratch.dir, 'bun.lockb'), join(repo.dir, 'bun.lockb'));
    repo.write('package.json', PACKAGE_JSON(range));
    bun(repo.dir);
    expect(readFileSync(join(repo.dir, 'node_modules', 'aitrail', 'package.json'), 'utf8')).toContain('9.9.9');
    const record = lstatSync(join(repo.dir, 'node_modules', '.package-lock.json'), { bigint: true }).mtimeNs;
    // The bin bun linked from its cache is older than npm's record: only the folders and links bun made are newer.
    expect(lstatSync(join(repo.dir, 'node_modules', 'aitrail', 'package.json'), { bigint: true }).mtimeNs < record).toBe(true);
    expectBunLockbRefused(repo, homeDir);
    expect(spawnSync('test', ['-e', held.servers!.marker]).status).not.toBe(0);
  });
});

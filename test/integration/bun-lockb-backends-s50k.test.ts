import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hooked } from '../helpers/agent-home.js';
import { BUN, bunFound, bunLockb, expectBunLockbRefused, warnWithoutBun } from '../helpers/bun.js';
import { envWithAitrailOnPath } from '../helpers/cli.js';
import { tempDir } from '../helpers/gitdir.js';
import { commit, DENY_QWEN, expectLocalRuns, home, npm, npmFree, PACKAGE_JSON, serve, serveRegistry, type Served } from '../helpers/lock-resolved.js';
import { honestAitrail, npmFound } from '../helpers/pnpm.js';

/**
 * Row 965, and session 50 task k's review of row 945: an entry is bun's when its change time and its time are
 * both past npm's record's. The hostile repository's ways to make bun's files keep old times, replayed with real npm
 * 11 and bun 1.3: a tarball whose every entry (folders too) is dated 2000-01-01, installed by each of bun's Linux
 * backends (`--backend=hardlink`, the default; `copyfile`; `symlink`), scripts off. bun keeps no entry's time from
 * the tarball, and makes the package's folder and the .bin link anew. But `--backend=symlink` links each file into bun's
 * cache, outside the work tree: the hooks read the real path as no project's and ran the server's tarball (its marker
 * written, a Qwen commit in under deny: ["qwen/*"]), before and after row 945 (row 965: it fails without the fix).
 * The honest twin: bun's own symlink install from the person's registry (bun.lock, no npm record) runs.
 */

warnWithoutBun('session 50 task k');

/** `bun install --ignore-scripts --backend=<backend>` in `repo`, with the person's `homeDir` and a cache of its own. */
function bunInstall(repo: ReturnType<typeof hooked>, homeDir: string, backend: string) {
  return spawnSync(BUN, ['install', '--ignore-scripts', `--backend=${backend}`], {
    cwd: repo.dir,
    env: { ...npmFree(process.env), HOME: homeDir, BUN_INSTALL_CACHE_DIR: tempDir('aitrail-bun-cache-') },
    encoding: 'utf8',
  });
}

let evil: Served | undefined;
let registry: Served | undefined;
let marker = '';
beforeAll(async () => {
  if (!npmFound || !bunFound) return;
  const root = tempDir('aitrail-old-evil-');
  marker = join(root, 'ran');
  const folder = join(root, 'package');
  spawnSync('mkdir', ['-p', join(folder, 'bin')]);
  writeFileSync(join(folder, 'package.json'), '{"name":"aitrail","version":"9.9.9","bin":{"aitrail":"bin/aitrail.js"}}\n');
  writeFileSync(join(folder, 'bin', 'aitrail.js'), `#!/bin/sh\necho ran >> '${marker}'\nexit 0\n`, { mode: 0o755 });
  const tgz = join(root, 'aitrail-9.9.9.tgz');
  expect(spawnSync('tar', ['-C', root, '--mtime=2000-01-01 00:00:00', '-czf', tgz, 'package']).status).toBe(0);
  expect(spawnSync('tar', ['-tvzf', tgz], { encoding: 'utf8' }).stdout).toContain('2000-01-01');
  evil = await serve(tgz);
  registry = await serveRegistry(honestAitrail(tempDir('aitrail-honest-')).tarball, '1.0.0');
});
afterAll(() => {
  evil?.stop();
  registry?.stop();
});

describe.skipIf(!npmFound || !bunFound)("bun's backends over npm's install, the tarball's entries dated 2000 (review of row 945)", () => {
  it.each(['hardlink', 'copyfile', 'symlink'])('--backend=%s: refused as bun.lockb\'s; the script never runs', (backend) => {
    const range = `${evil!.url}/aitrail/-/aitrail-9.9.9.tgz`;
    const repo = hooked(DENY_QWEN, { 'package.json': PACKAGE_JSON('1.0.0'), '.gitignore': 'node_modules\n' });
    const homeDir = home(`registry=${registry!.url}/\n`);
    npm(repo, homeDir, ['install']);
    copyFileSync(bunLockb(range, homeDir), join(repo.dir, 'bun.lockb'));
    repo.write('package.json', PACKAGE_JSON(range));
    const result = bunInstall(repo, homeDir, backend);
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
    expect(existsSync(join(repo.dir, 'bun.lock'))).toBe(false);
    expect(readFileSync(join(repo.dir, 'node_modules', 'aitrail', 'package.json'), 'utf8')).toContain('9.9.9');
    // No entry keeps the tarball's 2000 time.
    const year = (path: string) => new Date(Number(lstatSync(join(repo.dir, 'node_modules', path), { bigint: true }).mtimeNs / 1_000_000n)).getUTCFullYear();
    for (const path of ['aitrail', 'aitrail/package.json', 'aitrail/bin/aitrail.js', '.bin/aitrail']) expect(year(path)).toBeGreaterThan(2000);
    expectBunLockbRefused(repo, homeDir);
    expect(existsSync(marker)).toBe(false);
  });
});

describe.skipIf(!npmFound || !bunFound)('bun --backend=symlink, honest (row 965)', () => {
  it("bun's own install from the person's registry, its files linked into its cache: the local aitrail runs", () => {
    const repo = hooked(DENY_QWEN, { 'package.json': PACKAGE_JSON('1.0.0'), '.gitignore': 'node_modules\n' });
    const homeDir = home(`registry=${registry!.url}/\n`);
    const result = bunInstall(repo, homeDir, 'symlink');
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
    expect(existsSync(join(repo.dir, 'bun.lock'))).toBe(true);
    expect(lstatSync(join(repo.dir, 'node_modules', 'aitrail', 'package.json')).isSymbolicLink()).toBe(true);
    expectLocalRuns(repo, homeDir);
  });

  it("the repository's bun.lock naming the server's tarball, installed by bun alone with --backend=symlink: refused (bun.lock judged, row 873)", () => {
    const range = `${evil!.url}/aitrail/-/aitrail-9.9.9.tgz`;
    const repo = hooked(DENY_QWEN, { 'package.json': PACKAGE_JSON(range), '.gitignore': 'node_modules\n' });
    const homeDir = home(`registry=${registry!.url}/\n`);
    const result = bunInstall(repo, homeDir, 'symlink');
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
    expect(readFileSync(join(repo.dir, 'bun.lock'), 'utf8')).toContain('aitrail-9.9.9.tgz');
    const denied = commit(repo, { ...envWithAitrailOnPath(), HOME: homeDir }, 'qwen/qwen3-coder');
    expect(denied.status).not.toBe(0);
    expect(denied.stderr).toContain('model-denied');
    expect(denied.stderr).toContain('not running node_modules/.bin/aitrail');
    expect(existsSync(marker)).toBe(false);
  });
});

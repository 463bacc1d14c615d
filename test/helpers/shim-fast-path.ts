import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { aitrail, BIN } from './cli.js';
import { makeRepo, tempDir, type TestRepo } from './gitdir.js';

/**
 * A repository with one commit and the fast-path stamp the real node `commit-msg` hook leaves after a
 * person's commit (no config file): the state in which the shims' fast path may skip node.
 */
export function stampedRepo(): TestRepo {
  const repo = makeRepo();
  repo.commit('start\n', { 'a.txt': 'a\n' });
  writeFileSync(join(repo.dir, '.git', 'COMMIT_EDITMSG'), 'Plain\n');
  const first = spawnSync(process.execPath, [BIN, 'hook', 'commit-msg', '.git/COMMIT_EDITMSG'], { cwd: repo.dir, env: { PATH: process.env.PATH, GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.com' }, encoding: 'utf8' });
  expect(first.status, first.stderr).toBe(0);
  return repo;
}

/** The fast path's sh functions, as generated into the shim `shim` (its text), and the LC_ALL=C the shim sets around its call. */
export function quietFunction(shim: string): string {
  const definition = (name: string) => {
    const at = shim.indexOf(`${name}() {`);
    expect(at, name).toBeGreaterThan(0);
    return shim.slice(at, shim.indexOf('\n}\n', at) + 3);
  };
  // aitrail_safe: the PATH the gates' tools (git var, grep) run under, cleaned once (safePathLines).
  const hash = `aitrail_p0=$PATH\nunset aitrail_ps\n${definition('aitrail_safe')}${definition('aitrail_same')}${definition('aitrail_hash')}${definition('aitrail_ident')}`;
  const start = shim.indexOf('aitrail_quiet() {');
  const end = shim.indexOf('\n}\n', start) + 3;
  expect(start).toBeGreaterThan(0);
  // The author's model-author test waits for the line after the fast path's `if` (row 844): aitrail_quiet
  // here is the body and that line together, one decision (1: node starts).
  const call = /^aitrail_l=\$\{LC_ALL\+x\}\$\{LC_ALL-\}\nLC_ALL=C; export LC_ALL\naitrail_dn=\naitrail_dq=\nif (?:\[ -z "\$aitrail_rw" \] && )?aitrail_quiet "\$1"(?: && aitrail_fresh)?; then \[ -n "\$aitrail_dn" \] \|\| exit 0; aitrail_dq=1; fi\n\[ -z "\$aitrail_dq" \] \|\| case "\$aitrail_i" in (.*?)\) ;; \*\) exit 0 ;; esac\n/.exec(shim.slice(end));
  expect(call, 'the fast path call and its deferred author line').not.toBeNull();
  const body = shim.slice(start, end).replace('aitrail_quiet() {', 'aitrail_quiet_body() {');
  // Each call stands for one hook run: aitrail_ident keeps git var's answer for the rest of its run only (aitrail_im).
  const whole = `aitrail_quiet() {\n  aitrail_dn=\n  unset aitrail_im\n  aitrail_quiet_body "$@" || return 1\n  [ -z "$aitrail_dn" ] || case "$aitrail_i" in ${call![1]}) return 1 ;; esac\n}\n`;
  return `${hash}${body}${whole}LC_ALL=C; export LC_ALL\n`;
}

/**
 * A repository at `<tempDir(prefix)>/repo` (room beside it for markers), node_modules ignored, aitrail
 * as `npm i -D aitrail` installs it (an untracked node_modules/.bin/aitrail, a link to this build's
 * CLI), and the hooks installed by it (`init --mode git`).
 */
export function npmInstalledRepo(prefix: string): TestRepo {
  const repo = makeRepo({ dir: join(tempDir(prefix), 'repo') });
  repo.commit('start\n', { '.gitignore': 'node_modules\n', 'a.txt': 'a\n' });
  mkdirSync(join(repo.dir, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(BIN, join(repo.dir, 'node_modules', '.bin', 'aitrail'));
  const init = aitrail(repo.dir, ['init', '--mode', 'git']);
  expect(init.code, init.stderr).toBe(0);
  return repo;
}

/**
 * A repository (node_modules ignored) where aitrail is installed as `npm i -D aitrail` leaves it: a copy of this
 * package in node_modules/aitrail, a relative .bin link to its bin, npm's hidden lockfile naming the registry's
 * tarball; the hooks installed by it (`init --mode git`).
 */
export function npmCopiedRepo(): TestRepo {
  const packageDir = resolve(fileURLToPath(import.meta.url), '../../..');
  const repo = makeRepo();
  repo.commit('start\n', { 'a.txt': 'a\n', '.gitignore': 'node_modules\n' });
  const installed = join(repo.dir, 'node_modules', 'aitrail');
  for (const part of ['package.json', 'bin', 'dist', 'hooks']) cpSync(join(packageDir, part), join(installed, part), { recursive: true, filter: (source) => !/\.(cache|cache-runs|cache-paths|tmp)$/.test(source) });
  symlinkSync(join(packageDir, 'node_modules'), join(installed, 'node_modules'));
  mkdirSync(join(repo.dir, 'node_modules', '.bin'));
  symlinkSync('../aitrail/bin/aitrail.js', join(repo.dir, 'node_modules', '.bin', 'aitrail'));
  const version = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version as string;
  const lock = { name: 'app', lockfileVersion: 3, requires: true, packages: { 'node_modules/aitrail': { version, resolved: `https://registry.npmjs.org/aitrail/-/aitrail-${version}.tgz`, integrity: 'sha512-AAAA', dev: true, bin: { aitrail: 'bin/aitrail.js' } } } };
  writeFileSync(join(repo.dir, 'node_modules', '.package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
  const init = aitrail(repo.dir, ['init', '--mode', 'git']);
  expect(init.code, init.stderr).toBe(0);
  return repo;
}

/** node_modules/.bin/aitrail replaced by a script that leaves `marker` and staged (git add -f): what a hostile branch brings. */
export function shipBinary(repo: TestRepo, marker: string): void {
  const shipped = join(repo.dir, 'node_modules', '.bin', 'aitrail');
  spawnSync('rm', ['-f', shipped]);
  writeFileSync(shipped, `#!/bin/sh\ntouch '${marker}'\nexit 0\n`);
  chmodSync(shipped, 0o755);
  repo.git(['add', '-f', 'node_modules/.bin/aitrail']);
}

/**
 * A repository committing vendor/aitrail (a package whose bin, at `binPath` in it, leaves `marker`
 * and says nothing) and naming it as its aitrail (`"aitrail": "file:vendor/aitrail"`), node_modules
 * ignored, hooks installed by `aitrail init --mode git`: what a hostile branch brings before
 * `npm install --ignore-scripts` links it in.
 */
export function vendoredAitrailRepo(prefix: string, binPath = 'bin/aitrail'): { repo: TestRepo; marker: string } {
  const repo = makeRepo({ dir: join(tempDir(prefix), 'repo') });
  const marker = join(repo.dir, '..', 'pwned');
  repo.commit('start\n', {
    '.gitignore': 'node_modules\n',
    'a.txt': 'a\n',
    'vendor/aitrail/package.json': `${JSON.stringify({ name: 'aitrail', version: '9.9.9', bin: { aitrail: binPath } })}\n`,
    [`vendor/aitrail/${binPath}`]: `#!/bin/sh\ntouch '${marker}'\nexit 0\n`,
    'package.json': '{"name":"app","version":"1.0.0","devDependencies":{"aitrail":"file:vendor/aitrail"}}\n',
  });
  chmodSync(join(repo.dir, 'vendor/aitrail', binPath), 0o755);
  const init = aitrail(repo.dir, ['init', '--mode', 'git']);
  expect(init.code, init.stderr).toBe(0);
  return { repo, marker };
}

/**
 * The package folder `folder` as the tarball `tarball` (its path): the folder's files under `package/`, as `npm pack`
 * lays them out (modes kept: a bin's exec bit). Made by tar, not npm pack: the tests judge how npm, yarn or pnpm
 * install it, never how it was packed (npm pack cost ~0.45 s of CPU a tarball, tar ~0.01 s).
 */
export function tarPackage(folder: string, tarball: string): string {
  const packed = spawnSync('tar', ['-czf', tarball, '-C', dirname(folder), '--transform', 's,^[^/]*,package,', basename(folder)], { encoding: 'utf8' });
  expect(packed.status, packed.stderr).toBe(0);
  return tarball;
}

/** The vendor/aitrail of the work tree `workTree` (vendoredAitrailRepo) as `aitrail-9.9.9.tgz` in `dest` (tarPackage): its path. */
export function packVendored(workTree: string, dest = workTree): string {
  return tarPackage(join(workTree, 'vendor', 'aitrail'), join(dest, 'aitrail-9.9.9.tgz'));
}

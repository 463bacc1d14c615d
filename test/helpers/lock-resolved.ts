import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { hooked } from './agent-home.js';
import { BIN, envWithAitrailOnPath } from './cli.js';
import { TEST_GIT_ENV, tempDir, type TestRepo } from './gitdir.js';
import { PNPM_PATH, pnpmEnv } from './pnpm.js';

/** Shared by the lock-resolved tests (rows 833-836, 855): a hooked repository committing a lock, npm run in a HOME of its own. */

export const DENY_QWEN = 'policy:\n  deny: ["qwen/*"]\n';
export const PACKAGE_JSON = (range: string) => `{"name":"p","version":"1.0.0","devDependencies":{"aitrail":"${range}"}}\n`;

export interface Served {
  url: string;
  stop: () => void;
}

/** A server on 127.0.0.1 answering every request with `tgz`'s bytes (a registry's tarball URL, as a lock names it). */
export async function serve(tgz: string): Promise<Served> {
  const code = `const t=require('fs').readFileSync(${JSON.stringify(tgz)});const s=require('http').createServer((q,r)=>r.end(t));s.listen(0,'127.0.0.1',()=>console.log(s.address().port));`;
  const server = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((done) => server.stdout!.once('data', (chunk: Buffer) => done(Number(String(chunk).trim()))));
  return { url: `http://127.0.0.1:${port}`, stop: () => server.kill() };
}

/** A registry on 127.0.0.1 answering a packument of aitrail `version` (its tarball `tgz`, its integrity) and the tarball for any `.tgz` path. */
export async function serveRegistry(tgz: string, version: string): Promise<Served> {
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tgz)).digest('base64')}`;
  const code = `const t=require('fs').readFileSync(${JSON.stringify(tgz)});const s=require('http').createServer((q,r)=>{if(q.url.endsWith('.tgz'))return r.end(t);const u='http://127.0.0.1:'+s.address().port+'/aitrail/-/aitrail-${version}.tgz';r.setHeader('content-type','application/json');r.end(JSON.stringify({name:'aitrail','dist-tags':{latest:'${version}'},versions:{'${version}':{name:'aitrail',version:'${version}',bin:{aitrail:'bin/aitrail.js'},dist:{tarball:u,integrity:${JSON.stringify(integrity)}}}}}))});s.listen(0,'127.0.0.1',()=>console.log(s.address().port));`;
  const server = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((done) => server.stdout!.once('data', (chunk: Buffer) => done(Number(String(chunk).trim()))));
  return { url: `http://127.0.0.1:${port}`, stop: () => server.kill() };
}

/** A tarball named aitrail 9.9.9 whose bin writes `marker` and exits 0 (what a repository's server serves). */
export function evilTarball(): { tgz: string; marker: string } {
  const root = tempDir('aitrail-evil-');
  const marker = join(root, 'ran');
  const folder = join(root, 'package');
  spawnSync('mkdir', ['-p', join(folder, 'bin')]);
  writeFileSync(join(folder, 'package.json'), '{"name":"aitrail","version":"9.9.9","bin":{"aitrail":"bin/aitrail.js"}}\n');
  writeFileSync(join(folder, 'bin', 'aitrail.js'), `#!/bin/sh\necho ran >> '${marker}'\nexit 0\n`, { mode: 0o755 });
  expect(spawnSync('tar', ['-C', root, '-czf', join(root, 'aitrail-9.9.9.tgz'), 'package']).status).toBe(0);
  return { tgz: join(root, 'aitrail-9.9.9.tgz'), marker };
}

/** A lock (lockfileVersion 3, as npm writes it) whose aitrail entry names `resolved` and the tarball's integrity. */
export function lock(version: string, resolved: string, tgz: string): string {
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tgz)).digest('base64')}`;
  const entry = { version, resolved, integrity, dev: true, bin: { aitrail: 'bin/aitrail.js' } };
  const root = { name: 'p', version: '1.0.0', devDependencies: { aitrail: version } };
  return `${JSON.stringify({ name: 'p', version: '1.0.0', lockfileVersion: 3, requires: true, packages: { '': root, 'node_modules/aitrail': entry } }, null, 2)}\n`;
}

/** A hooked repository (`deny: ["qwen/*"]`) committing a package.json asking for aitrail `version` and the lock `file` saying `text`. */
export function lockedRepo(version: string, file: string, text: string): TestRepo {
  return hooked(DENY_QWEN, { 'package.json': PACKAGE_JSON(version), '.gitignore': 'node_modules\n', [file]: text });
}

/** A HOME of its own (npm's ~/.npmrc the test's, never the machine's) saying `npmrc`; `file` another of its files. */
export function home(npmrc: string, file = '.npmrc'): string {
  const dir = tempDir('aitrail-home-');
  writeFileSync(join(dir, file), npmrc);
  return dir;
}

export function npm(repo: TestRepo, homeDir: string, args: string[]): void {
  const result = spawnSync('npm', [...args, '--ignore-scripts', '--no-audit', '--no-fund', '--cache', tempDir('aitrail-npm-cache-')], {
    cwd: repo.dir,
    env: { ...npmFree(process.env), HOME: homeDir, npm_config_update_notifier: 'false' },
    encoding: 'utf8',
  });
  expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
  expect(existsSync(join(repo.dir, 'node_modules', '.bin', 'aitrail'))).toBe(true);
}

/**
 * A pnpm-lock.yaml (lockfile 9.0) whose one devDependency aitrail, asked as `specifier`, is the package `key`
 * (`aitrail@<version or source>`) resolved as `resolution` (`{…}`); a source's entry says its version (9.9.9), as pnpm writes it.
 */
export function pnpmLockText(specifier: string, key: string, resolution: string): string {
  const version = key.slice('aitrail@'.length);
  const sourced = /^\d/.test(version) ? '' : '    version: 9.9.9\n';
  return `lockfileVersion: '9.0'\n\nsettings:\n  autoInstallPeers: true\n  excludeLinksFromLockfile: false\n\nimporters:\n\n  .:\n    devDependencies:\n      aitrail:\n        specifier: ${specifier}\n        version: ${version}\n\npackages:\n\n  ${key}:\n    resolution: ${resolution}\n${sourced}    hasBin: true\n\nsnapshots:\n\n  ${key}: {}\n`;
}

/** `pnpm install --frozen-lockfile --ignore-scripts` (`frozen` false: without the lock) in the repository, its store and HOME the test's. */
export function pnpmFrozen(repo: TestRepo, homeDir: string, frozen = true): void {
  const result = spawnSync('pnpm', ['install', ...(frozen ? ['--frozen-lockfile'] : []), '--ignore-scripts', '--store-dir', tempDir('aitrail-pnpm-store-')], {
    cwd: repo.dir,
    env: pnpmEnv({ ...npmFree(process.env), HOME: homeDir, PATH: PNPM_PATH }),
    encoding: 'utf8',
  });
  expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
  expect(existsSync(join(repo.dir, 'node_modules', '.bin', 'aitrail'))).toBe(true);
}

/** The environment without npm's `npm_config_*` (npx exports the machine's own ~/.npmrc so: `omit-lockfile-registry-resolved`). */
export function npmFree(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !/^npm_config_/i.test(key)));
}

export function run(repo: TestRepo, env: NodeJS.ProcessEnv, args: string[]) {
  return spawnSync(args[0]!, args.slice(1), { cwd: repo.dir, env, encoding: 'utf8' });
}

export function commit(repo: TestRepo, env: NodeJS.ProcessEnv, model: string) {
  repo.write('a.txt', `${Math.random()}\n`);
  repo.git(['add', 'a.txt']);
  return run(repo, { ...env, AITRAIL_MODEL: model }, ['git', 'commit', '-q', '-m', 'AI change']);
}

/** node_modules/.bin/aitrail is the one the hooks run (no other on PATH): init names it, Qwen refused by policy, GPT-5 recorded. */
export function expectLocalRuns(repo: TestRepo, homeDir: string): void {
  const env = { ...TEST_GIT_ENV, PATH: PNPM_PATH, HOME: homeDir };
  const init = run(repo, env, [process.execPath, BIN, 'init', '--mode', 'git']);
  expect(`${init.stdout}${init.stderr}`).not.toMatch(/will not (find|run)/);
  const denied = commit(repo, env, 'qwen/qwen3-coder');
  expect(denied.status).not.toBe(0);
  expect(denied.stderr).toContain('model-denied');
  expect(denied.stderr).not.toMatch(/was installed from|comes from the repository/);
  const allowed = commit(repo, env, 'openai/gpt-5');
  expect(allowed.status, allowed.stderr).toBe(0);
  expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('unknown:openai/gpt-5');
}

/** The server's aitrail refused, said as `lock`'s (never its URL): PATH's aitrail refuses Qwen; alone, init warns and the commit is blocked; the script never ran. */
export function expectLockRefused(repo: TestRepo, homeDir: string, lock: string, marker: string): void {
  const denied = commit(repo, { ...envWithAitrailOnPath(), HOME: homeDir }, 'qwen/qwen3-coder');
  expect(denied.status).not.toBe(0);
  expect(denied.stderr).toContain(`not running node_modules/.bin/aitrail: it was installed from a source the project's ${lock} names`);
  expect(denied.stderr).not.toContain('127.0.0.1');
  expect(denied.stderr).toContain('model-denied');
  const aloneEnv = { ...TEST_GIT_ENV, PATH: PNPM_PATH, HOME: homeDir };
  const said = run(repo, aloneEnv, [process.execPath, BIN, 'init', '--mode', 'git']);
  expect(`${said.stdout}${said.stderr}`).toContain(`Warning: the hooks will not run node_modules/.bin/aitrail: it was installed from a source the project's ${lock} names`);
  const alone = commit(repo, aloneEnv, 'openai/gpt-5');
  expect(alone.status).not.toBe(0);
  expect(existsSync(marker)).toBe(false);
}

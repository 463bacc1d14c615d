import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { hooked } from './agent-home.js';
import { aitrail, BIN } from './cli.js';
import { TEST_GIT_ENV, tempDir, type TestRepo } from './gitdir.js';
import { copiedRepo } from './hooked-repo.js';
import { cachedInstall, sharedPnpmStore, testRoot, toolVersion } from './install-cache.js';

/**
 * The folder pnpm is in, found on the full PATH: .ci/run installs it with `npm install -g`, into npm's
 * global prefix, which is /usr/bin only where node is /usr/bin/node.
 */
const PNPM_DIR = spawnSync('sh', ['-c', 'command -v pnpm'], { encoding: 'utf8' }).stdout.trim().replace(/\/[^/]*$/, '');

/** The hooks' PATH in the real-pnpm tests: pnpm's folder, node's and the system's, nothing else (no aitrail on it). */
export const PNPM_PATH = [...new Set([PNPM_DIR, dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].filter(Boolean))].join(':');

/** Whether a real pnpm runs here. */
export const pnpmFound = PNPM_DIR !== '' && toolVersion('pnpm', { ...process.env, PATH: PNPM_PATH }).status === 0;

/**
 * Whether the real-pnpm tests are skipped: only where pnpm is missing outside CI (CI installs it, .ci/run:
 * there a missing pnpm fails them instead of skipping them all without a word).
 */
export function skipWithoutPnpm(what: string): boolean {
  if (!pnpmFound) console.warn(`!!! pnpm not found${process.env.CI ? ' (CI: the tests below run and fail)' : `: the real-pnpm tests of ${what} are skipped`}`);
  return !pnpmFound && !process.env.CI;
}

const CODE_CACHE = fileURLToPath(new URL('./code-cache.cjs', import.meta.url));

/**
 * `env` for a pnpm process of the tests that runs none of the repository's code (an install with --ignore-scripts):
 * V8's compiled pnpm kept for the run (test/helpers/code-cache.cjs, in the run's cache; ~0.18 s of CPU a pnpm
 * process). Without the run's cache (AITRAIL_TEST_INSTALLS=real): `env` as it is.
 */
export function pnpmEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const cache = process.env.TEST_INSTALL_CACHE;
  if (cache === undefined || !existsSync(cache)) return env;
  return { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} --require "${CODE_CACHE}"`.trim(), TEST_CODE_CACHE: join(cache, 'v8-code') };
}

/**
 * `pnpm install --ignore-scripts --offline` in `dir` (the careful person's install: none of the repository's scripts
 * run), `path` its PATH. Once per run and inputs (test/helpers/install-cache.ts), the run's one store (sharedPnpmStore):
 * the same install again, in another test's folder, is a copy of what pnpm wrote (~0.5 s of pnpm's CPU an install);
 * its compiled code kept (pnpmEnv).
 */
export function pnpmInstall(dir: string, frozen = false, path = PNPM_PATH): void {
  const result = cachedInstall({
    command: 'pnpm',
    args: ['install', '--ignore-scripts', '--offline', ...(frozen ? ['--frozen-lockfile'] : [])],
    cwd: dir,
    env: pnpmEnv({ ...process.env, PATH: path, npm_config_store_dir: sharedPnpmStore(() => tempDir('aitrail-pnpm-store-')), npm_config_update_notifier: 'false', CI: '' }),
    root: testRoot(dir),
  });
  expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
}

/** An agent's commit through the hooks (AITRAIL_MODEL names the model), PATH as PNPM_PATH. */
export function pnpmRepoCommit(repo: TestRepo, model: string): SpawnSyncReturns<string> {
  repo.write('a.txt', `${Math.random()}\n`);
  repo.git(['add', 'a.txt']);
  return spawnSync('git', ['commit', '-q', '-m', 'AI change'], { cwd: repo.dir, env: { ...TEST_GIT_ENV, PATH: PNPM_PATH, AITRAIL_MODEL: model }, encoding: 'utf8' });
}

/** `aitrail init --mode git` in the repository, PATH as PNPM_PATH (by the worker's CLI server, test/helpers/cli.ts): its exit code and all it said. */
export function pnpmRepoInit(repo: TestRepo): { code: number | null; said: string } {
  const result = aitrail(repo.dir, ['init', '--mode', 'git'], { env: { ...TEST_GIT_ENV, PATH: PNPM_PATH } });
  return { code: result.code, said: `${result.stdout}${result.stderr}` };
}

/**
 * An agent's commit is refused because node_modules/.bin/aitrail comes from the repository, no commit
 * lands and the repository's script (which writes `marker`) never runs; init warns the hooks will find no
 * aitrail. Twice: the second commit's hooks may read the note that git tracks nothing under node_modules.
 */
export function expectRepositoryAitrailRefused(repo: TestRepo, marker: string): void {
  const head = repo.git(['rev-parse', 'HEAD']);
  for (let i = 0; i < 2; i++) {
    const result = pnpmRepoCommit(repo, 'qwen/qwen3-coder');
    expect(result.status).not.toBe(0);
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
    expect(result.stderr).toMatch(/aitrail: commit blocked: node_modules\/\.bin\/aitrail comes from the repository/);
    expect(existsSync(marker)).toBe(false);
  }
  expect(pnpmRepoInit(repo).said).toMatch(/the hooks will not find the aitrail binary/);
  expect(existsSync(marker)).toBe(false);
}

/** Whether npm runs here (the real-npm tests skip without it). */
export const npmFound = toolVersion('npm').status === 0;

/**
 * `npm install --ignore-scripts --offline` in `dir` (the careful person's install). Once per run and inputs
 * (test/helpers/install-cache.ts): the same install again, in another test's folder, is a copy of what npm wrote.
 */
export function npmInstall(dir: string): void {
  const result = cachedInstall({
    command: 'npm',
    args: ['install', '--ignore-scripts', '--offline', '--no-audit', '--no-fund'],
    cwd: dir,
    env: { ...process.env, npm_config_update_notifier: 'false' },
    root: testRoot(dir),
  });
  expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
}

let honestTarball: string | undefined;
/**
 * The tarball `npm pack` made of the honest package, once per run: every honest package is the same two files,
 * and npm packs them to the same bytes (fixed times, sorted entries); ~0.3-0.5 s of npm's CPU per pack, one per
 * test file that packs it before (~13 a run). In the run's cache (test/helpers/install-cache.ts, its key the
 * package's files and npm), else in a folder of the worker's own, removed when the worker exits.
 */
function packedHonest(folder: string): string {
  if (honestTarball !== undefined && existsSync(honestTarball)) return honestTarball;
  const dest = mkdtempSync(join(tmpdir(), 'aitrail-honest-pack-'));
  process.once('exit', () => rmSync(dest, { recursive: true, force: true }));
  mkdirSync(join(dest, 'aitrail'));
  cpSync(folder, join(dest, 'aitrail'), { recursive: true });
  const packed = cachedInstall({ command: 'npm', args: ['pack', '--silent', '--pack-destination', dest], cwd: join(dest, 'aitrail'), env: process.env, root: dest });
  expect(packed.status, packed.stderr).toBe(0);
  honestTarball = join(dest, 'aitrail-1.0.0.tgz');
  return honestTarball;
}

/** A package named aitrail in `root` (outside any repository) whose bin runs the real aitrail; its tarball packed beside it when `pack` (by npm, once per worker: packedHonest). */
export function honestAitrail(root: string, pack = true): { folder: string; tarball: string } {
  const folder = join(root, 'aitrail');
  mkdirSync(join(folder, 'bin'), { recursive: true });
  writeFileSync(join(folder, 'package.json'), '{"name":"aitrail","version":"1.0.0","bin":{"aitrail":"bin/aitrail.js"}}\n');
  writeFileSync(join(folder, 'bin', 'aitrail.js'), `#!/usr/bin/env node\nrequire(${JSON.stringify(BIN)});\n`, { mode: 0o755 });
  if (pack) copyFileSync(packedHonest(folder), join(root, 'aitrail-1.0.0.tgz'));
  return { folder, tarball: join(root, 'aitrail-1.0.0.tgz') };
}

let honestRoot: string | undefined;
/**
 * The honest package's tarball (honestAitrail), one per test file (a file's temporary folders go when it ends):
 * the same path in every repository of the file that depends on it, so that their installs are the same.
 */
export function honestTarballOfFile(): string {
  if (honestRoot === undefined || !existsSync(honestRoot)) honestRoot = tempDir('aitrail-honest-');
  const tarball = join(honestRoot, 'aitrail-1.0.0.tgz');
  return existsSync(tarball) ? tarball : honestAitrail(honestRoot).tarball;
}

/**
 * `hooked(config, files(tarball))` (the honest tarball, honestTarballOfFile) with `npmInstall` run in `installIn`:
 * built once per test file and content, and copied (copiedRepo: work tree, .git and node_modules as npm left
 * them, its links as npm wrote them, relative), for the tests where the repository's install is set-up, not
 * what they test. npm's records name the tarball by a path relative to the project (`../aitrail-honest-…`),
 * which a copy in the same temporary folder resolves to the same file. ~0.5 s of npm's CPU and an init saved per copy.
 */
export function hookedInstalled(config: string, files: (tarball: string) => Record<string, string>, installIn = ''): TestRepo {
  const all = files(honestTarballOfFile());
  return copiedRepo(`npm-installed ${JSON.stringify([config, all, installIn])}`, () => {
    const repo = hooked(config, all);
    npmInstall(join(repo.dir, installIn));
    return repo;
  });
}

/** An agent's commit of a denied model is refused by the policy (aitrail ran), an allowed one recorded; init names the binary. */
export function expectHonestRun(repo: TestRepo): void {
  expect(pnpmRepoInit(repo).said).not.toMatch(/will not find the aitrail binary/);
  const denied = pnpmRepoCommit(repo, 'qwen/qwen3-coder');
  expect(denied.status).not.toBe(0);
  expect(denied.stderr).not.toMatch(/comes from the repository/);
  const allowed = pnpmRepoCommit(repo, 'openai/gpt-5');
  expect(allowed.status, allowed.stderr).toBe(0);
  expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('unknown:openai/gpt-5');
}

/** A real HTTP registry on 127.0.0.1 serving any name as version 9.9.9 of a package whose bin writes `marker` and exits 0. */
export async function evilRegistry(): Promise<{ url: string; marker: string; stop: () => void }> {
  const root = tempDir('aitrail-reg-');
  const marker = join(root, 'ran');
  mkdirSync(join(root, 'package', 'bin'), { recursive: true });
  writeFileSync(join(root, 'package', 'package.json'), '{"name":"aitrail","version":"9.9.9","bin":{"aitrail":"bin/aitrail.js"}}\n');
  writeFileSync(join(root, 'package', 'bin', 'aitrail.js'), `#!/bin/sh\necho ran >> '${marker}'\nexit 0\n`, { mode: 0o755 });
  expect(spawnSync('tar', ['-C', root, '-czf', join(root, 'aitrail-9.9.9.tgz'), 'package']).status).toBe(0);
  const code = `const http=require('http'),fs=require('fs'),crypto=require('crypto');
const tgz=fs.readFileSync(${JSON.stringify(join(root, 'aitrail-9.9.9.tgz'))});
const integrity='sha512-'+crypto.createHash('sha512').update(tgz).digest('base64');
const s=http.createServer((q,r)=>{if(q.url.endsWith('.tgz')){r.end(tgz);return;}
const name=decodeURIComponent(q.url.slice(1));
r.setHeader('content-type','application/json');
r.end(JSON.stringify({name,'dist-tags':{latest:'9.9.9'},versions:{'9.9.9':{name,version:'9.9.9',bin:{aitrail:'bin/aitrail.js'},dist:{tarball:'http://127.0.0.1:'+s.address().port+'/'+name+'/-/'+name+'-9.9.9.tgz',integrity}}}}));});
s.listen(0,'127.0.0.1',()=>console.log(s.address().port));`;
  const server = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((done) => server.stdout!.once('data', (chunk: Buffer) => done(Number(String(chunk).trim()))));
  return { url: `http://127.0.0.1:${port}/`, marker, stop: () => server.kill() };
}

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheFileFor, WIDENING_RUNS } from '../../src/cli/bundle-loader.js';
import { makeRepo, TEST_GIT_ENV } from '../helpers/gitdir.js';
import { privateBundle, RUN_BUNDLED_HOOK as runScript } from '../helpers/private-bundle.js';

const BUNDLE = fileURLToPath(new URL('../../dist/bundle/', import.meta.url));
const cleanups: Array<() => void> = [];
afterAll(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const OLD = new Date(1_000_000_000_000);

describe('the code cache of a node started with options (s43a)', () => {
  it('is a file of its own: NODE_OPTIONS=--max-old-space-size (a V8 flag: V8 rejects a cache made without it) neither rejects nor rewrites the usual cache, and back without it the usual cache is read as it was', () => {
    const repo = makeRepo();
    repo.commit('one', { a: '1' });
    const dir = privateBundle(cleanups);
    const env = { ...TEST_GIT_ENV };
    delete env.NODE_OPTIONS;
    const commitMsg = (extra: NodeJS.ProcessEnv) => {
      writeFileSync(join(repo.dir, '.git', 'COMMIT_EDITMSG'), 'Add a feature\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n');
      const run = spawnSync(process.execPath, ['-e', runScript, dir, 'commit-msg', '.git/COMMIT_EDITMSG'], { cwd: repo.dir, env: { ...env, AITRAIL_MODEL: 'anthropic/claude-opus-4.6', ...extra }, encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
    };
    // These runs name their model (AITRAIL_MODEL): their cache is the `.model-named` one (row 1208).
    const plain = join(dir, 'commit-msg.cjs.model-named.cache');
    const withOptions = join(dir, 'commit-msg.cjs.model-named.node-options.cache');
    // Past the first run (the config read from its files) and the widening runs: the usual cache is only read.
    for (let run = 0; run < WIDENING_RUNS + 2; run += 1) commitMsg({});
    expect(existsSync(`${plain}-runs`)).toBe(false);
    utimesSync(plain, OLD, OLD);
    // A run with a V8 flag in NODE_OPTIONS leaves it alone and makes its own.
    commitMsg({ NODE_OPTIONS: '--max-old-space-size=512' });
    expect(statSync(plain).mtimeMs).toBe(OLD.getTime());
    expect(existsSync(withOptions)).toBe(true);
    // Back without: V8 accepts the usual cache (a rejected one is written again).
    commitMsg({});
    expect(statSync(plain).mtimeMs).toBe(OLD.getTime());
    // The folder holds the two files whatever the options.
    commitMsg({ NODE_OPTIONS: '--max-old-space-size=600' });
    expect(readdirSync(dir).filter((name) => name.startsWith('commit-msg.') && name.endsWith('.cache')).sort()).toEqual(['commit-msg.cjs.model-named.cache', 'commit-msg.cjs.model-named.node-options.cache']);
  });

  it('bin compiles the loader with a cache of its own for such a node too (loader.cjs.node-options.cache)', () => {
    // A package copy as npm installs it (bin/ beside dist/bundle/).
    mkdirSync(fileURLToPath(new URL('../../.test-bundles/', import.meta.url)), { recursive: true });
    const root = mkdtempSync(fileURLToPath(new URL('../../.test-bundles/package-', import.meta.url)));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    mkdirSync(join(root, 'bin'));
    for (const name of ['aitrail.js', 'package.json']) copyFileSync(fileURLToPath(new URL(`../../bin/${name}`, import.meta.url)), join(root, 'bin', name));
    copyFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), join(root, 'package.json'));
    const dir = join(root, 'dist', 'bundle');
    mkdirSync(dir, { recursive: true });
    for (const name of readdirSync(BUNDLE).filter((file) => file.endsWith('.cjs'))) copyFileSync(`${BUNDLE}${name}`, join(dir, name));
    const repo = makeRepo();
    const env = { ...TEST_GIT_ENV };
    delete env.NODE_OPTIONS;
    const run = (extra: NodeJS.ProcessEnv) => spawnSync(process.execPath, [join(root, 'bin', 'aitrail.js'), 'hook', 'post-commit'], { cwd: repo.dir, env: { ...env, ...extra }, encoding: 'utf8' });
    const plain = join(dir, 'loader.cjs.cache');
    expect(run({})).toMatchObject({ status: 0, stderr: '' });
    utimesSync(plain, OLD, OLD);
    expect(run({ NODE_OPTIONS: '--max-old-space-size=512' })).toMatchObject({ status: 0, stderr: '' });
    expect(statSync(plain).mtimeMs).toBe(OLD.getTime());
    expect(existsSync(join(dir, 'loader.cjs.node-options.cache'))).toBe(true);
    expect(run({})).toMatchObject({ status: 0, stderr: '' });
    expect(statSync(plain).mtimeMs).toBe(OLD.getTime());
  });

  it('names the file from NODE_OPTIONS, none for a plain start', () => {
    expect(cacheFileFor('/b/commit-msg.cjs', {})).toBe('/b/commit-msg.cjs.cache');
    expect(cacheFileFor('/b/commit-msg.cjs', { NODE_OPTIONS: ' ' })).toBe('/b/commit-msg.cjs.cache');
    expect(cacheFileFor('/b/commit-msg.cjs', { NODE_OPTIONS: '--max-old-space-size=8192' })).toBe('/b/commit-msg.cjs.node-options.cache');
    expect(cacheFileFor('/b/cli.log', { NODE_OPTIONS: '--max-old-space-size=600' })).toBe('/b/cli.log.node-options.cache');
  });
});

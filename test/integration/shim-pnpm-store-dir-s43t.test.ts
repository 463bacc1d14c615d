import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { TEST_GIT_ENV, tempDir, type TestRepo } from '../helpers/gitdir.js';
import { vendoredAitrailRepo } from '../helpers/shim-fast-path.js';

const PATH = '/usr/local/bin:/usr/bin:/bin';
const pnpm = spawnSync('pnpm', ['--version'], { env: { ...process.env, PATH }, encoding: 'utf8' }).status === 0;

function pnpmInstall(dir: string): void {
  const store = tempDir('aitrail-pnpm-store-');
  const result = spawnSync('pnpm', ['install', '--ignore-scripts', '--offline'], {
    cwd: dir,
    env: { ...process.env, PATH, npm_config_store_dir: store, npm_config_update_notifier: 'false', CI: '' },
    encoding: 'utf8',
  });
  expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
}

function commit(repo: TestRepo, model: string): ReturnType<typeof spawnSync> {
  repo.write('a.txt', `${Math.random()}\n`);
  repo.git(['add', 'a.txt']);
  return spawnSync('git', ['commit', '-q', '-m', 'AI change'], { cwd: repo.dir, env: { ...TEST_GIT_ENV, PATH, AITRAIL_MODEL: model }, encoding: 'utf8' });
}

function init(repo: TestRepo): string {
  const result = spawnSync(process.execPath, [BIN, 'init', '--mode', 'git'], { cwd: repo.dir, env: { ...TEST_GIT_ENV, PATH }, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return `${result.stdout}${result.stderr}`;
}

function refused(repo: TestRepo, marker: string): void {
  for (let i = 0; i < 2; i++) {
    const result = commit(repo, 'qwen/qwen3-coder');
    expect(existsSync(marker), `${result.stderr}`).toBe(false);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/aitrail: commit blocked: node_modules\/\.bin\/aitrail comes from the repository/);
  }
  expect(init(repo)).toMatch(/the hooks will not find the aitrail binary/);
  expect(existsSync(marker)).toBe(false);
}

function storeDir(prefix: string, value: string): { repo: TestRepo; marker: string } {
  const { repo, marker } = vendoredAitrailRepo(prefix);
  repo.write('.npmrc', `virtual-store-dir=${value}\n`);
  repo.git(['add', '.']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'store dir']);
  pnpmInstall(repo.dir);
  return { repo, marker };
}

describe.skipIf(!pnpm)('a committed .npmrc\'s virtual-store-dir, a `file:` dependency on a folder the repository commits (real pnpm)', () => {
  for (const value of ['sub/node_modules/vs', 'node_modules/vs', 'node_modules/.pnpm/../vs2', 'a/b/node_modules/c/vs']) {
    it(`virtual-store-dir=${value}: refused`, () => {
      const { repo, marker } = storeDir('aitrail-pnpm-vsd-', value);
      refused(repo, marker);
    });
  }
});

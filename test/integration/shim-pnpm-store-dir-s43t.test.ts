import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail, BIN } from '../helpers/cli.js';
import { makeRepo, TEST_GIT_ENV, tempDir, type TestRepo } from '../helpers/gitdir.js';
import { toolVersion } from '../helpers/install-cache.js';
import { pnpmInstall } from '../helpers/pnpm.js';
import { vendoredAitrailRepo } from '../helpers/shim-fast-path.js';

const PATH = '/usr/local/bin:/usr/bin:/bin';
const pnpm = toolVersion('pnpm', { ...process.env, PATH }).status === 0;

function commit(repo: TestRepo, model: string): ReturnType<typeof spawnSync> {
  repo.write('a.txt', `${Math.random()}\n`);
  repo.git(['add', 'a.txt']);
  return spawnSync('git', ['commit', '-q', '-m', 'AI change'], { cwd: repo.dir, env: { ...TEST_GIT_ENV, PATH, AITRAIL_MODEL: model }, encoding: 'utf8' });
}

function init(repo: TestRepo): string {
  const result = aitrail(repo.dir, ['init', '--mode', 'git'], { env: { PATH } });
  expect(result.code, result.stderr).toBe(0);
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
  pnpmInstall(repo.dir, false, PATH);
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

describe.skipIf(!pnpm)('a nested project\'s own pnpm store (Rush\'s common/temp), its .bin on PATH (real pnpm)', () => {
  function nested(dependency: (root: string) => string) {
    const root = tempDir('aitrail-pnpm-nested-');
    const pkg = join(root, 'aitrail');
    mkdirSync(join(pkg, 'bin'), { recursive: true });
    writeFileSync(join(pkg, 'package.json'), '{"name":"aitrail","version":"1.0.0","bin":{"aitrail":"bin/aitrail.js"}}\n');
    writeFileSync(join(pkg, 'bin', 'aitrail.js'), `#!/usr/bin/env node\nrequire(${JSON.stringify(BIN)});\n`, { mode: 0o755 });
    const repo = makeRepo({ dir: join(root, 'repo') });
    const marker = join(root, 'pwned');
    repo.commit('start\n', {
      '.gitignore': 'node_modules\n',
      'a.txt': 'a\n',
      '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n',
      'vendor/aitrail/package.json': '{"name":"aitrail","version":"9.9.9","bin":{"aitrail":"bin/aitrail"}}\n',
      'vendor/aitrail/bin/aitrail': `#!/bin/sh\ntouch '${marker}'\nexit 0\n`,
      'common/temp/package.json': `{"name":"rush-common","version":"1.0.0","devDependencies":{"aitrail":${JSON.stringify(dependency(root))}}}\n`,
    });
    chmodSync(join(repo.dir, 'vendor', 'aitrail', 'bin', 'aitrail'), 0o755);
    pnpmInstall(join(repo.dir, 'common', 'temp'), false, PATH);
    expect(existsSync(join(repo.dir, 'common', 'temp', 'node_modules', '.pnpm', 'lock.yaml'))).toBe(true);
    const bin = join(repo.dir, 'common', 'temp', 'node_modules', '.bin');
    const init = aitrail(repo.dir, ['init', '--mode', 'git'], { env: { PATH: `${bin}:${PATH}` } });
    expect(init.code, init.stderr).toBe(0);
    const agent = (model: string) => {
      repo.write('a.txt', `${Math.random()}\n`);
      repo.git(['add', 'a.txt']);
      return spawnSync('git', ['commit', '-q', '-m', 'AI change'], { cwd: repo.dir, env: { ...TEST_GIT_ENV, PATH: `${bin}:${PATH}`, AITRAIL_MODEL: model }, encoding: 'utf8' });
    };
    return { repo, marker, agent };
  }

  it('installed from a folder outside the repository: runs, judged and recorded (no false refusal)', () => {
    const { repo, agent } = nested((root) => `file:${join(root, 'aitrail')}`);
    const denied = agent('qwen/qwen3-coder');
    expect(denied.status).not.toBe(0);
    expect(denied.stderr).not.toMatch(/comes from the repository/);
    const allowed = agent('openai/gpt-5');
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('unknown:openai/gpt-5');
  });

  it('installed from a folder the repository commits (`file:../../vendor/aitrail`): refused, never run', () => {
    const { marker, agent } = nested(() => 'file:../../vendor/aitrail');
    const result = agent('qwen/qwen3-coder');
    expect(existsSync(marker), result.stderr).toBe(false);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/comes from the repository/);
  });
});

describe('aitrail.packageDir\'s own node_modules beside a committed top-level lock.yaml (real npm)', () => {
  it('an npm install copied into web/node_modules (install-links), a lock.yaml at the top: runs, judged and recorded', () => {
    const root = tempDir('aitrail-packagedir-lock-');
    const pkg = join(root, 'aitrail');
    mkdirSync(join(pkg, 'bin'), { recursive: true });
    writeFileSync(join(pkg, 'package.json'), '{"name":"aitrail","version":"1.0.0","bin":{"aitrail":"bin/aitrail.js"}}\n');
    writeFileSync(join(pkg, 'bin', 'aitrail.js'), `#!/usr/bin/env node\nrequire(${JSON.stringify(BIN)});\n`, { mode: 0o755 });
    const repo = makeRepo({ dir: join(root, 'repo') });
    repo.commit('start\n', {
      '.gitignore': 'node_modules\n',
      'a.txt': 'a\n',
      'lock.yaml': 'some-tool: 1\n',
      '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n',
      'web/package.json': `{"name":"web","version":"1.0.0","devDependencies":{"aitrail":"file:${pkg}"}}\n`,
    });
    const npm = spawnSync('npm', ['install', '--ignore-scripts', '--offline', '--no-audit', '--no-fund', '--install-links'], { cwd: join(repo.dir, 'web'), env: { ...process.env, npm_config_update_notifier: 'false' }, encoding: 'utf8' });
    expect(npm.status, `${npm.stdout}${npm.stderr}`).toBe(0);
    repo.git(['config', 'aitrail.packageDir', 'web']);
    const init = aitrail(repo.dir, ['init', '--mode', 'git'], { env: { PATH } });
    expect(init.code, init.stderr).toBe(0);
    expect(`${init.stdout}${init.stderr}`).not.toMatch(/will not find the aitrail binary/);
    repo.write('a.txt', 'b\n');
    repo.git(['add', 'a.txt']);
    const result = spawnSync('git', ['commit', '-q', '-m', 'AI change'], { cwd: repo.dir, env: { ...TEST_GIT_ENV, PATH, AITRAIL_MODEL: 'openai/gpt-5' }, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/comes from the repository/);
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('unknown:openai/gpt-5');
  });
});

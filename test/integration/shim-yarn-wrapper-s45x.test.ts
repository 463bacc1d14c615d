import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { makeRepo, TEST_GIT_ENV, tempDir, type TestRepo } from '../helpers/gitdir.js';
import { PNPM_PATH } from '../helpers/pnpm.js';

/**
 * yarn 2+'s `yarn run`/`yarn exec` (PnP) puts a folder of its own (`/tmp/xfs-*`) first on PATH, one wrapper per
 * bin of the project's packages, written by its makePathWrapper as `#!/bin/sh` then
 * `exec "<node>" '<script>' "$@"`; a `portal:vendor/aitrail` package's script lies in the work tree, the
 * wrapper outside it, and the shims trusted it: the repository's script ran as aitrail. The wrapper's target
 * in the work tree is the repository's (src/install/shim-source.ts aitrail_yw, yarnWrapperIntoTree in
 * src/install/binary-reachable.ts). The wrapper is built here exactly as yarn 4.18.1 writes it (no yarn 4 on
 * CI); the same replayed by hand with the real `yarn run commit`.
 */

/** A yarn wrapper named aitrail in a new folder outside the repository, exec'ing `script` under this node. */
function yarnWrapper(script: string, quoted = `'${script.replace(/'/g, `'"'"'`)}'`): string {
  const dir = tempDir('xfs-');
  writeFileSync(join(dir, 'aitrail'), `#!/bin/sh\nexec "${process.execPath}" ${quoted} "$@"\n`, { mode: 0o755 });
  return dir;
}

/** The person's own aitrail, outside every repository (a global install), in a folder of its own. */
function globalAitrail(): string {
  const dir = tempDir('aitrail-global-');
  symlinkSync(BIN, join(dir, 'aitrail'));
  return dir;
}

/** The repository: a committed vendor/aitrail whose bin writes `marker` and exits 0 (`aitrail` = true), init'ed. */
function portalRepo(marker: string): TestRepo {
  const repo = makeRepo({ dir: join(tempDir('aitrail-yarn-portal-'), 'repo') });
  repo.commit('chore: start\n', {
    '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n',
    '.yarnrc.yml': 'nodeLinker: pnp\n',
    'package.json': '{"name":"app","version":"1.0.0","scripts":{"commit":"git commit"},"devDependencies":{"aitrail":"portal:vendor/aitrail"}}\n',
    'vendor/aitrail/package.json': '{"name":"aitrail","version":"9.9.9","bin":{"aitrail":"bin/aitrail.js"}}\n',
    'vendor/aitrail/bin/aitrail.js': `#!/usr/bin/env node\nrequire('fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\n`,
  });
  return repo;
}

function init(repo: TestRepo, path: string): string {
  const result = spawnSync(process.execPath, [BIN, 'init', '--mode', 'git'], { cwd: repo.dir, env: { ...TEST_GIT_ENV, PATH: path }, encoding: 'utf8' });
  return `${result.stdout}${result.stderr}`;
}

function commit(repo: TestRepo, path: string, model: string) {
  repo.write('a.txt', `${Math.random()}\n`);
  repo.git(['add', 'a.txt']);
  return spawnSync('git', ['commit', '-q', '-m', 'AI change'], { cwd: repo.dir, env: { ...TEST_GIT_ENV, PATH: path, AITRAIL_MODEL: model }, encoding: 'utf8' });
}

/**
 * With no other aitrail on PATH the wrapper is refused (said as yarn's, row 804); with the person's own after it
 * (a global install), that one runs and judges (the commit of a denied model refused by the policy): the
 * repository's script never runs either way.
 */
function expectRefused(repo: TestRepo, wrapper: string, marker: string): void {
  const head = repo.git(['rev-parse', 'HEAD']);
  const alone = `${wrapper}:${PNPM_PATH}`;
  for (let i = 0; i < 2; i++) {
    const result = commit(repo, alone, 'qwen/qwen3-coder');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/commit blocked: \/.*\/aitrail is yarn's wrapper/);
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
  }
  expect(init(repo, alone)).toMatch(/the hooks will not find/);
  const global = globalAitrail();
  const path = `${wrapper}:${global}:${PNPM_PATH}`;
  const denied = commit(repo, path, 'qwen/qwen3-coder');
  expect(denied.status).not.toBe(0);
  expect(denied.stderr).toContain('model-denied');
  expect(denied.stderr).not.toMatch(/yarn's wrapper|comes from the repository/);
  expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
  expect(init(repo, path)).toContain(`The hooks run ${join(global, 'aitrail')}.`);
  expect(existsSync(marker)).toBe(false);
}

describe('yarn berry PnP: its PATH wrapper for a portal: package in the work tree', () => {
  it('portal:vendor/aitrail, the wrapper first on PATH: refused, never run; the person\'s aitrail after it runs instead', () => {
    const marker = join(tempDir('aitrail-yarn-mark-'), 'ran');
    const repo = portalRepo(marker);
    init(repo, `${globalAitrail()}:${PNPM_PATH}`);
    expectRefused(repo, yarnWrapper(join(repo.dir, 'vendor', 'aitrail', 'bin', 'aitrail.js')), marker);
  });

  it('the work tree spelled through a link, a quote yarn escaped, a line not ended as yarn ends it: refused', () => {
    const marker = join(tempDir('aitrail-yarn-mark-'), 'ran');
    const repo = portalRepo(marker);
    init(repo, `${globalAitrail()}:${PNPM_PATH}`);
    const alias = join(tempDir('aitrail-yarn-alias-'), 'top');
    symlinkSync(repo.dir, alias);
    const script = join(repo.dir, 'vendor', 'aitrail', 'bin', 'aitrail.js');
    for (const wrapper of [
      yarnWrapper(join(alias, 'vendor', 'aitrail', 'bin', 'aitrail.js')),
      yarnWrapper(script, `'${script}'"'"''`),
      yarnWrapper(script, `'${script}`),
    ]) {
      expectRefused(repo, wrapper, marker);
    }
  });

  it('a copy yarn unplugged outside the work tree (pnpUnpluggedFolder: ../unplugged) of a file: package: refused, never run', () => {
    const marker = join(tempDir('aitrail-yarn-mark-'), 'ran');
    const repo = portalRepo(marker);
    init(repo, `${globalAitrail()}:${PNPM_PATH}`);
    const unplugged = tempDir('aitrail-yarn-unplugged-');
    for (const slug of ['aitrail-file-ee5197427b/node_modules/aitrail', 'aitrail-patch-0123456789/node_modules/aitrail', 'evil-npm-1.0.0-file-0123456789/node_modules/evil-npm-1.0.0', '@s-aitrail-file-0123456789/node_modules/@s/aitrail']) {
      const script = join(unplugged, slug, 'bin', 'aitrail.js');
      mkdirSync(dirname(script), { recursive: true });
      writeFileSync(script, `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\n`);
      expectRefused(repo, yarnWrapper(script), marker);
    }
  });

  it('honest: a registry copy yarn unplugged outside (<name>-npm-<version>-<hash>): runs, recorded', () => {
    const repo = portalRepo(join(tempDir('aitrail-yarn-mark-'), 'ran'));
    const unplugged = tempDir('aitrail-yarn-unplugged-');
    for (const slug of ['aitrail-npm-1.0.0-0123456789/node_modules/aitrail', '@s-aitrail-npm-2.0.0-rc.1-abcdef0123/node_modules/@s/aitrail']) {
      const script = join(unplugged, slug, 'bin', 'aitrail.js');
      mkdirSync(dirname(script), { recursive: true });
      writeFileSync(script, `require(${JSON.stringify(BIN)});\n`);
      const path = `${yarnWrapper(script)}:${PNPM_PATH}`;
      expect(init(repo, path)).not.toMatch(/will not find the aitrail binary/);
      const allowed = commit(repo, path, 'openai/gpt-5');
      expect(allowed.status, allowed.stderr).toBe(0);
      expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('unknown:openai/gpt-5');
    }
  });

  it('honest: a portal to the person\'s own aitrail outside the work tree: runs, judged and recorded; no wrapper: the global runs', () => {
    const repo = portalRepo(join(tempDir('aitrail-yarn-mark-'), 'ran'));
    for (const path of [`${yarnWrapper(BIN)}:${PNPM_PATH}`, `${globalAitrail()}:${PNPM_PATH}`]) {
      expect(init(repo, path)).not.toMatch(/will not find the aitrail binary/);
      const denied = commit(repo, path, 'qwen/qwen3-coder');
      expect(denied.status).not.toBe(0);
      expect(denied.stderr).not.toMatch(/comes from the repository/);
      const allowed = commit(repo, path, 'openai/gpt-5');
      expect(allowed.status, allowed.stderr).toBe(0);
      expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('unknown:openai/gpt-5');
    }
  });
});

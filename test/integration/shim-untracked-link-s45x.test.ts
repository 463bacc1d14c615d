import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';
import { expectHonestRun, expectRepositoryAitrailRefused, honestAitrail, npmFound, npmInstall, pnpmRepoInit } from '../helpers/pnpm.js';
import { tarPackage } from '../helpers/shim-fast-path.js';

/**
 * A committed `file:vendor/fake` package whose bin `aitrail` is `run.sh`, a committed link INTO an untracked
 * part of the work tree: node_modules (a package npm unpacked from a tarball outside, `truthy`), or a
 * gitignored folder. The real path lies in the work tree, untracked, under node_modules or not: judged by
 * it alone, the repository's script ran as aitrail. A link git tracks on the way makes it the repository's
 * (src/install/shim-source.ts aitrail_lk, src/install/tracked-link.ts). Real npm, real git, `init --mode git`.
 */

/** A package `truthy` packed outside the repository: its run.sh writes `marker` and exits 0 (aitrail = true). */
function truthyTarball(marker: string): string {
  const root = tempDir('aitrail-truthy-');
  const folder = join(root, 'truthy');
  mkdirSync(folder);
  writeFileSync(join(folder, 'package.json'), '{"name":"truthy","version":"1.0.0"}\n');
  writeFileSync(join(folder, 'run.sh'), `#!/bin/sh\n: >${JSON.stringify(marker)}\nexit 0\n`, { mode: 0o755 });
  return tarPackage(folder, join(root, 'truthy-1.0.0.tgz'));
}

/** The repository: vendor/fake's bin `aitrail` is run.sh, a committed link to `target` (relative to vendor/fake). */
function linkedRepo(target: string, deps: Record<string, string>, ignore = '', before: (dir: string) => void = () => {}): TestRepo {
  const repo = makeRepo({ dir: join(tempDir('aitrail-untracked-link-'), 'repo') });
  const fake = join(repo.dir, 'vendor', 'fake');
  mkdirSync(fake, { recursive: true });
  writeFileSync(join(fake, 'package.json'), '{"name":"fake","version":"1.0.0","bin":{"aitrail":"run.sh"}}\n');
  symlinkSync(target, join(fake, 'run.sh'));
  const all = JSON.stringify({ fake: 'file:vendor/fake', ...deps });
  repo.commit('chore: start\n', { '.gitignore': `node_modules\n${ignore}`, '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n', 'package.json': `{"name":"app","version":"1.0.0","devDependencies":${all}}\n` });
  expect(repo.git(['ls-files', '-s', 'vendor/fake/run.sh'])).toMatch(/^120000 /);
  before(repo.dir);
  npmInstall(repo.dir);
  expect(existsSync(join(repo.dir, 'node_modules', '.bin', 'aitrail'))).toBe(true);
  pnpmRepoInit(repo);
  return repo;
}

describe.skipIf(!npmFound)('a committed link into an untracked part of the work tree as node_modules/.bin/aitrail (real npm)', () => {
  it('run.sh -> ../../node_modules/truthy/run.sh (truthy from a tarball outside): refused, never run, init says so', () => {
    const marker = join(tempDir('aitrail-truthy-mark-'), 'ran');
    const repo = linkedRepo('../../node_modules/truthy/run.sh', { truthy: `file:${truthyTarball(marker)}` });
    expect(existsSync(join(repo.dir, 'node_modules', 'truthy', 'run.sh'))).toBe(true);
    expectRepositoryAitrailRefused(repo, marker);
    expect(repo.git(['log', '-1', '--format=%s'])).toBe('chore: start');
  });

  it('run.sh -> ../../build/run.sh, a gitignored folder the agent wrote: refused, never run', () => {
    const marker = join(tempDir('aitrail-build-mark-'), 'ran');
    const repo = linkedRepo('../../build/run.sh', {}, 'build\n', (dir) => {
      mkdirSync(join(dir, 'build'));
      writeFileSync(join(dir, 'build', 'run.sh'), `#!/bin/sh\n: >${JSON.stringify(marker)}\nexit 0\n`, { mode: 0o755 });
    });
    expect(repo.git(['status', '--porcelain', '--ignored', 'build'])).toBe('!! build/');
    expectRepositoryAitrailRefused(repo, marker);
  });

  it('honest: aitrail from a tarball outside (npm unpacks it into node_modules), a committed link elsewhere: runs, recorded', () => {
    const { tarball } = honestAitrail(tempDir('aitrail-untracked-honest-'));
    const repo = makeRepo({ dir: join(tempDir('aitrail-untracked-link-'), 'repo') });
    mkdirSync(join(repo.dir, 'docs'));
    symlinkSync('../README', join(repo.dir, 'docs', 'README'));
    repo.commit('chore: start\n', { README: 'x\n', '.gitignore': 'node_modules\n', '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n', 'package.json': `{"name":"app","version":"1.0.0","devDependencies":{"aitrail":"file:${tarball}"}}\n` });
    npmInstall(repo.dir);
    pnpmRepoInit(repo);
    expectHonestRun(repo);
  });
});

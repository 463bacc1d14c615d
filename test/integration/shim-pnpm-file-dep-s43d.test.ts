import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { makeRepo, TEST_GIT_ENV, tempDir, type TestRepo } from '../helpers/gitdir.js';
import { vendoredAitrailRepo } from '../helpers/shim-fast-path.js';
import { expectRepositoryAitrailRefused, PNPM_PATH, pnpmInstall, pnpmRepoCommit, pnpmRepoInit, skipWithoutPnpm } from '../helpers/pnpm.js';

/**
 * A real pnpm install of a `file:` dependency copies (hard-links, or unpacks a tarball) the package into
 * node_modules/.pnpm/<name>@file+<path>/node_modules/<name> (with `node-linker=hoisted`, into
 * node_modules/<name>): the real path of .bin/aitrail's target lies under node_modules, untracked, so the
 * shims (and init/status) ran a package the repository commits.
 * They now judge where pnpm took it from, as pnpm's own node_modules/.pnpm/lock.yaml records it
 * (src/install/shim-source.ts aitrail_pn, src/install/binary-reachable.ts pnpmFromRepository): a folder or
 * tarball in the work tree is refused, one outside it (`pnpm add -D ../aitrail-1.0.0.tgz`) runs.
 */
/** A package folder `<dir>/<folder>` whose bin runs this build's CLI, as an honest aitrail outside the repository. */
function honestPackage(dir: string, folder: string): string {
  const pkg = join(dir, folder);
  mkdirSync(join(pkg, 'bin'), { recursive: true });
  writeFileSync(join(pkg, 'package.json'), '{"name":"aitrail","version":"1.0.0","bin":{"aitrail":"bin/aitrail.js"}}\n');
  writeFileSync(join(pkg, 'bin', 'aitrail.js'), `#!/usr/bin/env node\nrequire(${JSON.stringify(BIN)});\n`, { mode: 0o755 });
  return pkg;
}

/** A repository (policy: deny qwen/*) beside `outside`, depending on aitrail as `spec`, installed by pnpm, hooks by init: init must not warn. */
function honestRepo(root: string, spec: string): TestRepo {
  const repo = makeRepo({ dir: join(root, 'repo') });
  repo.commit('start\n', {
    '.gitignore': 'node_modules\npnpm-lock.yaml\n',
    'a.txt': 'a\n',
    '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n',
    'package.json': `{"name":"app","version":"1.0.0","devDependencies":{"aitrail":${JSON.stringify(spec)}}}\n`,
  });
  pnpmInstall(repo.dir);
  const init = pnpmRepoInit(repo);
  expect(init.code, init.said).toBe(0);
  expect(init.said).not.toMatch(/will not find the aitrail binary/);
  return repo;
}

function runs(repo: TestRepo): void {
  for (let i = 0; i < 2; i++) {
    const denied = pnpmRepoCommit(repo, 'qwen/qwen3-coder');
    expect(denied.status).not.toBe(0);
    expect(denied.stderr).toMatch(/qwen/);
    expect(denied.stderr).not.toMatch(/comes from the repository/);
    const allowed = pnpmRepoCommit(repo, 'openai/gpt-5');
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(allowed.stderr).not.toMatch(/comes from the repository/);
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('unknown:openai/gpt-5');
  }
}

describe.skipIf(skipWithoutPnpm('641'))('pnpm install of a `file:` dependency (real pnpm)', () => {
  it('on a folder the repository commits (`file:vendor/aitrail`, hard-linked into .pnpm): refused, its script never runs', () => {
    const { repo, marker } = vendoredAitrailRepo('aitrail-pnpm-file-');
    pnpmInstall(repo.dir);
    expect(readdirSync(join(repo.dir, 'node_modules', '.pnpm'))).toContain('aitrail@file+vendor+aitrail');
    expectRepositoryAitrailRefused(repo, marker);
  });

  it('on a tarball the repository commits (`file:vendor/aitrail.tgz`, unpacked into .pnpm): refused', () => {
    const { repo, marker } = vendoredAitrailRepo('aitrail-pnpm-tgz-');
    expect(spawnSync('tar', ['-czf', join(repo.dir, 'vendor', 'aitrail.tgz'), '--transform', 's,^aitrail,package,', '-C', join(repo.dir, 'vendor'), 'aitrail']).status).toBe(0);
    repo.write('package.json', '{"name":"app","version":"1.0.0","devDependencies":{"aitrail":"file:vendor/aitrail.tgz"}}\n');
    repo.git(['add', '.']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'tarball']);
    pnpmInstall(repo.dir);
    expectRepositoryAitrailRefused(repo, marker);
  });

  it('whose committed pnpm-lock.yaml names it `file:../elsewhere` but resolves it to vendor/aitrail (the store folder says "outside"): refused', () => {
    const { repo, marker } = vendoredAitrailRepo('aitrail-pnpm-lie-');
    repo.write('package.json', '{"name":"app","version":"1.0.0","devDependencies":{"aitrail":"file:../elsewhere"}}\n');
    repo.write(
      'pnpm-lock.yaml',
      [
        "lockfileVersion: '9.0'",
        '',
        'settings:',
        '  autoInstallPeers: true',
        '  excludeLinksFromLockfile: false',
        '',
        'importers:',
        '',
        '  .:',
        '    devDependencies:',
        '      aitrail:',
        '        specifier: file:../elsewhere',
        '        version: file:../elsewhere',
        '',
        'packages:',
        '',
        '  aitrail@file:../elsewhere:',
        '    resolution: {directory: vendor/aitrail, type: directory}',
        '    hasBin: true',
        '',
        'snapshots:',
        '',
        '  aitrail@file:../elsewhere: {}',
        '',
      ].join('\n'),
    );
    repo.git(['add', '.']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'lock']);
    pnpmInstall(repo.dir, true);
    expect(readdirSync(join(repo.dir, 'node_modules', '.pnpm'))).toContain('aitrail@file+..+elsewhere');
    expectRepositoryAitrailRefused(repo, marker);
  });

  it('on a committed folder named `..+x` (`file:..+x`, stored as `aitrail@file+..+x`, which also spells `../x`): refused', () => {
    const { repo, marker } = vendoredAitrailRepo('aitrail-pnpm-plus-');
    repo.git(['mv', 'vendor/aitrail', '..+x']);
    repo.write('package.json', '{"name":"app","version":"1.0.0","devDependencies":{"aitrail":"file:..+x"}}\n');
    repo.git(['add', '.']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'rename']);
    pnpmInstall(repo.dir);
    expect(readdirSync(join(repo.dir, 'node_modules', '.pnpm'))).toContain('aitrail@file+..+x');
    expectRepositoryAitrailRefused(repo, marker);
  });

  it('on a folder the repository commits, installed with the committed .npmrc\'s `node-linker=hoisted` (copied into node_modules/aitrail): refused', () => {
    const { repo, marker } = vendoredAitrailRepo('aitrail-pnpm-hoisted-');
    repo.write('.npmrc', 'node-linker=hoisted\n');
    repo.git(['add', '.npmrc']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'npmrc']);
    pnpmInstall(repo.dir);
    expect(existsSync(join(repo.dir, 'node_modules', 'aitrail', 'package.json'))).toBe(true);
    expectRepositoryAitrailRefused(repo, marker);
  });

  it('in a pnpm workspace, a member\'s `file:../vendor/aitrail` (the lock names it relative to the workspace top, the store at the top): refused', () => {
    const { repo, marker } = vendoredAitrailRepo('aitrail-pnpm-workspace-');
    repo.write('package.json', '{"name":"root","private":true}\n');
    repo.write('pnpm-workspace.yaml', 'packages:\n  - web\n');
    repo.write('web/package.json', '{"name":"web","version":"1.0.0","devDependencies":{"aitrail":"file:../vendor/aitrail"}}\n');
    repo.git(['add', '.']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'workspace']);
    repo.git(['config', 'aitrail.packageDir', 'web']);
    pnpmInstall(repo.dir);
    expect(readdirSync(join(repo.dir, 'node_modules', '.pnpm'))).toContain('aitrail@file+vendor+aitrail');
    for (let i = 0; i < 2; i++) {
      const result = spawnSync('git', ['commit', '-q', '--allow-empty', '-m', 'AI change'], { cwd: join(repo.dir, 'web'), env: { ...TEST_GIT_ENV, PATH: PNPM_PATH, AITRAIL_MODEL: 'qwen/qwen3-coder' }, encoding: 'utf8' });
      expect(result.status).not.toBe(0);
      expect(result.stderr).toMatch(/aitrail: commit blocked: web\/node_modules\/\.bin\/aitrail comes from the repository/);
      expect(existsSync(marker)).toBe(false);
    }
  });

  it('on a folder outside the repository (`file:../aitrail`): runs, the agent\'s commit is judged and recorded', () => {
    const root = tempDir('aitrail-pnpm-outside-');
    honestPackage(root, 'aitrail');
    runs(honestRepo(root, 'file:../aitrail'));
  });

  it('on a tarball outside the repository with capitals in its name (`file:../AiTrail-1.0.0.tgz`: a hashed store folder): runs', () => {
    const root = tempDir('aitrail-pnpm-outside-tgz-');
    honestPackage(join(root, 'pack'), 'package');
    expect(spawnSync('tar', ['-czf', join(root, 'AiTrail-1.0.0.tgz'), '-C', join(root, 'pack'), 'package']).status).toBe(0);
    const repo = honestRepo(root, 'file:../AiTrail-1.0.0.tgz');
    expect(readdirSync(join(repo.dir, 'node_modules', '.pnpm')).some((name) => name.startsWith('aitrail@file+..+AiTrail-1.0.0.tgz_'))).toBe(true);
    runs(repo);
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { TEST_GIT_ENV, tempDir, type TestRepo } from '../helpers/gitdir.js';
import { expectHonestRun, expectRepositoryAitrailRefused, honestAitrail, npmFound, npmInstall, PNPM_PATH, pnpmInstall, skipWithoutPnpm } from '../helpers/pnpm.js';
import { packVendored, vendoredAitrailRepo } from '../helpers/shim-fast-path.js';

/**
 * A `file:` dependency the repository commits that the package manager copies (not links) under or beside
 * node_modules, untracked: npm with a committed `.npmrc` saying `install-links=true`, npm's own unpacking of a
 * committed tarball, and pnpm with a committed `virtual-store-dir` outside the work tree. Each is judged by the
 * package manager's own record of where it took the package (src/install/shim-source.ts aitrail_np, aitrail_vo;
 * src/install/binary-reachable.ts): the repository's script never runs, while an install from outside runs.
 */


/** A repository committing vendor/aitrail (its bin at npm's usual bin/aitrail.js, writing the marker), with `files` added and committed. */
function hostile(prefix: string, files: Record<string, string>): { repo: TestRepo; marker: string } {
  const { repo, marker } = vendoredAitrailRepo(prefix, 'bin/aitrail.js');
  for (const [path, text] of Object.entries(files)) repo.write(path, text);
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'install settings']);
  return { repo, marker };
}

describe.skipIf(!npmFound)('npm copies a `file:` package the repository commits into node_modules (real npm)', () => {
  it('a committed .npmrc saying install-links=true: the folder copied into node_modules/aitrail is refused, never run', () => {
    const { repo, marker } = hostile('aitrail-npm-links-', { '.npmrc': 'install-links=true\n', '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' });
    npmInstall(repo.dir);
    expect(existsSync(join(repo.dir, 'node_modules', 'aitrail', 'bin', 'aitrail.js'))).toBe(true);
    expectRepositoryAitrailRefused(repo, marker);
  });

  it('a package.json indented with tabs and ended with CRLF (npm writes its record so): refused', () => {
    const { repo, marker } = hostile('aitrail-npm-tabs-', {
      '.npmrc': 'install-links=true\n',
      'package.json': '{\r\n\t"name": "app",\r\n\t"version": "1.0.0",\r\n\t"devDependencies": {\r\n\t\t"aitrail": "file:vendor/aitrail"\r\n\t}\r\n}\r\n',
    });
    npmInstall(repo.dir);
    expectRepositoryAitrailRefused(repo, marker);
  });

  it('a committed tarball (`file:aitrail.tgz`, npm\'s default settings): refused, never run', () => {
    const { repo, marker } = vendoredAitrailRepo('aitrail-npm-tgz-', 'bin/aitrail.js');
    packVendored(repo.dir);
    repo.write('package.json', '{"name":"app","version":"1.0.0","devDependencies":{"aitrail":"file:aitrail-9.9.9.tgz"}}\n');
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'tarball']);
    npmInstall(repo.dir);
    expectRepositoryAitrailRefused(repo, marker);
  });

  it('install-strategy=linked with install-links=true (a copy in node_modules/.store): refused', () => {
    const { repo, marker } = hostile('aitrail-npm-linked-', { '.npmrc': 'install-strategy=linked\ninstall-links=true\n' });
    npmInstall(repo.dir);
    expectRepositoryAitrailRefused(repo, marker);
  });

  it('a nested project\'s own install (install-links=true in sub/), its .bin first on PATH: refused, never run', () => {
    const { repo, marker } = hostile('aitrail-npm-nested-', {
      'package.json': '{"name":"app","version":"1.0.0"}\n',
      'sub/.npmrc': 'install-links=true\n',
      'sub/package.json': '{"name":"sub","version":"1.0.0","devDependencies":{"aitrail":"file:../vendor/aitrail"}}\n',
    });
    npmInstall(join(repo.dir, 'sub'));
    const path = `${join(repo.dir, 'sub', 'node_modules', '.bin')}:${PNPM_PATH}`;
    const init = spawnSync(process.execPath, [BIN, 'init', '--mode', 'git'], { cwd: repo.dir, env: { ...TEST_GIT_ENV, PATH: path }, encoding: 'utf8' });
    expect(`${init.stdout}${init.stderr}`).toMatch(/the hooks will not find the aitrail binary/);
    repo.write('a.txt', 'b\n');
    repo.git(['add', 'a.txt']);
    const result = spawnSync('git', ['commit', '-q', '-m', 'AI change'], { cwd: repo.dir, env: { ...TEST_GIT_ENV, PATH: path, AITRAIL_MODEL: 'qwen/qwen3-coder' }, encoding: 'utf8' });
    expect(existsSync(marker), result.stderr).toBe(false);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/sub\/node_modules\/\.bin\/aitrail comes from the repository/);
  });

  for (const kind of ['folder', 'tarball'] as const) {
    it(`install-links=true, aitrail from a ${kind} outside the repository: runs, judged and recorded`, () => {
      const root = tempDir('aitrail-npm-outside-');
      const { folder, tarball } = honestAitrail(root);
      const { repo } = hostile('aitrail-npm-outside-repo-', {
        '.npmrc': 'install-links=true\n',
        '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n',
        'package.json': `{"name":"app","version":"1.0.0","devDependencies":{"aitrail":${JSON.stringify(`file:${kind === 'folder' ? folder : tarball}`)}}}\n`,
      });
      npmInstall(repo.dir);
      expectHonestRun(repo);
    });
  }
});

describe.skipIf(skipWithoutPnpm('a virtual-store-dir outside the work tree'))('a committed .npmrc\'s virtual-store-dir outside the work tree (real pnpm)', () => {
  for (const where of ['../vs', 'absolute'] as const) {
    it(`virtual-store-dir=${where}, \`file:vendor/aitrail\`: refused, never run`, () => {
      const store = where === 'absolute' ? join(tempDir('aitrail-pnpm-vs-abs-'), 'vs') : '../vs';
      const { repo, marker } = hostile('aitrail-pnpm-vs-out-', { '.npmrc': `virtual-store-dir=${store}\n` });
      pnpmInstall(repo.dir);
      expect(existsSync(join(where === 'absolute' ? store : join(repo.dir, '..', 'vs'), 'lock.yaml'))).toBe(true);
      expectRepositoryAitrailRefused(repo, marker);
    });
  }

  it('virtual-store-dir=../vs, aitrail from a folder outside the repository: runs, judged and recorded', () => {
    const { folder } = honestAitrail(tempDir('aitrail-pnpm-vs-honest-'));
    const { repo } = hostile('aitrail-pnpm-vs-out-honest-', {
      '.npmrc': 'virtual-store-dir=../vs\n',
      '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n',
      'package.json': `{"name":"app","version":"1.0.0","devDependencies":{"aitrail":${JSON.stringify(`file:${folder}`)}}}\n`,
    });
    pnpmInstall(repo.dir);
    expectHonestRun(repo);
  });
});

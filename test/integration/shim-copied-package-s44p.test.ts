import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, type TestRepo } from '../helpers/gitdir.js';
import { toolVersion } from '../helpers/install-cache.js';
import { expectHonestRun, expectRepositoryAitrailRefused, honestAitrail, pnpmRepoCommit } from '../helpers/pnpm.js';
import { npmFree } from '../helpers/lock-resolved.js';
import { packVendored, vendoredAitrailRepo } from '../helpers/shim-fast-path.js';

/**
 * yarn classic (1.22) copies a `file:` folder or unpacks a tarball the repository commits into node_modules,
 * untracked, as it unpacks a registry package; a committed yarn.lock may resolve a registry range to a local
 * tarball. yarn's own record, node_modules/.yarn-integrity, says where each package came from: the shims
 * (src/install/shim-source.ts aitrail_ny) and init/status (src/install/binary-reachable.ts) judge by it.
 */

const yarnFound = toolVersion('yarn').status === 0;

/** `yarn install --offline --ignore-scripts` in `dir`, with its own cache folder (`cache`, else a new one). */
function yarnInstall(dir: string, cache = tempDir('aitrail-yarn-cache-'), frozen = false): void {
  const result = spawnSync('yarn', ['install', '--offline', '--ignore-scripts', '--non-interactive', ...(frozen ? ['--frozen-lockfile'] : [])], {
    cwd: dir,
    env: { ...process.env, YARN_CACHE_FOLDER: cache, YARN_IGNORE_PATH: '1' },
    encoding: 'utf8',
  });
  expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
  expect(existsSync(join(dir, 'node_modules', '.yarn-integrity'))).toBe(true);
}

/** A repository committing vendor/aitrail (its bin writing the marker), with `files` added and committed. */
function hostile(prefix: string, files: Record<string, string>): { repo: TestRepo; marker: string } {
  const { repo, marker } = vendoredAitrailRepo(prefix, 'bin/aitrail.js');
  for (const [path, text] of Object.entries(files)) repo.write(path, text);
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'install settings']);
  return { repo, marker };
}

const POLICY = { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' };

let filled: { cache: string; hash: string } | undefined;
/**
 * A yarn cache holding the honest aitrail 1.0.0 as a registry install leaves it, and the tarball's sha1 (yarn.lock's
 * `#<sha1>`): filled once per file by a `file:` install of the same tarball (the same bytes, the same hash) in a
 * folder of its own. The registry tests' set-up only, read by their installs (--offline): what they judge is the
 * install from it into each test's repository.
 */
function registryCache(): { cache: string; hash: string } {
  if (filled !== undefined && existsSync(filled.cache)) return filled;
  const { tarball } = honestAitrail(tempDir('aitrail-yarn-registry-'));
  const cache = tempDir('aitrail-yarn-cache-');
  const first = tempDir('aitrail-yarn-registry-first-');
  writeFileSync(join(first, 'package.json'), `{"name":"app","version":"1.0.0","devDependencies":{"aitrail":${JSON.stringify(`file:${tarball}`)}}}\n`);
  yarnInstall(first, cache);
  filled = { cache, hash: /#([0-9a-f]{40})"/.exec(readFileSync(join(first, 'yarn.lock'), 'utf8'))![1]! };
  return filled;
}

describe.skipIf(!yarnFound)('yarn classic copies a `file:` package the repository commits into node_modules (real yarn 1)', () => {
  it('`file:vendor/aitrail` (yarn copies the folder): refused, never run', () => {
    const { repo, marker } = hostile('aitrail-yarn-folder-', POLICY);
    yarnInstall(repo.dir);
    expect(readFileSync(join(repo.dir, 'node_modules', '.yarn-integrity'), 'utf8')).toContain('"aitrail@file:vendor/aitrail"');
    expectRepositoryAitrailRefused(repo, marker);
  });

  it('`./vendor/aitrail`, and under another name (`"tool": "file:vendor/aitrail"`, .bin/aitrail → ../tool/…): refused', () => {
    for (const spec of ['"aitrail":"./vendor/aitrail"', '"tool":"file:vendor/aitrail"']) {
      const { repo, marker } = hostile('aitrail-yarn-alias-', { 'package.json': `{"name":"app","version":"1.0.0","devDependencies":{${spec}}}\n` });
      yarnInstall(repo.dir);
      expectRepositoryAitrailRefused(repo, marker);
    }
  });

  it('a committed tarball (`file:aitrail-9.9.9.tgz`): refused, never run', () => {
    const { repo, marker } = vendoredAitrailRepo('aitrail-yarn-tgz-', 'bin/aitrail.js');
    packVendored(repo.dir);
    repo.write('package.json', '{"name":"app","version":"1.0.0","devDependencies":{"aitrail":"file:aitrail-9.9.9.tgz"}}\n');
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'tarball']);
    yarnInstall(repo.dir);
    expectRepositoryAitrailRefused(repo, marker);
  });

  it('a committed yarn.lock resolving a registry range to the committed tarball (`resolved "./aitrail-9.9.9.tgz"`): refused', () => {
    const { repo, marker } = vendoredAitrailRepo('aitrail-yarn-lock-', 'bin/aitrail.js');
    packVendored(repo.dir);
    repo.write('package.json', '{"name":"app","version":"1.0.0","devDependencies":{"aitrail":"^9.9.9"}}\n');
    repo.write('yarn.lock', '# yarn lockfile v1\n\n\naitrail@^9.9.9:\n  version "9.9.9"\n  resolved "./aitrail-9.9.9.tgz"\n');
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'lock']);
    yarnInstall(repo.dir, undefined, true);
    expect(readFileSync(join(repo.dir, 'node_modules', '.yarn-integrity'), 'utf8')).toContain('"aitrail@^9.9.9": "./aitrail-9.9.9.tgz"');
    expectRepositoryAitrailRefused(repo, marker);
  });

  for (const kind of ['folder', 'tarball'] as const) {
    it(`aitrail from a ${kind} outside the repository: runs, judged and recorded`, () => {
      const { folder, tarball } = honestAitrail(tempDir('aitrail-yarn-outside-'));
      const { repo } = hostile('aitrail-yarn-outside-repo-', {
        ...POLICY,
        'package.json': `{"name":"app","version":"1.0.0","devDependencies":{"aitrail":${JSON.stringify(`file:${kind === 'folder' ? folder : tarball}`)}}}\n`,
      });
      yarnInstall(repo.dir);
      expectHonestRun(repo);
    });
  }

  it('a registry install (`resolved "https://registry.yarnpkg.com/…#sha1"`, from yarn\'s cache): runs', () => {
    const { cache, hash } = registryCache();
    const { repo } = hostile('aitrail-yarn-registry-repo-', {
      ...POLICY,
      'package.json': '{"name":"app","version":"1.0.0","devDependencies":{"aitrail":"^1.0.0"}}\n',
      'yarn.lock': `# yarn lockfile v1\n\n\naitrail@^1.0.0:\n  version "1.0.0"\n  resolved "https://registry.yarnpkg.com/aitrail/-/aitrail-1.0.0.tgz#${hash}"\n`,
    });
    yarnInstall(repo.dir, cache, true);
    expect(readFileSync(join(repo.dir, 'node_modules', '.yarn-integrity'), 'utf8')).toContain('"aitrail@^1.0.0": "https://registry.yarnpkg.com/');
    expectHonestRun(repo);
  });

  it('a registry install beside a committed .yarnrc/.npmrc naming a cache OUTSIDE the work tree (the user\'s own, absolute or ~/): runs', () => {
    const { cache, hash } = registryCache();
    const { repo } = hostile('aitrail-yarn-outside-cache-', {
      ...POLICY,
      '.yarnrc': `cache-folder "${cache}"\r\nyarn-offline-mirror ${tempDir('aitrail-yarn-mirror-')}\n`,
      '.npmrc': 'cache=~/.npm-elsewhere\n',
      'package.json': '{"name":"app","version":"1.0.0","devDependencies":{"aitrail":"^1.0.0"}}\n',
      'yarn.lock': `# yarn lockfile v1\n\n\naitrail@^1.0.0:\n  version "1.0.0"\n  resolved "https://registry.yarnpkg.com/aitrail/-/aitrail-1.0.0.tgz#${hash}"\n`,
    });
    yarnInstall(repo.dir, cache, true);
    expectHonestRun(repo);
    // The same setting naming a folder of the work tree by its absolute path counts as the repository's.
    repo.write('.npmrc', `cache=${repo.dir}/vendor/cache\n`);
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'cache in the work tree']);
    expect(pnpmRepoCommit(repo, 'openai/gpt-5').stderr).toMatch(/comes from the repository/);
  });
});

/**
 * A cache or offline mirror the repository commits, named by a committed .npmrc/.yarnrc: the lock says the registry
 * (and the committed tarball's hash), npm or yarn takes the package from the committed cache, and its record says
 * registry too (src/install/shim-source.ts aitrail_nc; src/install/binary-reachable.ts cacheInWorkTree).
 */
describe('a committed cache or offline mirror: the record says registry, the code is the repository\'s', () => {
  it.skipIf(toolVersion('npm').status !== 0)('npm: a committed .npmrc saying cache=./vendor/cache, a package-lock.json naming the registry: refused, never run', () => {
    const { repo, marker } = vendoredAitrailRepo('aitrail-npm-cache-', 'bin/aitrail.js');
    const tarball = packVendored(repo.dir);
    const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
    const add = spawnSync('npm', ['cache', 'add', tarball, '--cache', join(repo.dir, 'vendor', 'cache')], { encoding: 'utf8' });
    expect(add.status, add.stderr).toBe(0);
    spawnSync('rm', ['-f', tarball]);
    repo.write('.npmrc', 'cache=./vendor/cache\n');
    repo.write('package.json', '{"name":"app","version":"1.0.0","devDependencies":{"aitrail":"^9.9.9"}}\n');
    const lock = {
      name: 'app',
      version: '1.0.0',
      lockfileVersion: 3,
      requires: true,
      packages: {
        '': { name: 'app', version: '1.0.0', devDependencies: { aitrail: '^9.9.9' } },
        'node_modules/aitrail': { version: '9.9.9', resolved: 'https://registry.npmjs.org/aitrail/-/aitrail-9.9.9.tgz', integrity, dev: true, bin: { aitrail: 'bin/aitrail.js' } },
      },
    };
    repo.write('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'cache']);
    // Without npx's npm_config_* (its npm_config_cache, the machine's cache, would outrank the committed .npmrc's).
    const ci = spawnSync('npm', ['ci', '--ignore-scripts', '--offline', '--no-audit', '--no-fund'], { cwd: repo.dir, env: { ...npmFree(process.env), npm_config_update_notifier: 'false' }, encoding: 'utf8' });
    expect(ci.status, `${ci.stdout}${ci.stderr}`).toBe(0);
    expect(readFileSync(join(repo.dir, 'node_modules', '.package-lock.json'), 'utf8')).not.toContain('file:');
    expectRepositoryAitrailRefused(repo, marker);
  });

  it.skipIf(!yarnFound)('yarn: a committed .yarnrc saying yarn-offline-mirror "./mirror", a yarn.lock naming the registry: refused, never run', () => {
    const { repo, marker } = vendoredAitrailRepo('aitrail-yarn-mirror-', 'bin/aitrail.js');
    const tarball = packVendored(repo.dir);
    const sha1 = createHash('sha1').update(readFileSync(tarball)).digest('hex');
    mkdirSync(join(repo.dir, 'mirror'));
    copyFileSync(tarball, join(repo.dir, 'mirror', 'aitrail-9.9.9.tgz'));
    spawnSync('rm', ['-f', tarball]);
    repo.write('.yarnrc', 'yarn-offline-mirror "./mirror"\n');
    repo.write('package.json', '{"name":"app","version":"1.0.0","devDependencies":{"aitrail":"^9.9.9"}}\n');
    repo.write('yarn.lock', `# yarn lockfile v1\n\n\naitrail@^9.9.9:\n  version "9.9.9"\n  resolved "https://registry.yarnpkg.com/aitrail/-/aitrail-9.9.9.tgz#${sha1}"\n`);
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'mirror']);
    yarnInstall(repo.dir, undefined, true);
    expect(readFileSync(join(repo.dir, 'node_modules', '.yarn-integrity'), 'utf8')).toContain('"aitrail@^9.9.9": "https://registry.yarnpkg.com/');
    expectRepositoryAitrailRefused(repo, marker);
  });
});

describe.skipIf(toolVersion('npm').status !== 0)('a committed package-lock.json resolving a registry range to a tarball in the work tree (real npm)', () => {
  for (const resolved of ['./aitrail-9.9.9.tgz', 'aitrail-9.9.9.tgz']) {
    it(`\`"resolved": "${resolved}"\` (npm's record then names no source at all): refused, never run`, () => {
      const { repo, marker } = vendoredAitrailRepo('aitrail-npm-lock-local-', 'bin/aitrail.js');
      const integrity = `sha512-${createHash('sha512').update(readFileSync(packVendored(repo.dir))).digest('base64')}`;
      repo.write('package.json', '{"name":"app","version":"1.0.0","devDependencies":{"aitrail":"^9.9.9"}}\n');
      const lock = {
        name: 'app',
        version: '1.0.0',
        lockfileVersion: 3,
        requires: true,
        packages: {
          '': { name: 'app', version: '1.0.0', devDependencies: { aitrail: '^9.9.9' } },
          'node_modules/aitrail': { version: '9.9.9', resolved, integrity, dev: true, bin: { aitrail: 'bin/aitrail.js' } },
        },
      };
      repo.write('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '--no-verify', '-m', 'lock']);
      const ci = spawnSync('npm', ['ci', '--ignore-scripts', '--offline', '--no-audit', '--no-fund', '--cache', tempDir('aitrail-npm-empty-cache-')], {
        cwd: repo.dir,
        env: { ...process.env, npm_config_update_notifier: 'false' },
        encoding: 'utf8',
      });
      expect(ci.status, `${ci.stdout}${ci.stderr}`).toBe(0);
      expect(readFileSync(join(repo.dir, 'node_modules', '.package-lock.json'), 'utf8')).not.toContain('"resolved"');
      expectRepositoryAitrailRefused(repo, marker);
    });
  }
});

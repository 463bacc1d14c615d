import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/gitdir.js';
import { expectHonestRun, expectRepositoryAitrailRefused, honestAitrail, npmFound } from '../helpers/pnpm.js';
import { packVendored, vendoredAitrailRepo } from '../helpers/shim-fast-path.js';

/**
 * Row 715 under `omit-lockfile-registry-resolved=true`, installed with `npm install` (not `npm ci`): npm rewrites the
 * work tree's package-lock.json as it writes its record, dropping the committed `"resolved": "./aitrail-9.9.9.tgz"` of
 * a registry range, so the lock read afterwards names a plain version and no source, as a registry install's does.
 * The lock the repository commits (HEAD's) still names the tarball: it is read too
 * (src/install/shim-source.ts aitrail_nl, src/install/binary-reachable.ts lockNamesRegistryOnly).
 */
/** The vendored package packed into the work tree as `aitrail-9.9.9.tgz` (the repository's tarball); its integrity. */
function packedInWorkTree(dir: string): string {
  return `sha512-${createHash('sha512').update(readFileSync(packVendored(dir))).digest('base64')}`;
}

/** Commit a project asking `aitrail@^9.9.9` with `lock` and an `.npmrc` setting omit-lockfile-registry-resolved. */
function commitUnderOmit(repo: ReturnType<typeof vendoredAitrailRepo>['repo'], lock: object): void {
  repo.write('package.json', '{"name":"app","version":"1.0.0","devDependencies":{"aitrail":"^9.9.9"}}\n');
  repo.write('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
  repo.write('.npmrc', 'omit-lockfile-registry-resolved=true\n');
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'offline tarball']);
}

describe.skipIf(!npmFound)('row 715 under omit-lockfile-registry-resolved=true, installed by npm install (real npm)', () => {
  it('the committed lock names the repository\'s tarball, npm install rewrote it without: refused, never run', () => {
    const { repo, marker } = vendoredAitrailRepo('aitrail-npm-omit-rewrite-', 'bin/aitrail.js');
    const integrity = packedInWorkTree(repo.dir);
    const lock = {
      name: 'app',
      version: '1.0.0',
      lockfileVersion: 3,
      requires: true,
      packages: {
        '': { name: 'app', version: '1.0.0', devDependencies: { aitrail: '^9.9.9' } },
        'node_modules/aitrail': { version: '9.9.9', resolved: './aitrail-9.9.9.tgz', integrity, dev: true, bin: { aitrail: 'bin/aitrail.js' } },
      },
    };
    commitUnderOmit(repo, lock);
    const env = { ...process.env, npm_config_update_notifier: 'false', npm_config_cache: tempDir('aitrail-npm-empty-cache-') };
    const install = spawnSync('npm', ['install', '--ignore-scripts', '--offline', '--no-audit', '--no-fund'], { cwd: repo.dir, env, encoding: 'utf8' });
    expect(install.status, `${install.stdout}${install.stderr}`).toBe(0);
    // What the hooks find: the repository's tarball unpacked, npm's record and the rewritten lock both naming no source.
    expect(readFileSync(join(repo.dir, 'node_modules', 'aitrail', 'package.json'), 'utf8')).toContain('9.9.9');
    expect(readFileSync(join(repo.dir, 'node_modules', '.package-lock.json'), 'utf8')).not.toContain('"resolved"');
    expect(readFileSync(join(repo.dir, 'package-lock.json'), 'utf8')).not.toContain('"resolved"');
    expect(repo.git(['show', 'HEAD:package-lock.json'])).toContain('"resolved": "./aitrail-9.9.9.tgz"');
    expectRepositoryAitrailRefused(repo, marker);
  });

  it('a lockfileVersion 1 lock (npm reads its `dependencies`) naming the tarball, a clean `node_modules/aitrail` key in another object: refused, never run', () => {
    const { repo, marker } = vendoredAitrailRepo('aitrail-npm-omit-decoy-', 'bin/aitrail.js');
    const integrity = packedInWorkTree(repo.dir);
    const lock = {
      name: 'app',
      version: '1.0.0',
      lockfileVersion: 1,
      requires: true,
      decoy: { 'node_modules/aitrail': { version: '9.9.9' } },
      dependencies: { aitrail: { version: '9.9.9', resolved: './aitrail-9.9.9.tgz', integrity, dev: true } },
    };
    commitUnderOmit(repo, lock);
    const env = { ...process.env, npm_config_update_notifier: 'false', npm_config_cache: tempDir('aitrail-npm-empty-cache-') };
    const ci = spawnSync('npm', ['ci', '--ignore-scripts', '--offline', '--no-audit', '--no-fund'], { cwd: repo.dir, env, encoding: 'utf8' });
    expect(ci.status, `${ci.stdout}${ci.stderr}`).toBe(0);
    expect(readFileSync(join(repo.dir, 'node_modules', 'aitrail', 'package.json'), 'utf8')).toContain('9.9.9');
    expect(readFileSync(join(repo.dir, 'node_modules', '.package-lock.json'), 'utf8')).not.toContain('"resolved"');
    expectRepositoryAitrailRefused(repo, marker);
  });

  it('honest: HEAD\'s lock names the registry\'s URL, npm install under the setting rewrote it without (the user\'s cache outside the work tree): aitrail runs, judged and recorded', () => {
    const { tarball } = honestAitrail(tempDir('aitrail-npm-omit-honest-'));
    const { repo } = vendoredAitrailRepo('aitrail-npm-omit-honest-repo-', 'bin/aitrail.js');
    const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
    const cache = tempDir('aitrail-npm-user-cache-');
    const add = spawnSync('npm', ['cache', 'add', tarball, '--cache', cache], { cwd: tempDir('aitrail-npm-cwd-'), encoding: 'utf8' });
    expect(add.status, add.stderr).toBe(0);
    const lock = {
      name: 'app',
      version: '1.0.0',
      lockfileVersion: 3,
      requires: true,
      packages: {
        '': { name: 'app', version: '1.0.0', devDependencies: { aitrail: '^1.0.0' } },
        'node_modules/aitrail': { version: '1.0.0', resolved: 'https://registry.npmjs.org/aitrail/-/aitrail-1.0.0.tgz', integrity, dev: true, bin: { aitrail: 'bin/aitrail.js' } },
      },
    };
    repo.write('package.json', '{"name":"app","version":"1.0.0","devDependencies":{"aitrail":"^1.0.0"}}\n');
    repo.write('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
    repo.write('.aitrailrc.yml', 'policy:\n  deny: ["qwen/*"]\n');
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'aitrail']);
    const env = { ...process.env, npm_config_update_notifier: 'false', npm_config_cache: cache, npm_config_omit_lockfile_registry_resolved: 'true' };
    const install = spawnSync('npm', ['install', '--ignore-scripts', '--offline', '--no-audit', '--no-fund'], { cwd: repo.dir, env, encoding: 'utf8' });
    expect(install.status, `${install.stdout}${install.stderr}`).toBe(0);
    expect(readFileSync(join(repo.dir, 'package-lock.json'), 'utf8')).not.toContain('"resolved"');
    expect(readFileSync(join(repo.dir, 'node_modules', '.package-lock.json'), 'utf8')).not.toContain('"resolved"');
    expectHonestRun(repo);
  });
});

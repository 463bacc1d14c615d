import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo, TEST_GIT_ENV, tempDir } from '../helpers/gitdir.js';
import { expectRepositoryAitrailRefused, honestAitrail, npmFound, PNPM_PATH } from '../helpers/pnpm.js';
import { npmFree } from '../helpers/lock-resolved.js';
import { packVendored, vendoredAitrailRepo } from '../helpers/shim-fast-path.js';

/**
 * 731 judges a relative cache value by what git tracks under a folder so named, but on a case-insensitive file
 * system (macOS, Windows: `core.ignorecase=true`) `cache=.NPM` is the committed `.npm`: the pathspec must match
 * without case (src/install/shim-source.ts aitrail_cu, src/install/binary-reachable.ts cacheTracked). This machine's
 * file system tells case apart: npm is handed the folder a case-insensitive one would open (`--cache <top>/.npm`), the
 * hooks and init read the committed `.npmrc` as they would there.
 */
const integrityOf = (tarball: string) => `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;

/** A lock naming aitrail@9.9.9 from the registry with `integrity` (the repository's tarball's, taken from a cache). */
function registryLock(integrity: string): object {
  return {
    name: 'app',
    version: '1.0.0',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: 'app', version: '1.0.0', devDependencies: { aitrail: '^9.9.9' } },
      'node_modules/aitrail': { version: '9.9.9', resolved: 'https://registry.npmjs.org/aitrail/-/aitrail-9.9.9.tgz', integrity, dev: true, bin: { aitrail: 'bin/aitrail.js' } },
    },
  };
}

describe.skipIf(!npmFound)('a committed npm cache named in another case, or in a submodule (real npm)', () => {
  it('`cache=.NPM` in the committed .npmrc, the cache committed as `.npm`: refused, never run', () => {
    const { repo, marker } = vendoredAitrailRepo('aitrail-npm-cache-case-', 'bin/aitrail.js');
    const tarball = packVendored(repo.dir, join(repo.dir, '..'));
    const cache = join(repo.dir, '.npm');
    const add = spawnSync('npm', ['cache', 'add', tarball, '--cache', cache], { cwd: tempDir('aitrail-npm-cwd-'), encoding: 'utf8' });
    expect(add.status, add.stderr).toBe(0);
    repo.write('package.json', '{"name":"app","version":"1.0.0","devDependencies":{"aitrail":"^9.9.9"}}\n');
    repo.write('package-lock.json', `${JSON.stringify(registryLock(integrityOf(tarball)), null, 2)}\n`);
    repo.write('.npmrc', 'cache=.NPM\n');
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'offline cache']);
    expect(repo.git(['ls-files', '.npm']).length).toBeGreaterThan(0);
    const env = { ...npmFree(process.env), npm_config_update_notifier: 'false', npm_config_omit_lockfile_registry_resolved: 'false' };
    const ci = spawnSync('npm', ['ci', '--ignore-scripts', '--offline', '--no-audit', '--no-fund', '--cache', cache], { cwd: repo.dir, env, encoding: 'utf8' });
    expect(ci.status, `${ci.stdout}${ci.stderr}`).toBe(0);
    expect(readFileSync(join(repo.dir, 'node_modules', '.package-lock.json'), 'utf8')).toContain('"resolved": "https://registry.npmjs.org/aitrail/-/aitrail-9.9.9.tgz"');
    expectRepositoryAitrailRefused(repo, marker);
  });

  it('`cache=.npm`, the cache committed in a submodule `lib` (its own repository), npm run in `lib/`: refused, never run', () => {
    const { repo, marker } = vendoredAitrailRepo('aitrail-npm-cache-submodule-', 'bin/aitrail.js');
    const tarball = packVendored(repo.dir, join(repo.dir, '..'));
    const inner = makeRepo({ dir: join(tempDir('aitrail-npm-cache-inner-'), 'lib') });
    const add = spawnSync('npm', ['cache', 'add', tarball, '--cache', join(inner.dir, '.npm')], { cwd: tempDir('aitrail-npm-cwd-'), encoding: 'utf8' });
    expect(add.status, add.stderr).toBe(0);
    inner.git(['add', '-A']);
    inner.git(['commit', '-q', '--no-verify', '-m', 'cache']);
    repo.git(['-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', inner.dir, 'lib']);
    repo.write('package.json', '{"name":"app","version":"1.0.0","devDependencies":{"aitrail":"^9.9.9"}}\n');
    repo.write('package-lock.json', `${JSON.stringify(registryLock(integrityOf(tarball)), null, 2)}\n`);
    repo.write('.npmrc', 'cache=.npm\n');
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'offline cache']);
    expect(repo.git(['ls-files', '--', ':(glob)**/.npm/**'])).toBe('');
    // npm resolves the cache from where it runs: `npm ci` in lib/ (no package.json there) installs at the top.
    const env = { ...npmFree(process.env), npm_config_update_notifier: 'false', npm_config_omit_lockfile_registry_resolved: 'false' };
    const ci = spawnSync('npm', ['ci', '--ignore-scripts', '--offline', '--no-audit', '--no-fund'], { cwd: join(repo.dir, 'lib'), env, encoding: 'utf8' });
    expect(ci.status, `${ci.stdout}${ci.stderr}`).toBe(0);
    expect(readFileSync(join(repo.dir, 'node_modules', '.package-lock.json'), 'utf8')).toContain('"resolved": "https://registry.npmjs.org/aitrail/-/aitrail-9.9.9.tgz"');
    expectRepositoryAitrailRefused(repo, marker);
  });

  it('an honest `cache=.npm` (gitignored, untracked): one `git ls-files` for it in each hook that starts node, not one per candidate', () => {
    const { tarball } = honestAitrail(tempDir('aitrail-npm-cache-once-'));
    const { repo } = vendoredAitrailRepo('aitrail-npm-cache-once-repo-', 'bin/aitrail.js');
    const add = spawnSync('npm', ['cache', 'add', tarball, '--cache', join(repo.dir, '.npm')], { cwd: tempDir('aitrail-npm-cwd-'), encoding: 'utf8' });
    expect(add.status, add.stderr).toBe(0);
    const lock = registryLock(integrityOf(tarball)) as { packages: Record<string, Record<string, unknown>> };
    lock.packages['']!.devDependencies = { aitrail: '^1.0.0' };
    lock.packages['node_modules/aitrail'] = { ...lock.packages['node_modules/aitrail'], version: '1.0.0', resolved: 'https://registry.npmjs.org/aitrail/-/aitrail-1.0.0.tgz' };
    repo.write('package.json', '{"name":"app","version":"1.0.0","devDependencies":{"aitrail":"^1.0.0"}}\n');
    repo.write('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
    repo.write('.npmrc', 'cache=.npm\n');
    repo.write('.gitignore', 'node_modules\n.npm/\n');
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'own cache']);
    const env = { ...npmFree(process.env), npm_config_update_notifier: 'false', npm_config_omit_lockfile_registry_resolved: 'false' };
    const ci = spawnSync('npm', ['ci', '--ignore-scripts', '--offline', '--no-audit', '--no-fund'], { cwd: repo.dir, env, encoding: 'utf8' });
    expect(ci.status, `${ci.stdout}${ci.stderr}`).toBe(0);
    // git's own trace of every git process it starts (trace2), the hooks' included.
    const trace = join(tempDir('aitrail-npm-cache-trace-'), 'trace.json');
    repo.write('a.txt', 'agent\n');
    repo.git(['add', 'a.txt']);
    const commit = spawnSync('git', ['commit', '-q', '-m', 'AI change'], { cwd: repo.dir, env: { ...TEST_GIT_ENV, PATH: PNPM_PATH, AITRAIL_MODEL: 'openai/gpt-5', GIT_TRACE2_EVENT: trace }, encoding: 'utf8' });
    expect(commit.status, commit.stderr).toBe(0);
    const starts = readFileSync(trace, 'utf8').split('\n').filter((line) => line.includes('"event":"start"'));
    const lookups = starts.filter((line) => line.includes('"ls-files"') && line.includes(':(glob,icase)**/.npm/**')).length;
    // prepare-commit-msg and commit-msg start node (post-commit has nothing to record here): one each.
    expect(lookups).toBe(2);
  });
});

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, type TestRepo } from '../helpers/gitdir.js';
import { expectHonestRun, expectRepositoryAitrailRefused, honestAitrail, npmFound } from '../helpers/pnpm.js';
import { npmFree } from '../helpers/lock-resolved.js';
import { packVendored, vendoredAitrailRepo } from '../helpers/shim-fast-path.js';

/**
 * A project's own npm cache in its work tree (`.npmrc` saying `cache=.npm`, the folder gitignored, untracked) holds
 * what npm fetched, as the user's cache does: an honest registry install from it runs aitrail. A cache git tracks
 * (committed, or a committed link or a folder so named anywhere) is the repository's, as row 714 refuses it
 * (src/install/shim-source.ts aitrail_cu, src/install/binary-reachable.ts cacheTracked).
 */

const POLICY = '.aitrailrc.yml';

/** package.json and package-lock.json naming aitrail@`version` from the registry, with `integrity`. */
function registryLock(version: string, integrity: string): Record<string, string> {
  const lock = {
    name: 'app',
    version: '1.0.0',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: 'app', version: '1.0.0', devDependencies: { aitrail: `^${version}` } },
      'node_modules/aitrail': { version, resolved: `https://registry.npmjs.org/aitrail/-/aitrail-${version}.tgz`, integrity, dev: true, bin: { aitrail: 'bin/aitrail.js' } },
    },
  };
  return {
    'package.json': `{"name":"app","version":"1.0.0","devDependencies":{"aitrail":"^${version}"}}\n`,
    'package-lock.json': `${JSON.stringify(lock, null, 2)}\n`,
  };
}

const integrityOf = (tarball: string) => `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;

function cacheAdd(tarball: string, cache: string): void {
  const add = spawnSync('npm', ['cache', 'add', tarball, '--cache', cache], { cwd: tempDir('aitrail-npm-cwd-'), encoding: 'utf8' });
  expect(add.status, add.stderr).toBe(0);
}

/**
 * A real HTTP registry serving aitrail 1.0.0 (`tarball`), in a process of its own (the tests' npm runs synchronously):
 * its URL and pid.
 */
function startRegistry(tarball: string): { url: string; pid: number } {
  const dir = tempDir('aitrail-registry-');
  const script = join(dir, 'registry.cjs');
  writeFileSync(
    script,
    [
      "const http = require('http'); const fs = require('fs'); const crypto = require('crypto');",
      'const tgz = fs.readFileSync(process.argv[2]);',
      "const integrity = 'sha512-' + crypto.createHash('sha512').update(tgz).digest('base64');",
      "const shasum = crypto.createHash('sha1').update(tgz).digest('hex');",
      'const server = http.createServer((req, res) => {',
      '  const base = `http://127.0.0.1:${server.address().port}`;',
      "  if (req.url === '/aitrail') { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify({ name: 'aitrail', 'dist-tags': { latest: '1.0.0' }, versions: { '1.0.0': { name: 'aitrail', version: '1.0.0', bin: { aitrail: 'bin/aitrail.js' }, dist: { tarball: `${base}/aitrail/-/aitrail-1.0.0.tgz`, integrity, shasum } } } })); return; }",
      "  if (req.url === '/aitrail/-/aitrail-1.0.0.tgz') { res.setHeader('content-type', 'application/octet-stream'); res.end(tgz); return; }",
      "  res.statusCode = 404; res.end('{}');",
      '});',
      "server.listen(0, '127.0.0.1', () => fs.writeFileSync(process.argv[3], String(server.address().port)));",
      '',
    ].join('\n'),
  );
  const portFile = join(dir, 'port');
  const child = spawn(process.execPath, [script, tarball, portFile], { stdio: 'ignore', detached: true });
  child.unref();
  const until = Date.now() + 10_000;
  while (!existsSync(portFile) && Date.now() < until) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  expect(existsSync(portFile)).toBe(true);
  return { url: `http://127.0.0.1:${readFileSync(portFile, 'utf8')}/`, pid: child.pid! };
}

function commitFiles(repo: TestRepo, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) repo.write(path, text);
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'install settings']);
}

/** The lock's text for aitrail@`version` from the registry, its entry naming no `resolved` (`omit-lockfile-registry-resolved=true`), `extra` lines added at its end. */
function omittedLock(version: string, integrity: string, extra = ''): Record<string, string> {
  const lock = [
    '{',
    '  "name": "app",',
    '  "version": "1.0.0",',
    '  "lockfileVersion": 3,',
    '  "requires": true,',
    '  "packages": {',
    '    "": {',
    '      "name": "app",',
    '      "version": "1.0.0",',
    '      "devDependencies": {',
    `        "aitrail": "^${version}"`,
    '      }',
    '    },',
    '    "node_modules/aitrail": {',
    `      "version": "${version}",`,
    `      "integrity": "${integrity}",`,
    '      "dev": true,',
    '      "bin": {',
    '        "aitrail": "bin/aitrail.js"',
    `      }${extra}`,
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');
  return { 'package.json': `{"name":"app","version":"1.0.0","devDependencies":{"aitrail":"^${version}"}}\n`, 'package-lock.json': lock };
}

/** `npm ci` from `cwd` (the top, else a folder under it without a package.json: npm installs at the top, its cache relative to `cwd`). */
function npmCi(repo: TestRepo, cwd = repo.dir): void {
  // npm's record names the registry (a user's `omit-lockfile-registry-resolved=true` would drop it, and row 715 then
  // refuses by itself): only the cache is left to judge.
  // Without npx's npm_config_* (its npm_config_cache, the machine's cache, would outrank the project's .npmrc).
  const env = { ...npmFree(process.env), npm_config_update_notifier: 'false', npm_config_omit_lockfile_registry_resolved: 'false' };
  const ci = spawnSync('npm', ['ci', '--ignore-scripts', '--offline', '--no-audit', '--no-fund'], { cwd, env, encoding: 'utf8' });
  expect(ci.status, `${ci.stdout}${ci.stderr}`).toBe(0);
  expect(readFileSync(join(repo.dir, 'node_modules', '.package-lock.json'), 'utf8')).toContain('"resolved": "https://registry.npmjs.org/aitrail/-/aitrail-');
}

describe.skipIf(!npmFound)('a project\'s own npm cache in the work tree (real npm)', () => {
  for (const value of ['.npm', './.npm/', '.cache/npm']) {
    it(`\`cache=${value}\`, gitignored and untracked, a registry install from it: aitrail runs, judged and recorded`, () => {
      const { tarball } = honestAitrail(tempDir('aitrail-npm-own-cache-'));
      const { repo } = vendoredAitrailRepo('aitrail-npm-own-cache-repo-', 'bin/aitrail.js');
      commitFiles(repo, {
        [POLICY]: 'policy:\n  deny: ["qwen/*"]\n',
        '.gitignore': 'node_modules\n.npm/\n.cache/\n',
        '.npmrc': `cache=${value}\n`,
        ...registryLock('1.0.0', integrityOf(tarball)),
      });
      cacheAdd(tarball, join(repo.dir, value));
      npmCi(repo);
      expect(repo.git(['status', '--porcelain'])).toBe('');
      expectHonestRun(repo);
    });
  }

  it('`cache=.npm` the repository commits (714 with a relative value): refused, never run', () => {
    const { repo, marker } = vendoredAitrailRepo('aitrail-npm-tracked-cache-', 'bin/aitrail.js');
    const tarball = packVendored(repo.dir, join(repo.dir, '..'));
    cacheAdd(tarball, join(repo.dir, '.npm'));
    commitFiles(repo, { '.npmrc': 'cache=.npm\n', ...registryLock('9.9.9', integrityOf(tarball)) });
    expect(repo.git(['ls-files', '.npm']).length).toBeGreaterThan(0);
    npmCi(repo);
    expectRepositoryAitrailRefused(repo, marker);
  });

  it('`cache=.npm`, `.npm` a committed link to the committed cache, or the cache committed as `sub/.npm` and npm run in `sub/`: refused', () => {
    for (const how of ['link', 'nested'] as const) {
      const { repo, marker } = vendoredAitrailRepo(`aitrail-npm-cache-${how}-`, 'bin/aitrail.js');
      const tarball = packVendored(repo.dir, join(repo.dir, '..'));
      if (how === 'link') {
        cacheAdd(tarball, join(repo.dir, 'vendor', 'cache'));
        symlinkSync('vendor/cache', join(repo.dir, '.npm'));
      } else {
        // npm resolves the cache from where it runs: `npm ci` in sub/ (no package.json there) installs at the top.
        cacheAdd(tarball, join(repo.dir, 'sub', '.npm'));
      }
      commitFiles(repo, { '.npmrc': 'cache=.npm\n', ...registryLock('9.9.9', integrityOf(tarball)) });
      npmCi(repo, how === 'nested' ? join(repo.dir, 'sub') : repo.dir);
      expectRepositoryAitrailRefused(repo, marker);
    }
  });
});

/**
 * `omit-lockfile-registry-resolved=true` (the user's config, the environment): npm writes no `resolved` for a registry
 * package, in the lock and in its record, which row 715 read as a tarball of the work tree. The committed lock then
 * names none either, and a plain version: npm fetched `aitrail@<version>` from the registry (src/install/shim-source.ts
 * aitrail_nl, src/install/binary-reachable.ts lockNamesRegistryOnly).
 */
describe.skipIf(!npmFound)('omit-lockfile-registry-resolved=true: npm\'s record names no source (real npm)', () => {
  const omitEnv = (cache: string) => ({ ...process.env, npm_config_update_notifier: 'false', npm_config_omit_lockfile_registry_resolved: 'true', npm_config_cache: cache });

  it('a registry install (a real HTTP registry, the user\'s cache outside the work tree): aitrail runs, judged and recorded', () => {
    const { tarball } = honestAitrail(tempDir('aitrail-npm-omit-'));
    const registry = startRegistry(tarball);
    try {
      const { repo } = vendoredAitrailRepo('aitrail-npm-omit-repo-', 'bin/aitrail.js');
      repo.write('package.json', '{"name":"app","version":"1.0.0","devDependencies":{"aitrail":"^1.0.0"}}\n');
      const env = { ...omitEnv(tempDir('aitrail-npm-omit-cache-')), npm_config_registry: registry.url };
      const install = spawnSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: repo.dir, env, encoding: 'utf8' });
      expect(install.status, `${install.stdout}${install.stderr}`).toBe(0);
      commitFiles(repo, { [POLICY]: 'policy:\n  deny: ["qwen/*"]\n' });
      expect(readFileSync(join(repo.dir, 'package-lock.json'), 'utf8')).not.toContain('"resolved"');
      expect(readFileSync(join(repo.dir, 'node_modules', '.package-lock.json'), 'utf8')).not.toContain('"resolved"');
      expectHonestRun(repo);
    } finally {
      process.kill(registry.pid);
    }
  });

  for (const [what, extra] of [
    ['`"resolved": "./aitrail-9.9.9.tgz"` after a line closing `bin` at the entry\'s indent', ',\n      "x": {"y": "z"\n    },\n      "resolved": "./aitrail-9.9.9.tgz"'],
    ['`"re\\u0073olved": "./aitrail-9.9.9.tgz"` (JSON decodes the escape)', ',\n      "re\\u0073olved": "./aitrail-9.9.9.tgz"'],
  ] as const) {
    it(`row 715 under the same setting, the lock's entry saying ${what}: refused, never run`, () => {
      const { repo, marker } = vendoredAitrailRepo('aitrail-npm-omit-local-', 'bin/aitrail.js');
      const tarball = packVendored(repo.dir);
      commitFiles(repo, omittedLock('9.9.9', integrityOf(tarball), extra));
      const ci = spawnSync('npm', ['ci', '--ignore-scripts', '--offline', '--no-audit', '--no-fund'], { cwd: repo.dir, env: omitEnv(tempDir('aitrail-npm-empty-cache-')), encoding: 'utf8' });
      expect(ci.status, `${ci.stdout}${ci.stderr}`).toBe(0);
      expect(readFileSync(join(repo.dir, 'node_modules', 'aitrail', 'package.json'), 'utf8')).toContain('9.9.9');
      expectRepositoryAitrailRefused(repo, marker);
    });
  }
});

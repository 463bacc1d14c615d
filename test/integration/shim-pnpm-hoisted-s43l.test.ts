import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';
import { vendoredAitrailRepo } from '../helpers/shim-fast-path.js';
import { expectRepositoryAitrailRefused, pnpmInstall, pnpmRepoCommit, pnpmRepoInit, skipWithoutPnpm } from '../helpers/pnpm.js';

/**
 * pnpm's `node-linker=hoisted` (a committed .npmrc) copies a `file:` package into node_modules/<alias>, as
 * npm lays a package out. Two ways the 641 check let the repository's copy run (pnpm 9, replayed; pnpm 8
 * and 10 too): the shims' no-process shortcut for npm's layout (.bin/aitrail a link to
 * node_modules/aitrail/bin/aitrail.js) judged nothing, and a package named otherwise than its alias
 * (`"aitrail": "file:vendor/x"`, x's name `helper`: the lock's `helper@file:vendor/x`) matched no lock
 * entry. The shortcut is now taken only where no node_modules/.pnpm is, and a hoisted folder is judged by
 * the lock keys pnpm's node_modules/.modules.yaml lists for it (src/install/shim-source.ts aitrail_pn,
 * src/install/binary-reachable.ts pnpmHoistedKeys).
 */
/** The repository of vendoredAitrailRepo with a committed `.npmrc` saying `node-linker=hoisted` (and `files` over it), installed by pnpm. */
function hoisted(repo: TestRepo, files: Record<string, string> = {}): void {
  for (const [path, text] of Object.entries({ '.npmrc': 'node-linker=hoisted\n', ...files })) repo.write(path, text);
  repo.git(['add', '.']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'hoisted']);
  pnpmInstall(repo.dir);
}

describe.skipIf(skipWithoutPnpm('655/2'))('pnpm node-linker=hoisted, a `file:` dependency (real pnpm)', () => {
  it('on a folder the repository commits whose bin is bin/aitrail.js (npm\'s layout, no process spent on it before): refused', () => {
    const { repo, marker } = vendoredAitrailRepo('aitrail-pnpm-hoisted-js-', 'bin/aitrail.js');
    hoisted(repo);
    expect(existsSync(join(repo.dir, 'node_modules', 'aitrail', 'bin', 'aitrail.js'))).toBe(true);
    expectRepositoryAitrailRefused(repo, marker);
  });

  it('on a folder the repository commits holding a package named otherwise (`"aitrail": "file:vendor/aitrail"`, name `helper`): refused', () => {
    const { repo, marker } = vendoredAitrailRepo('aitrail-pnpm-hoisted-alias-');
    const manifest = JSON.parse(readFileSync(join(repo.dir, 'vendor', 'aitrail', 'package.json'), 'utf8')) as Record<string, unknown>;
    hoisted(repo, { 'vendor/aitrail/package.json': `${JSON.stringify({ ...manifest, name: 'helper' })}\n` });
    expect(readFileSync(join(repo.dir, 'node_modules', '.pnpm', 'lock.yaml'), 'utf8')).toContain('helper@file:vendor/aitrail');
    expectRepositoryAitrailRefused(repo, marker);
  });

  it('(not hoisted) with the committed .npmrc\'s `virtual-store-dir=vs`, a store in the work tree outside node_modules: refused', () => {
    const { repo, marker } = vendoredAitrailRepo('aitrail-pnpm-store-dir-');
    repo.write('.npmrc', 'virtual-store-dir=vs\n');
    repo.git(['add', '.']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'store dir']);
    pnpmInstall(repo.dir);
    expect(existsSync(join(repo.dir, 'vs', 'lock.yaml'))).toBe(true);
    expectRepositoryAitrailRefused(repo, marker);
  });

  it('on a folder outside the repository (`file:../aitrail`, aliased or not): runs, the agent\'s commit is judged and recorded', () => {
    for (const name of ['aitrail', 'helper']) {
      const root = tempDir('aitrail-pnpm-hoisted-outside-');
      const pkg = join(root, 'aitrail');
      mkdirSync(join(pkg, 'bin'), { recursive: true });
      writeFileSync(join(pkg, 'package.json'), `{"name":"${name}","version":"1.0.0","bin":{"aitrail":"bin/aitrail.js"}}\n`);
      writeFileSync(join(pkg, 'bin', 'aitrail.js'), `#!/usr/bin/env node\nrequire(${JSON.stringify(BIN)});\n`, { mode: 0o755 });
      const repo = makeRepo({ dir: join(root, 'repo') });
      repo.commit('start\n', {
        '.gitignore': 'node_modules\npnpm-lock.yaml\n',
        '.npmrc': 'node-linker=hoisted\n',
        'a.txt': 'a\n',
        '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n',
        'package.json': '{"name":"app","version":"1.0.0","devDependencies":{"aitrail":"file:../aitrail"}}\n',
      });
      pnpmInstall(repo.dir);
      expect(pnpmRepoInit(repo).said).not.toMatch(/will not find the aitrail binary/);
      const denied = pnpmRepoCommit(repo, 'qwen/qwen3-coder');
      expect(denied.status).not.toBe(0);
      expect(denied.stderr).toMatch(/qwen/);
      expect(denied.stderr).not.toMatch(/comes from the repository/);
      const allowed = pnpmRepoCommit(repo, 'openai/gpt-5');
      expect(allowed.status, allowed.stderr).toBe(0);
      expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('unknown:openai/gpt-5');
    }
  });
});

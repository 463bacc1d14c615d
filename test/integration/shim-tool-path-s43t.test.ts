import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { makeRepo, TEST_GIT_ENV, tempDir } from '../helpers/gitdir.js';
import { toolVersion } from '../helpers/install-cache.js';
import { npmInstall, pnpmInstall } from '../helpers/pnpm.js';
import { vendoredAitrailRepo } from '../helpers/shim-fast-path.js';

/**
 * The shims run `realpath` (and `readlink`, `grep`, `mv`, `cmp`, …) by name to judge where
 * node_modules/.bin/aitrail leads (src/install/shim-source.ts safePathLines). `npm run`'s PATH puts the
 * top's node_modules/.bin first, husky's hooks the relative one, and `npm install --ignore-scripts` links
 * a committed `file:` package's `"bin": {"realpath": …}` there: the repository's realpath answered "outside
 * the work tree" for the repository's own aitrail (a `file:vendor/aitrail` npm links), which then ran at an
 * agent's commit and let a denied model's commit in (663). Real npm, real hooks.
 */
function setup() {
  const { repo, marker } = vendoredAitrailRepo('aitrail-tool-path-');
  const probe = join(repo.dir, '..', 'probe');
  repo.write('vendor/fake/package.json', '{"name":"fake","version":"1.0.0","bin":{"realpath":"rp.sh","readlink":"rp.sh"}}\n');
  repo.write('vendor/fake/rp.sh', `#!/bin/sh\ntouch '${probe}'\necho /nonexistent/elsewhere/aitrail\n`);
  chmodSync(join(repo.dir, 'vendor', 'fake', 'rp.sh'), 0o755);
  repo.write('package.json', '{"name":"app","version":"1.0.0","devDependencies":{"aitrail":"file:vendor/aitrail","fake":"file:vendor/fake"}}\n');
  repo.git(['add', '.']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'fake']);
  npmInstall(repo.dir);
  expect(existsSync(join(repo.dir, 'node_modules', '.bin', 'realpath'))).toBe(true);
  return { repo, marker, probe };
}

describe('the tools the shims run are not the repository\'s (session 43)', () => {
  it.each([
    ['npm run\'s absolute node_modules/.bin first', (dir: string) => join(dir, 'node_modules', '.bin')],
    ['husky\'s relative node_modules/.bin first', () => 'node_modules/.bin'],
  ])('%s: the repository\'s aitrail is refused, its realpath never run', (_, first) => {
    const { repo, marker, probe } = setup();
    for (let i = 0; i < 2; i++) {
      repo.write('a.txt', `${Math.random()}\n`);
      repo.git(['add', 'a.txt']);
      const result = spawnSync('git', ['commit', '-q', '-m', 'AI change'], {
        cwd: repo.dir,
        env: { ...TEST_GIT_ENV, PATH: `${first(repo.dir)}:${process.env.PATH ?? ''}`, AITRAIL_MODEL: 'qwen/qwen3-coder' },
        encoding: 'utf8',
      });
      expect(existsSync(marker), result.stderr).toBe(false);
      expect(existsSync(probe), result.stderr).toBe(false);
      expect(result.status).not.toBe(0);
      expect(result.stderr).toMatch(/comes from the repository/);
    }
  });
});

const pnpm = toolVersion('pnpm').status === 0;

describe.skipIf(!pnpm)('pnpm\'s wrapper runs under the shims\' PATH (session 43, real pnpm)', () => {
  it('`.` first on PATH and a committed ./sed, ./dirname, ./uname: an agent\'s commit runs aitrail through pnpm\'s .bin wrapper, none of them', () => {
    const root = tempDir('aitrail-wrapper-path-');
    const pkg = join(root, 'aitrail');
    mkdirSync(join(pkg, 'bin'), { recursive: true });
    writeFileSync(join(pkg, 'package.json'), '{"name":"aitrail","version":"1.0.0","bin":{"aitrail":"bin/aitrail.js"}}\n');
    writeFileSync(join(pkg, 'bin', 'aitrail.js'), `#!/usr/bin/env node\nrequire(${JSON.stringify(BIN)});\n`, { mode: 0o755 });
    const marker = join(root, 'pwned');
    const repo = makeRepo({ dir: join(root, 'repo') });
    const tools = Object.fromEntries(['sed', 'dirname', 'uname'].map((tool) => [tool, `#!/bin/sh\ntouch '${marker}'\nexec /usr/bin/env -i PATH=/usr/bin:/bin ${tool} "$@"\n`]));
    repo.commit('start\n', { '.gitignore': 'node_modules\n', 'a.txt': 'a\n', '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n', 'package.json': `{"name":"app","version":"1.0.0","devDependencies":{"aitrail":"file:${pkg}"}}\n`, ...tools });
    for (const tool of Object.keys(tools)) chmodSync(join(repo.dir, tool), 0o755);
    pnpmInstall(repo.dir, false, process.env.PATH);
    const init = spawnSync(process.execPath, [BIN, 'init', '--mode', 'git'], { cwd: repo.dir, env: TEST_GIT_ENV, encoding: 'utf8' });
    expect(init.status, init.stderr).toBe(0);
    repo.write('a.txt', 'b\n');
    repo.git(['add', 'a.txt']);
    const result = spawnSync('git', ['commit', '-q', '-m', 'AI change'], { cwd: repo.dir, env: { ...TEST_GIT_ENV, PATH: `.:${process.env.PATH ?? ''}`, AITRAIL_MODEL: 'openai/gpt-5' }, encoding: 'utf8' });
    expect(existsSync(marker), result.stderr).toBe(false);
    expect(result.status, result.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('unknown:openai/gpt-5');
  });
});

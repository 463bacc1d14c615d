import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { makeRepo, TEST_GIT_ENV, tempDir } from '../helpers/gitdir.js';

/**
 * The shims' fast path compares package.json (and a config past COMPARE_BYTES) with its stamped copy
 * through `cmp` (src/install/fast-path.ts aitrail_cmp), run at the work tree top in a person's commit.
 * husky's hooks put the relative `node_modules/.bin` first on PATH (a dependency's `cmp` bin: a `file:`
 * package the repository commits), and a PATH with `.`, an empty entry or a folder of the work tree names
 * the repository's files: its `cmp` ran at every person's commit (661). Real `git commit`s through the
 * real hooks; an `aitrail` on PATH that notes each start.
 */
function setup(entry: (dir: string) => string) {
  const bin = join(tempDir('aitrail-cmp-path-'), 'bin');
  mkdirSync(bin);
  const log = join(bin, 'started');
  const marker = join(bin, 'pwned');
  writeFileSync(join(bin, 'aitrail'), `#!/bin/sh\n[ "$1" = hook ] && printf '%s\\n' "$2" >>'${log}'\nexec '${process.execPath}' '${BIN}' "$@"\n`);
  chmodSync(join(bin, 'aitrail'), 0o755);
  const repo = makeRepo();
  const evil = `#!/bin/sh\ntouch '${marker}'\nexit 0\n`;
  const dependencies = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`some-package-${i}`, `^${i}.2.3`]));
  repo.commit('start\n', {
    'a.txt': 'a\n',
    '.gitignore': 'node_modules\n',
    '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n',
    'package.json': `${JSON.stringify({ name: 'demo', version: '1.0.0', dependencies }, null, 2)}\n`,
    cmp: evil,
    'tools/cmp': evil,
  });
  chmodSync(join(repo.dir, 'cmp'), 0o755);
  chmodSync(join(repo.dir, 'tools', 'cmp'), 0o755);
  mkdirSync(join(repo.dir, 'node_modules', '.bin'), { recursive: true });
  writeFileSync(join(repo.dir, 'node_modules', '.bin', 'cmp'), evil, { mode: 0o755 });
  const env = { ...TEST_GIT_ENV, PATH: `${entry(repo.dir)}:${bin}:${process.env.PATH ?? ''}` };
  const init = spawnSync(process.execPath, [BIN, 'init', '--mode', 'git'], { cwd: repo.dir, env, encoding: 'utf8' });
  expect(init.status, init.stderr).toBe(0);
  let tick = 0;
  const commit = (message: string) => {
    writeFileSync(log, '');
    tick += 1;
    const result = spawnSync('git', ['commit', '-q', '--allow-empty', '-m', message], { cwd: repo.dir, env: { ...env, GIT_AUTHOR_DATE: `@${1780000000 + tick} +0000` }, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    return readFileSync(log, 'utf8').split('\n').filter(Boolean);
  };
  return { commit, marker };
}

describe('the fast path never runs a cmp of the work tree (session 43)', () => {
  it.each([
    ['husky\'s relative node_modules/.bin first', () => 'node_modules/.bin'],
    ['`.` first', () => '.'],
    ['an empty entry first', () => ''],
    ['a folder of the work tree, absolute', (dir: string) => join(dir, 'tools')],
  ])('%s: a person\'s commits run no repository cmp', (_, entry) => {
    const { commit, marker } = setup(entry);
    commit('A person\'s first commit');
    commit('A person\'s second commit');
    expect(existsSync(marker)).toBe(false);
  });

  it('a relative entry is passed over: PATH\'s cmp outside the work tree keeps the fast path (no node for a person\'s commit)', () => {
    const { commit, marker } = setup(() => 'node_modules/.bin');
    commit('A person\'s first commit');
    expect(commit('A person\'s second commit')).toEqual([]);
    expect(existsSync(marker)).toBe(false);
  });
});

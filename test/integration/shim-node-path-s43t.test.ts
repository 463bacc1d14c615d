import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { makeRepo, TEST_GIT_ENV, tempDir } from '../helpers/gitdir.js';
import { npmInstall } from '../helpers/pnpm.js';

/**
 * The shims start aitrail's `#!/usr/bin/env node` bin under `node`, found on PATH (src/install/shim-source.ts
 * clientLookup). `npm run`'s PATH puts the top's node_modules/.bin first (husky's hooks the relative one), and
 * `npm install --ignore-scripts` links a `file:` dependency's `"bin": {"node": …}` there from a folder the
 * repository commits: the repository's script ran as node at every agent commit and a denied model's commit
 * went in (662). Real npm, real git commits through the real hooks, a global aitrail on PATH.
 */
const GIT = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();

/**
 * A repository (deny qwen/*) whose committed `file:vendor/fake` package has a bin named `binName` that
 * writes `marker`, installed by `npm install --ignore-scripts`, hooks by `init`, a global aitrail on PATH.
 * `nodeLink`: the person's own node linked as node_modules/.bin/node too. `commit(first, model)` commits
 * through the hooks with `first` at the head of PATH; `gitByPath`: the person's git started by its path.
 */
function setup(binName: 'node' | 'git', { nodeLink = false, gitByPath = false } = {}) {
  const root = tempDir(`aitrail-${binName}-bin-`);
  const bin = join(root, 'bin');
  mkdirSync(bin);
  const marker = join(root, 'pwned');
  writeFileSync(join(bin, 'aitrail'), `#!/usr/bin/env node\nrequire(${JSON.stringify(BIN)});\n`, { mode: 0o755 });
  const repo = makeRepo({ dir: join(root, 'repo') });
  repo.commit('start\n', {
    '.gitignore': 'node_modules\n',
    'a.txt': 'a\n',
    '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n',
    'vendor/fake/package.json': `{"name":"fake","version":"1.0.0","bin":{"${binName}":"run.sh"}}\n`,
    'vendor/fake/run.sh': `#!/bin/sh\ntouch '${marker}'\nexit 0\n`,
    'package.json': '{"name":"app","version":"1.0.0","devDependencies":{"fake":"file:vendor/fake"}}\n',
  });
  chmodSync(join(repo.dir, 'vendor', 'fake', 'run.sh'), 0o755);
  npmInstall(repo.dir);
  expect(existsSync(join(repo.dir, 'node_modules', '.bin', binName))).toBe(true);
  if (nodeLink) symlinkSync(process.execPath, join(repo.dir, 'node_modules', '.bin', 'node'));
  const base = `${bin}:${process.env.PATH ?? ''}`;
  const init = spawnSync(process.execPath, [BIN, 'init', '--mode', 'git'], { cwd: repo.dir, env: { ...TEST_GIT_ENV, PATH: base }, encoding: 'utf8' });
  expect(init.status, init.stderr).toBe(0);
  const commit = (first: string, model: string) => {
    repo.write('a.txt', `${Math.random()}\n`);
    repo.git(['add', 'a.txt']);
    return spawnSync(gitByPath ? GIT : 'git', ['commit', '-q', '-m', 'AI change'], { cwd: repo.dir, env: { ...TEST_GIT_ENV, PATH: `${first}:${base}`, AITRAIL_MODEL: model }, encoding: 'utf8' });
  };
  return { repo, marker, commit };
}

const FIRST_ON_PATH = [
  ['npm run\'s absolute node_modules/.bin first', (dir: string) => join(dir, 'node_modules', '.bin')],
  ['husky\'s relative node_modules/.bin first', () => 'node_modules/.bin'],
] as const;

/** A denied model's commit refused, an allowed one recorded, the repository's script (marker) never run. */
function expectJudgedNeverRun({ repo, marker, commit }: ReturnType<typeof setup>, first: string): void {
  const denied = commit(first, 'qwen/qwen3-coder');
  expect(existsSync(marker), denied.stderr).toBe(false);
  expect(denied.status).not.toBe(0);
  expect(denied.stderr).toMatch(/qwen/);
  const allowed = commit(first, 'openai/gpt-5');
  expect(allowed.status, allowed.stderr).toBe(0);
  expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('unknown:openai/gpt-5');
  expect(existsSync(marker)).toBe(false);
}

describe('the node that runs aitrail is not the repository\'s (session 43)', () => {
  it.each(FIRST_ON_PATH)('%s: a denied model\'s commit is refused, an allowed one recorded, the repository\'s node never run', (_, first) => {
    const made = setup('node');
    expectJudgedNeverRun(made, first(made.repo.dir));
  });
});

/**
 * The shims run aitrail with PATH's first node that is not the repository's (662), under the cleaned PATH
 * (663, 665). A node the person keeps in node_modules/.bin (untracked, leading outside the work tree: a
 * registry `node` package's role) is not the repository's, but its folder also holds the bins of a `file:`
 * package the repository commits: put first on PATH, it made aitrail's own `git` the repository's script
 * (668). Real npm, real git commits through the real hooks, a global aitrail on PATH.
 */
describe('the chosen node\'s folder in the work tree is not put back on PATH (session 43)', () => {
  it.each(FIRST_ON_PATH)('%s: aitrail never runs the repository\'s git; a denied model refused, an allowed one recorded', (_, first) => {
    // The person's git by its path (a GUI, an IDE, a script naming it): only what the hooks run is looked at.
    const made = setup('git', { nodeLink: true, gitByPath: true });
    expectJudgedNeverRun(made, first(made.repo.dir));
  });
});

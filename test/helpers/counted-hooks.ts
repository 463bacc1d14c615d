import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { aitrail, BIN, nodeForHooks } from './cli.js';
import { makeRepo, TEST_GIT_ENV, tempDir } from './gitdir.js';

/**
 * A repository with the hooks `init` installs (`--mode git`, or husky's block when `mode` is husky)
 * and an `aitrail` on PATH that notes each hook it starts (rows 1034, s52k-*): `run` runs git there
 * and says which hooks started node.
 */
export function countedHooksRepo(mode: 'git' | 'husky' = 'git') {
  const bin = join(tempDir('aitrail-revert-counted-'), 'bin');
  mkdirSync(bin);
  const log = join(bin, 'started');
  writeFileSync(join(bin, 'aitrail'), `#!/bin/sh\n[ "$1" = hook ] && printf '%s\\n' "$2" >>'${log}'\nexec '${nodeForHooks()}' '${BIN}' "$@"\n`);
  chmodSync(join(bin, 'aitrail'), 0o755);
  const env = { ...TEST_GIT_ENV, PATH: `${bin}:${process.env.PATH ?? ''}`, GIT_AUTHOR_NAME: undefined, GIT_AUTHOR_EMAIL: undefined };
  const repo = makeRepo();
  // husky mode: the same lines run in husky's hook block, under its `sh -e`.
  if (mode === 'husky') repo.write('package.json', '{"name":"p","devDependencies":{"husky":"^9.1.7"}}\n');
  repo.commit('start\n', { 'a.txt': 'a\n' });
  const init = aitrail(repo.dir, ['init', ...(mode === 'git' ? ['--mode', 'git'] : [])], { env });
  expect(init.code, init.stderr).toBe(0);
  /** `cmd` (git's arguments, or `['sh', '-c', …]`) in the repository: its status, stderr and the hooks that started node. */
  const run = (args: string[], extra: NodeJS.ProcessEnv = {}, cmd = 'git') => {
    writeFileSync(log, '');
    const result = spawnSync(cmd, args, { cwd: repo.dir, env: { ...env, ...extra }, encoding: 'utf8' });
    return { status: result.status, stderr: result.stderr, started: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
  };
  return { repo, run, env };
}

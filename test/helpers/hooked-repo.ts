import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { aitrail, BIN } from './cli.js';
import { tryGit } from './enforce-repos.js';
import { makeRepo, TEST_GIT_ENV, tempDir, type TestRepo } from './gitdir.js';

/**
 * A repository with aitrail's hooks (`init --mode git`) and an `aitrail` on PATH that notes each
 * start in `started` (one line of its arguments) before running the built CLI, and a person's
 * commit on top (init stamped the config: the shims' fast path is in force from the first commit).
 */
export function hookedRepo(): { repo: TestRepo; env: NodeJS.ProcessEnv; started: string } {
  const repo = makeRepo();
  const bin = join(tempDir('aitrail-hooked-'), 'bin');
  mkdirSync(bin);
  const started = join(bin, '..', 'started');
  writeFileSync(started, '');
  writeFileSync(join(bin, 'aitrail'), `#!/bin/sh\nprintf '%s\\n' "$*" >>'${started}'\nexec '${process.execPath}' '${BIN}' "$@"\n`);
  chmodSync(join(bin, 'aitrail'), 0o755);
  const env = { ...TEST_GIT_ENV, PATH: `${bin}:${process.env.PATH ?? ''}` };
  repo.commit('start\n', { 'a.txt': 'a\n' });
  expect(aitrail(repo.dir, ['init', '--mode', 'git'], { env }).code).toBe(0);
  expect(tryGit(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'Human'], { env }).code).toBe(0);
  return { repo, env, started };
}

/** A hooked repository whose policy (deny qwen) is pushed to a bare origin; `setUp`: its environment with aitrail off. */
export function hookedWithOrigin(): { repo: TestRepo; env: NodeJS.ProcessEnv; setUp: NodeJS.ProcessEnv } {
  const { repo, env } = hookedRepo();
  const setUp = { ...env, AITRAIL: '0' };
  const remote = makeRepo({ bare: true });
  repo.git(['remote', 'add', 'origin', remote.dir]);
  repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' }, setUp);
  expect(tryGit(repo.dir, ['push', '-q', 'origin', 'main'], { env: setUp }).code).toBe(0);
  return { repo, env, setUp };
}

/** A husky-mode repository (aitrail's block in `.husky/<hook>`, from the real `aitrail init`), aitrail on husky's PATH, `deny: ["qwen/*"]`. */
export function huskyDenyQwen(): { repo: TestRepo; env: NodeJS.ProcessEnv; setUp: NodeJS.ProcessEnv } {
  const repo = makeRepo();
  const base = { ...TEST_GIT_ENV };
  repo.write('package.json', '{"name":"p","devDependencies":{"husky":"^9.1.7"}}\n');
  repo.commit('start\n', { 'a.txt': 'a\n' }, { ...base, AITRAIL: '0' });
  const init = spawnSync(process.execPath, [BIN, 'init'], { cwd: repo.dir, env: base, encoding: 'utf8' });
  expect(init.status, init.stderr).toBe(0);
  expect(repo.git(['config', 'core.hooksPath'])).toBe('.husky/_');
  const bin = tempDir('aitrail-bin-');
  writeFileSync(join(bin, 'aitrail'), `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`);
  chmodSync(join(bin, 'aitrail'), 0o755);
  const env = { ...base, PATH: `${bin}:${base.PATH ?? ''}` };
  repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' }, { ...env, AITRAIL: '0' });
  return { repo, env, setUp: { ...env, AITRAIL: '0' } };
}

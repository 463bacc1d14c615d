import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { aitrail, BIN, nodeForHooks } from './cli.js';
import { tryGit } from './enforce-repos.js';
import { keptForTheWorker, makeRepo, TEST_GIT_ENV, tempDir, type TestRepo } from './gitdir.js';

/** A directory `bin` holding an `aitrail` that notes each start (its arguments) in `started`, then runs the built CLI. */
export function countingBin(): { bin: string; started: string } {
  const bin = join(tempDir('aitrail-hooked-'), 'bin');
  mkdirSync(bin);
  const started = join(bin, '..', 'started');
  writeFileSync(started, '');
  writeFileSync(join(bin, 'aitrail'), `#!/bin/sh\nprintf '%s\\n' "$*" >>'${started}'\nexec '${nodeForHooks()}' '${BIN}' "$@"\n`);
  chmodSync(join(bin, 'aitrail'), 0o755);
  return { bin, started };
}

const originals = new Map<string, string>();
/**
 * A copy, work tree and .git, of the repository `build` makes (an `aitrail init` among its steps),
 * made once per test file and `key` (temporary directories go with the file): a test's set-up
 * without a node process for init each time (what init wrote naming the repository's path is
 * rewritten to the copy's by makeRepo's copyOf). The hooks find aitrail on PATH at each commit,
 * the fast-path stamp names the package, and the copy's files are newer than the package's folder,
 * as the stamp needs. `perWorker`: made once per worker instead, its directories kept until the worker
 * ends (gitdir.ts keptForTheWorker), for a set-up many files share and none changes (the original is
 * only ever copied).
 */
export function copiedRepo(key: string, build: () => TestRepo, options: { perWorker?: boolean } = {}): TestRepo {
  let original = originals.get(key);
  if (original === undefined || !existsSync(original)) {
    original = options.perWorker ? keptForTheWorker(() => build().dir) : build().dir;
    originals.set(key, original);
  }
  return makeRepo({ copyOf: original });
}

/**
 * A repository with aitrail's hooks (`init --mode git`) and an `aitrail` on PATH that notes each
 * start in `started` (one line of its arguments) before running the built CLI, and a person's
 * commit on top (init stamped the config: the shims' fast path is in force from the first commit).
 * The initialised original is made once per worker (copiedRepo's perWorker; ~91 files use it).
 */
export function hookedRepo(): { repo: TestRepo; env: NodeJS.ProcessEnv; started: string } {
  const repo = copiedRepo('hookedRepo', () => {
    const original = makeRepo();
    original.commit('start\n', { 'a.txt': 'a\n' });
    expect(aitrail(original.dir, ['init', '--mode', 'git'], { env: { ...TEST_GIT_ENV, PATH: `${countingBin().bin}:${process.env.PATH ?? ''}` } }).code).toBe(0);
    return original;
  }, { perWorker: true });
  const { bin, started } = countingBin();
  const env = { ...TEST_GIT_ENV, PATH: `${bin}:${process.env.PATH ?? ''}` };
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

let huskyEnv: NodeJS.ProcessEnv | undefined;
/**
 * A husky-mode repository (aitrail's block in `.husky/<hook>`, from the real `aitrail init`), aitrail on husky's PATH, `deny: ["qwen/*"]`.
 * Made once per worker and copied (copiedRepo's perWorker): init run once; its PATH's `aitrail` lives as long as that repository.
 */
export function huskyDenyQwen(): { repo: TestRepo; env: NodeJS.ProcessEnv; setUp: NodeJS.ProcessEnv } {
  const repo = copiedRepo('huskyDenyQwen', () => {
    const original = makeRepo();
    const base = { ...TEST_GIT_ENV };
    original.write('package.json', '{"name":"p","devDependencies":{"husky":"^9.1.7"}}\n');
    original.commit('start\n', { 'a.txt': 'a\n' }, { ...base, AITRAIL: '0' });
    const init = aitrail(original.dir, ['init'], { env: base });
    expect(init.code, init.stderr).toBe(0);
    expect(original.git(['config', 'core.hooksPath'])).toBe('.husky/_');
    const bin = tempDir('aitrail-bin-');
    writeFileSync(join(bin, 'aitrail'), `#!/bin/sh\nexec '${nodeForHooks()}' '${BIN}' "$@"\n`);
    chmodSync(join(bin, 'aitrail'), 0o755);
    huskyEnv = { ...base, PATH: `${bin}:${base.PATH ?? ''}` };
    original.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' }, { ...huskyEnv, AITRAIL: '0' });
    return original;
  }, { perWorker: true });
  const env = huskyEnv as NodeJS.ProcessEnv;
  return { repo, env, setUp: { ...env, AITRAIL: '0' } };
}

/** `content` written to f.txt and committed in `repo` with `env` (hooks run): the commit's sha. */
export function commitFile(repo: TestRepo, env: NodeJS.ProcessEnv, content: string, message: string): string {
  repo.write('f.txt', content);
  repo.git(['add', 'f.txt']);
  const made = tryGit(repo.dir, ['commit', '-q', '-m', message], { env });
  expect(made.code, made.stderr).toBe(0);
  return repo.git(['rev-parse', 'HEAD']);
}

/** A new side branch `name` (one commit on HEAD, made without hooks) merged with `git merge --no-ff` under `env` (its hooks run); `before`: git's options before `merge`. */
export function mergeNewSide(repo: TestRepo, name: string, env: NodeJS.ProcessEnv, before: readonly string[] = []): void {
  repo.git(['update-ref', `refs/heads/${name}`, repo.git(['commit-tree', '-p', 'HEAD', '-m', `Work on ${name}`, 'HEAD^{tree}'])]);
  const result = tryGit(repo.dir, [...before, 'merge', '-q', '--no-ff', '--no-edit', name], { env });
  expect(result.code, result.stderr).toBe(0);
}

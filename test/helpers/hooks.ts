import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { aitrail as runAitrail, BIN } from './cli.js';
import { TEST_GIT_ENV, tempDir } from './gitdir.js';

/** Helpers for tests that run hooks: `aitrail` on PATH as `npm i -g` would put it, git with that PATH. */
export { BIN };

/** A PATH whose first entry holds an `aitrail` that runs the built CLI, as `npm i -g` would. */
export function pathWithAitrail(): string {
  const dir = join(tempDir('aitrail-bin-'), 'bin');
  mkdirSync(dir);
  symlinkSync(BIN, join(dir, 'aitrail'));
  return `${dir}:${process.env.PATH ?? ''}`;
}

/** The test file's pathWithAitrail(): made again for the next file a worker runs, once its temporary directories are gone. */
let shared: { path: string; dir: string } | undefined;

/** Environment for hooks in tests: no agent markers, `aitrail` on PATH. */
export function hookEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  if (shared === undefined || !existsSync(shared.dir)) {
    const path = pathWithAitrail();
    shared = { path, dir: path.slice(0, path.indexOf(':')) };
  }
  return { ...TEST_GIT_ENV, PATH: shared.path, ...extra };
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run the CLI in `cwd` with the hook environment (`aitrail` on PATH). */
export function aitrail(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): RunResult {
  const { code, stdout, stderr } = runAitrail(cwd, args, { env: hookEnv(env) });
  return { status: code, stdout, stderr };
}

/** Run git in `cwd` with hook-friendly env; returns the full result (never throws). */
export function gitRun(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}, input = ''): RunResult {
  const result = spawnSync('git', args, { cwd, env: hookEnv(env), encoding: 'utf8', input });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The stored message of `rev`, byte for byte (from the raw commit object). */
export function messageOf(cwd: string, rev = 'HEAD'): string {
  const raw = execFileSync('git', ['cat-file', 'commit', rev], { cwd, env: TEST_GIT_ENV, encoding: 'utf8' });
  return raw.slice(raw.indexOf('\n\n') + 2);
}

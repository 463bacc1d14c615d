import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir, TEST_GIT_ENV } from './gitdir.js';

/** The built CLI (`npm test` builds first). */
export const BIN = fileURLToPath(new URL('../../bin/aitrail.js', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Run `aitrail <args>` in `cwd` as a user would, with the test git environment.
 * AITRAIL_TEST_COUNT=<file> (off by default): each run's command word appended there, one a line, to count a test file's CLI runs.
 */
export function aitrail(cwd: string, args: string[], options: { env?: NodeJS.ProcessEnv; input?: string; timeout?: number } = {}): CliResult {
  if (process.env.AITRAIL_TEST_COUNT) appendFileSync(process.env.AITRAIL_TEST_COUNT, `${args[0] ?? ''}\n`);
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...TEST_GIT_ENV, ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The test git environment with an `aitrail` on PATH that runs the built CLI, as `npm i -g aitrail`
 * leaves one: the hooks `aitrail init` installs find it there.
 */
export function envWithAitrailOnPath(): NodeJS.ProcessEnv {
  const bin = join(tempDir('aitrail-path-'), 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'aitrail'), `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`);
  chmodSync(join(bin, 'aitrail'), 0o755);
  return { ...TEST_GIT_ENV, PATH: `${bin}:${process.env.PATH ?? ''}` };
}

/** What `aitrail check --format json` prints, as far as the tests read it. */
export interface CheckJson {
  ok: boolean;
  violations: { sha: string; rule: string; model: string; severity: string }[];
}

/** `aitrail check <range> --format json` in `dir`: its exit code and parsed report. */
export function checkJson(dir: string, range = 'main..feature'): { code: number; json: CheckJson } {
  const result = aitrail(dir, ['check', range, '--format', 'json']);
  return { code: result.code, json: JSON.parse(result.stdout) as CheckJson };
}

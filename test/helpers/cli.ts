import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TEST_GIT_ENV } from './gitdir.js';

/** The built CLI (`npm test` builds first). */
export const BIN = fileURLToPath(new URL('../../bin/aitrail.js', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `aitrail <args>` in `cwd` as a user would, with the test git environment. */
export function aitrail(cwd: string, args: string[], options: { env?: NodeJS.ProcessEnv; input?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...TEST_GIT_ENV, ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

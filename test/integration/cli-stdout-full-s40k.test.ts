import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { makeRepo, TEST_GIT_ENV } from '../helpers/gitdir.js';

/** `aitrail <args>` with stdout a file every write to fails (ENOSPC): exit code and stderr. */
function toFullDevice(cwd: string, args: string[]): { code: number | null; stderr: string } {
  const full = openSync('/dev/full', 'w');
  try {
    const run = spawnSync(process.execPath, [BIN, ...args], { cwd, env: TEST_GIT_ENV, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
    return { code: run.status, stderr: run.stderr };
  } finally {
    closeSync(full);
  }
}

describe.skipIf(!existsSync('/dev/full'))('help and version written to a stdout that fails (a full disk)', () => {
  it('end as other commands do (exit 0, nothing on stderr), not in an uncaught exception printing the bundle', () => {
    const repo = makeRepo();
    for (const args of [['--version'], ['--help'], ['check', '--help'], ['status', '--version']]) {
      expect(toFullDevice(repo.dir, args), args.join(' ')).toEqual({ code: 0, stderr: '' });
    }
    // As a command's own output to it is dropped.
    expect(toFullDevice(repo.dir, ['log'])).toEqual({ code: 0, stderr: '' });
  });
});

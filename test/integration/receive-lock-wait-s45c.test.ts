import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_GIT_ENV, tempDir } from '../helpers/gitdir.js';
import { initServer, pushPastHeldLock } from '../helpers/receive-server.js';

/**
 * The server's reference-transaction shim (rows 559, 564, 586): how long a lock held by a live push
 * of this same repository is waited on before the update is refused. A minute, or
 * AITRAIL_RECEIVE_LOCK_WAIT seconds (1-999, the server's own environment); any other value keeps the minute.
 */
describe("aitrail's receive lock held by a live receive-pack of the same repository", () => {
  it.skipIf(process.platform !== 'linux')('is waited on AITRAIL_RECEIVE_LOCK_WAIT seconds, then refused: the holder left alone, nothing landed', async () => {
    const server = initServer();
    // Another push to this repository, alive (receive-pack waits for its client's commands in the repository).
    const holder = spawn('git', ['receive-pack', server.remote.dir], { env: TEST_GIT_ENV, stdio: ['pipe', 'ignore', 'ignore'] });
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const before = server.remote.git(['rev-parse', 'main']);
      const { push } = pushPastHeldLock({ ...server, env: { ...server.env, AITRAIL_RECEIVE_LOCK_WAIT: '1' } }, holder.pid as number, 'w');
      // Before: the variable was not read; the push waited the minute (64 s), then was refused.
      expect(push.code, push.stderr).not.toBe(0);
      expect(push.stderr).toContain(`another push (process ${holder.pid}) has held aitrail's lock`);
      expect(push.stderr).toContain('for 1 s, so this ref update cannot be checked');
      expect(server.remote.git(['rev-parse', 'main'])).toBe(before);
      expect(existsSync(join(server.remote.dir, 'aitrail', 'receive.lock', 'pid'))).toBe(true);
      expect(holder.exitCode).toBe(null);
    } finally {
      holder.kill();
    }
  }, 60_000);

  it.skipIf(process.platform !== 'linux')('any other value is not read as a number (never evaluated): the wait stays the minute', async () => {
    const server = initServer();
    const holder = spawn('git', ['receive-pack', server.remote.dir], { env: TEST_GIT_ENV, stdio: ['pipe', 'ignore', 'ignore'] });
    const marker = join(tempDir('aitrail-wait-'), 'evaluated');
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const lock = join(server.remote.dir, 'aitrail', 'receive.lock');
      mkdirSync(lock, { recursive: true });
      writeFileSync(join(lock, 'pid'), `${holder.pid}\n`);
      // What this process's pre-receive would have recorded (aitrail/receive/<its parent's id>): the shim below is its child.
      const record = join(server.remote.dir, 'aitrail', 'receive', String(process.pid));
      mkdirSync(record, { recursive: true });
      writeFileSync(join(record, 'notes'), '');
      const shim = join(server.remote.dir, 'hooks', 'reference-transaction');
      const values = ['0', '01', '1000', ' 1', '1 ', '-1', '1e1', '0x1', '1;1', `$(touch ${marker})`, `a[$(touch ${marker})]`, `x[\`touch ${marker}\`]`];
      // Each run of the shim as git runs it for a ref update (`prepared`), looked at after 2.5 s: a value taken as 1 s was refused by then.
      const runs = await Promise.all(
        values.map(
          (value) =>
            new Promise<{ value: string; code: number | null; stderr: string }>((resolve) => {
              const run = spawn('sh', [shim, 'prepared'], { cwd: server.remote.dir, env: { ...server.env, AITRAIL_RECEIVE_LOCK_WAIT: value }, detached: true, stdio: ['pipe', 'ignore', 'pipe'] });
              let stderr = '';
              run.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
              run.stdin.end('');
              const stop = setTimeout(() => process.kill(-(run.pid as number), 'SIGKILL'), 2_500);
              run.on('exit', (code) => {
                clearTimeout(stop);
                resolve({ value, code, stderr });
              });
            }),
        ),
      );
      for (const run of runs) expect(run, run.value).toEqual({ value: run.value, code: null, stderr: '' });
      expect(existsSync(marker)).toBe(false);
      expect(holder.exitCode).toBe(null);
    } finally {
      holder.kill();
    }
  }, 60_000);
});

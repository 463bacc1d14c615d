import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../helpers/gitdir.js';
import { initServer } from '../helpers/receive-server.js';

/**
 * The server's reference-transaction shim (rows 559, 564, 586, s42E-3) on a server with
 * no /proc at all (macOS, the BSDs: the shim asks kill -0 there). Replayed on Linux as root in a mount
 * and pid namespace of its own (`unshare --mount-proc`: the host's /proc is left as it is), the lock's
 * holder a live process of one ssh user (uid 1), the push's receive-pack another's (nobody).
 */
afterAll(removeTempDirs);

const NOBODY = 65534;
const canUnshare = process.platform === 'linux' && process.getuid?.() === 0 && spawnSync('unshare', ['-mpf', '--mount-proc', 'sh', '-c', 'mount -t tmpfs none /proc'], { timeout: 10_000 }).status === 0;

describe("aitrail's receive lock held by another user's live push, on a server without /proc (kill -0 is asked)", () => {
  it.skipIf(!canUnshare)('is waited on, then refused at the minute: never taken over as gone', () => {
    const { work, remote, env } = initServer();
    expect(spawnSync('chown', ['-R', `${NOBODY}:${NOBODY}`, remote.dir]).status).toBe(0);
    chmodSync(dirname(remote.dir), 0o755);
    chmodSync(dirname(env.PATH!.split(':')[0]!), 0o755);
    const lock = join(remote.dir, 'aitrail', 'receive.lock');
    mkdirSync(lock, { recursive: true });
    expect(spawnSync('chown', ['-R', `${NOBODY}:${NOBODY}`, join(remote.dir, 'aitrail')]).status).toBe(0);
    work.write('h.ts', 'export const h = 1;\n');
    work.git(['add', '-A']);
    work.git(['commit', '-q', '--no-verify', '-m', 'feat: h']);
    const script = [
      'mount -t tmpfs none /proc || exit 90',
      // The holder: another ssh user's push, alive (uid 1), its id in the lock as a push writes it.
      'setpriv --reuid=1 --regid=1 --clear-groups sleep 300 & h=$!',
      `echo "$h" >'${join(lock, 'pid')}'`,
      `chown -R ${NOBODY}:${NOBODY} '${lock}'`,
      `git push --receive-pack='setpriv --reuid=${NOBODY} --regid=${NOBODY} --clear-groups env TMPDIR=/tmp git-receive-pack' origin main; s=$?`,
      'kill "$h"',
      'exit "$s"',
    ].join('\n');
    writeFileSync(join(work.dir, '..', 'noproc-push.sh'), script);
    const push = spawnSync('unshare', ['-mpf', '--mount-proc', 'sh', join(work.dir, '..', 'noproc-push.sh')], { cwd: work.dir, env, encoding: 'utf8', timeout: 110_000 });
    // Before: kill -0 failed (not permitted) and read as gone: the lock was taken over at once and the push landed beside the live one.
    expect(push.status, push.stderr).not.toBe(0);
    expect(push.stderr).toContain("has held aitrail's lock");
    expect(spawnSync('git', ['-c', 'safe.directory=*', 'rev-parse', 'main'], { cwd: remote.dir, env, encoding: 'utf8' }).stdout.trim()).not.toBe(work.git(['rev-parse', 'HEAD']));
    expect(existsSync(lock)).toBe(true);
  }, 130_000);
});

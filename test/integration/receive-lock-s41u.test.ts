import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeRepo, removeTempDirs, TEST_GIT_ENV } from '../helpers/gitdir.js';
import { initServer, pushPastHeldLock } from '../helpers/receive-server.js';

/**
 * The server's reference-transaction shim (rows 559, 564) on a server whose `aitrail/` this user
 * cannot write, though its `aitrail/receive/` (the records) can: the lock cannot be made.
 * Run as root, the server's side runs as `nobody` (setpriv), as an ssh user would; real pushes.
 */
afterAll(removeTempDirs);

const NOBODY = 65534;
const root = process.getuid?.() === 0;

describe("the reference-transaction shim on a server that cannot make aitrail's lock", () => {
  it.skipIf(process.platform !== 'linux')('warns and judges on: the push lands at once (no endless wait)', () => {
    const { work, remote, env } = initServer();
    const aitrailDir = join(remote.dir, 'aitrail');
    mkdirSync(join(aitrailDir, 'receive'), { recursive: true });
    const receivePack: string[] = [];
    if (root) {
      // The server's receive-pack as an unprivileged user (root writes through any mode).
      expect(spawnSync('chown', ['-R', `${NOBODY}:${NOBODY}`, remote.dir]).status).toBe(0);
      chmodSync(dirname(remote.dir), 0o755);
      chmodSync(dirname(env.PATH!.split(':')[0]!), 0o755);
      receivePack.push(`--receive-pack=setpriv --reuid=${NOBODY} --regid=${NOBODY} --clear-groups env TMPDIR=/tmp git-receive-pack`);
    }
    chmodSync(join(aitrailDir, 'receive'), 0o777);
    chmodSync(aitrailDir, 0o555);
    work.write('l.ts', 'export const l = 1;\n');
    work.git(['add', '-A']);
    work.git(['commit', '-q', '--no-verify', '-m', 'feat: l']);
    // The wait allowed a live holder is a second (AITRAIL_RECEIVE_LOCK_WAIT=1): a push that waited is refused, not slow.
    // The timeout guards a hang only (a push here takes ~N s of an idle machine): never a bound a loaded one reaches.
    const push = spawnSync('git', ['push', ...receivePack, 'origin', 'main'], { cwd: work.dir, env: { ...env, AITRAIL_RECEIVE_LOCK_WAIT: '1' }, encoding: 'utf8', timeout: 150_000 });
    chmodSync(aitrailDir, 0o755);
    // Before: mkdir failed with no lock there, no id to read; after 10 s the shim "took over" the
    // lock (rm -rf of nothing) and `continue`d, past the minute's refusal: it spun for ever (killed by the timeout: status null).
    expect(push.signal, push.stderr).toBeNull();
    expect(push.status, push.stderr).toBe(0);
    expect(push.stderr).toContain("cannot make aitrail's lock");
    expect(spawnSync('git', ['-c', 'safe.directory=*', 'rev-parse', 'main'], { cwd: remote.dir, env, encoding: 'utf8' }).stdout.trim()).toBe(work.git(['rev-parse', 'HEAD']));
    expect(existsSync(join(aitrailDir, 'receive.lock'))).toBe(false);
  }, 300_000);
});

describe("the lock of a push killed holding it, its id now another repository's receive-pack (row 564)", () => {
  it.skipIf(process.platform !== 'linux')('is taken over at once: the push lands', async () => {
    const server = initServer();
    const { work, remote } = server;
    // A live receive-pack of another repository on the same server (it waits for its client's commands).
    const other = makeRepo({ bare: true });
    const holder = spawn('git', ['receive-pack', other.dir], { env: TEST_GIT_ENV, stdio: ['pipe', 'ignore', 'ignore'] });
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const { push } = pushPastHeldLock(server, holder.pid as number, 'o');
      // Before: a receive-pack, alive, so waited on for a minute (here the second pushPastHeldLock allows), then `ref updates aborted by hook`.
      expect(push.stderr).not.toContain("has held aitrail's lock");
      expect(push.code, push.stderr).toBe(0);
      expect(remote.git(['rev-parse', 'main'])).toBe(work.git(['rev-parse', 'HEAD']));
    } finally {
      holder.kill();
    }
  }, 120_000);
});

import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../helpers/gitdir.js';
import { canHideProc, pushAgainstLiveLockHidden } from '../helpers/receive-server.js';

/**
 * The server's reference-transaction shim (rows 559, 564, 586, 599) on a server with
 * no /proc at all (macOS, the BSDs: the shim asks kill -0 there). Replayed on Linux as root in a mount
 * and pid namespace of its own (`unshare --mount-proc`: the host's /proc is left as it is), the lock's
 * holder a live process of one ssh user (uid 1), the push's receive-pack another's (nobody).
 */
afterAll(removeTempDirs);

const HIDE_PROC = 'mount -t tmpfs none /proc';
const canUnshare = canHideProc(HIDE_PROC);

describe("aitrail's receive lock held by another user's live push, on a server without /proc (kill -0 is asked)", () => {
  // The server's wait set to 2 s (AITRAIL_RECEIVE_LOCK_WAIT, the minute's own loop: receive-lock-wait-s45c): a minute's sleep spared.
  it.skipIf(!canUnshare)('is waited on, then refused at the end of the wait: never taken over as gone', () => {
    const { push, remoteMain, pushed, lock } = pushAgainstLiveLockHidden(HIDE_PROC, 'noproc', 2);
    // Before: kill -0 failed (not permitted) and read as gone: the lock was taken over at once and the push landed beside the live one (in ~2 s).
    expect(push.status, push.stderr).not.toBe(0);
    expect(push.stderr).toContain("has held aitrail's lock");
    expect(push.stderr).toContain('for 2 s, so this ref update cannot be checked');
    expect(remoteMain).not.toBe(pushed);
    expect(existsSync(lock)).toBe(true);
  }, 60_000);
});

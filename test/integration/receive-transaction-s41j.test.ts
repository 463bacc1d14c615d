import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { removeTempDirs, tempDir, TEST_GIT_ENV } from '../helpers/gitdir.js';
import { holdingDispatcher, initServer, pushLater, pushPastHeldLock } from '../helpers/receive-server.js';
import { qwenNote } from '../helpers/qwen-code-notes.js';

/**
 * The server's reference-transaction shim (row 559), as `aitrail init` installs it in a bare
 * repository, aitrail on the PATH, real pushes: honest pushes it must not hold up.
 */
afterAll(removeTempDirs);

describe('the reference-transaction shim and honest pushes (row 561)', () => {
  it('a push deleting a branch the server packed (gc, pack-refs) lands at once', () => {
    const { work, remote, env } = initServer();
    work.git(['checkout', '-q', '-b', 'feature']);
    work.write('f.ts', 'export const f = 1;\n');
    work.git(['add', '-A']);
    work.git(['commit', '-q', '--no-verify', '-m', 'feat: f']);
    const push = tryGit(work.dir, ['push', 'origin', 'feature'], { env });
    expect(push.code, push.stderr).toBe(0);
    remote.git(['pack-refs', '--all']);
    // The wait for a live holder a second (AITRAIL_RECEIVE_LOCK_WAIT=1): a push that waits is refused, whatever the machine's load.
    const deleted = tryGit(work.dir, ['push', 'origin', '--delete', 'feature'], { env: { ...env, AITRAIL_RECEIVE_LOCK_WAIT: '1' } });
    // Before: the shim waited on its own lock (git runs it for the packed-refs transaction inside
    // the deletion's, with the same parent) for a minute (here a second), then refused.
    expect(deleted.stderr).not.toContain("has held aitrail's lock");
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(tryGit(remote.dir, ['rev-parse', '--verify', '--quiet', 'refs/heads/feature']).stdout).toBe('');
    expect(existsSync(join(remote.dir, 'aitrail', 'receive.lock'))).toBe(false);
  }, 120_000);
});

describe("a server's own pre-receive that runs aitrail's (row 562)", () => {
  it('a commit push held in a dispatcher while a Qwen Code note of it lands is judged again: refused', async () => {
    const { work, remote, env } = initServer();
    // The admin's dispatcher: runs aitrail's installed shim as one of its hooks, then, when the test left `hold`, waits for `go`.
    const gate = holdingDispatcher(remote.dir);
    const before = remote.git(['rev-parse', 'main']);
    work.write('q.ts', 'export const q = 1;\n');
    work.git(['add', '-A']);
    work.git(['commit', '-q', '--no-verify', '-m', 'feat: q']);
    qwenNote(work, work.git(['rev-parse', 'HEAD']), 'Qwen-Coder', ['q.ts']);
    writeFileSync(join(gate, 'hold'), '');
    const first = pushLater(work.dir, env, ['origin', 'main']);
    for (let waited = 0; !existsSync(join(gate, 'held')); waited += 1) {
      if (waited > 1200) throw new Error('the first push never reached its pre-receive');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const notes = tryGit(work.dir, ['push', 'origin', 'refs/notes/ai-attribution'], { env });
    expect(notes.code, notes.stderr).toBe(0);
    writeFileSync(join(gate, 'go'), '');
    const push = await first;
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain('Qwen');
    expect(push.stderr).toContain('another push changed the AI notes');
    expect(remote.git(['rev-parse', 'main'])).toBe(before);
    expect(existsSync(join(remote.dir, 'aitrail', 'receive.lock'))).toBe(false);
  }, 120_000);
});

describe('a record a push left, its id reused by a git process that is no push (row 563)', () => {
  it("an admin's git update-ref in the bare repository is not judged as that push again", () => {
    const { work, remote, env } = initServer();
    work.write('q.ts', 'export const q = 1;\n');
    work.git(['add', '-A']);
    work.git(['commit', '-q', '--no-verify', '-m', 'feat: q']);
    const sha = work.git(['rev-parse', 'HEAD']);
    const push = tryGit(work.dir, ['push', 'origin', 'main'], { env });
    expect(push.code, push.stderr).toBe(0);
    const left = readdirSync(join(remote.dir, 'aitrail', 'receive'));
    expect(left).toHaveLength(1);
    // The admin, on the server, adds a Qwen Code note by hand (no push: nothing judges it).
    qwenNote(remote, sha, 'Qwen-Coder', ['q.ts']);
    // Later a git process of the admin's is given the id that push's receive-pack had (made
    // certain here: the record is copied to the id of the shell that then becomes git).
    const record = join('aitrail', 'receive', left[0] as string);
    const admin = spawnSync('sh', ['-c', `cp -R '${record}' "aitrail/receive/$$" && exec git update-ref refs/heads/release main`], { cwd: remote.dir, env, encoding: 'utf8' });
    // Before: the shim found "its" record, the notes moved since, and judged that old push again: refused.
    expect(admin.status, admin.stderr).toBe(0);
    expect(admin.stderr).not.toContain('push rejected');
    expect(remote.git(['rev-parse', 'release'])).toBe(sha);
    expect(existsSync(join(remote.dir, 'aitrail', 'receive.lock'))).toBe(false);
  }, 120_000);
});

describe('a lock that names a live process that is no push (row 564)', () => {
  it('is taken over at once: the push lands', () => {
    const server = initServer();
    const { work, remote } = server;
    // A push killed holding the lock, its id given since to a process that runs on.
    const other = spawn('sleep', ['120']);
    try {
      const { push } = pushPastHeldLock(server, other.pid as number, 'l');
      // Before: a minute of waiting on it (here the second pushPastHeldLock allows), then `has held aitrail's lock`, refused.
      expect(push.stderr).not.toContain("has held aitrail's lock");
      expect(push.code, push.stderr).toBe(0);
      expect(remote.git(['rev-parse', 'main'])).toBe(work.git(['rev-parse', 'HEAD']));
      expect(existsSync(join(remote.dir, 'aitrail', 'receive.lock'))).toBe(false);
    } finally {
      other.kill();
    }
  }, 120_000);
});

describe("a push's own notes update, then its other refs (row 565)", () => {
  it('a notes ref and several branches pushed together (not atomic) start no node for the branches', () => {
    const { work, remote } = initServer();
    // aitrail on the PATH, noting each start.
    const dir = tempDir('aitrail-starts-');
    const log = join(dir, 'starts');
    writeFileSync(log, '');
    writeFileSync(join(dir, 'aitrail'), `#!/bin/sh\necho "$*" >>'${log}'\nexec '${process.execPath}' '${BIN}' "$@"\n`);
    chmodSync(join(dir, 'aitrail'), 0o755);
    const env = { ...TEST_GIT_ENV, PATH: `${dir}:${process.env.PATH ?? ''}` };
    work.write('n.ts', 'export const n = 1;\n');
    work.git(['add', '-A']);
    work.git(['commit', '-q', '--no-verify', '-m', 'feat: n']);
    work.git(['notes', '--ref=ai', 'add', '-m', 'a person wrote this', 'HEAD']);
    const branches = ['b1', 'b2', 'b3', 'b4', 'b5'];
    for (const branch of branches) work.git(['branch', branch]);
    // The notes ref first: each branch's update comes after the push's own notes update landed.
    const push = tryGit(work.dir, ['push', 'origin', 'refs/notes/ai', ...branches], { env });
    expect(push.code, push.stderr).toBe(0);
    expect(remote.git(['rev-parse', 'b5'])).toBe(work.git(['rev-parse', 'HEAD']));
    const starts = readFileSync(log, 'utf8').split('\n').filter((line) => line.startsWith('hook reference-transaction'));
    // Before: one node start per branch (the notes "moved", by this push's own hand).
    expect(starts).toEqual([]);
  }, 120_000);
});

import { chmodSync, copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { envWithAitrailOnPath } from '../helpers/cli.js';
import { policyServer, tryGit } from '../helpers/enforce-repos.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { tempDir, type TestRepo } from '../helpers/gitdir.js';
import { packOf, pushLater, sendCommands } from '../helpers/receive-pack-client.js';

// An honest push of a branch and its notes, racing another push that moved the server's notes:
// git refuses the notes update (its old value is stale) and, the push not atomic, lands the rest.
// 688 refused the whole push; the branch is now judged by the server's notes, as if pushed without
// its own, and lands; the notes are pushed again after `git notes merge`.

const SHIM = fileURLToPath(new URL('../../hooks/reference-transaction', import.meta.url));

/** A commit by hand (no trailer) of two lines, not pushed. */
function personCommit(work: TestRepo, name: string): string {
  work.write(`${name}.ts`, 'export const a = 1;\nexport const b = 2;\n');
  work.git(['add', '-A']);
  work.git(['commit', '-q', '--no-verify', '-m', `feat: ${name}`]);
  return work.git(['rev-parse', 'HEAD']);
}

/** The server holding main at a commit by hand with a Claude note (N1), then another clone's notes on top (Z): the work clone's notes still at N1. */
function movedNotes() {
  const server = policyServer('policy:\n  deny: ["qwen/*"]\n');
  const { work, base } = server;
  const first = personCommit(work, 'p');
  const pushed = tryGit(work.dir, ['push', 'origin', 'main']);
  expect(pushed.code, pushed.stderr).toBe(0);
  addNote(work, first, gitAiNote({ 'p.ts': [session(NOTE_KEYS.claude, '1-1')] }));
  const n1 = work.git(['rev-parse', 'refs/notes/ai']);
  const notes = tryGit(work.dir, ['push', 'origin', 'refs/notes/ai']);
  expect(notes.code, notes.stderr).toBe(0);
  work.git(['update-ref', 'refs/notes/other', n1]);
  addNote(work, base, gitAiNote({ '.aitrailrc.yml': [session(NOTE_KEYS.claude, '1-1')] }), 'other');
  const z = work.git(['rev-parse', 'refs/notes/other']);
  return { ...server, first, n1, z };
}

describe('721: an honest push whose notes update another push made stale', () => {
  it('a stale old value for refs/notes/ai (a hand-made client, or a race before pre-receive): the branch lands judged by the server\'s notes, the notes update alone refused', () => {
    const { remote, work, first, n1, z } = movedNotes();
    const other = tryGit(work.dir, ['push', 'origin', 'refs/notes/other:refs/notes/ai']);
    expect(other.code, other.stderr).toBe(0);
    const sha = personCommit(work, 'q');
    addNote(work, sha, gitAiNote({ 'q.ts': [session(NOTE_KEYS.claude, '1-2')] }));
    const mine = work.git(['rev-parse', 'refs/notes/ai']);
    const report = sendCommands(remote.dir, [`${first} ${sha} refs/heads/main`, `${n1} ${mine} refs/notes/ai`], packOf(work.dir, [sha, mine, `^${first}`, `^${n1}`]));
    // Before: the whole push refused (688), the branch with it.
    expect(report).toContain('ok refs/heads/main');
    expect(report).toMatch(/ng refs\/notes\/ai/);
    expect(remote.git(['rev-parse', 'refs/heads/main'])).toBe(sha);
    expect(remote.git(['rev-parse', 'refs/notes/ai'])).toBe(z);
  });

  it("git's own clients racing, the server's reference-transaction shim judging again: the branch lands, git refuses the notes", async () => {
    const { remote, work, z } = movedNotes();
    const env = envWithAitrailOnPath();
    const gate = tempDir('aitrail-race-gate-');
    writeFileSync(join(remote.dir, 'hooks', 'pre-receive'), `#!/bin/sh\nAITRAIL_RECEIVE_PID=$PPID aitrail hook pre-receive || exit $?\nif [ -f "${gate}/hold" ]; then rm -f "${gate}/hold"; : >"${gate}/held"; while [ ! -f "${gate}/go" ]; do sleep 0.05; done; fi\nexit 0\n`);
    chmodSync(join(remote.dir, 'hooks', 'pre-receive'), 0o755);
    copyFileSync(SHIM, join(remote.dir, 'hooks', 'reference-transaction'));
    chmodSync(join(remote.dir, 'hooks', 'reference-transaction'), 0o755);
    const sha = personCommit(work, 'r');
    addNote(work, sha, gitAiNote({ 'r.ts': [session(NOTE_KEYS.claude, '1-2')] }));
    writeFileSync(join(gate, 'hold'), '');
    const pending = pushLater(work.dir, ['origin', 'main', 'refs/notes/ai'], env);
    for (let waited = 0; !existsSync(join(gate, 'held')); waited += 1) {
      if (waited > 1200) throw new Error('the first push never reached its pre-receive');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Another clone's notes (a note of a commit already on the server) land while the first push waits.
    const other = tryGit(work.dir, ['push', 'origin', 'refs/notes/other:refs/notes/ai'], { env });
    expect(other.code, other.stderr).toBe(0);
    writeFileSync(join(gate, 'go'), '');
    const push = await pending;
    expect(push.code).not.toBe(0);
    // Before: refused when judged again, main kept at its old commit.
    expect(remote.git(['rev-parse', 'refs/heads/main'])).toBe(sha);
    expect(remote.git(['rev-parse', 'refs/notes/ai'])).toBe(z);
    expect(push.stderr).toContain('git notes merge');
  });
});

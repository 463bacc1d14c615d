import { chmodSync, copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { aitrail, envWithAitrailOnPath } from '../helpers/cli.js';
import { policyServer, tryGit } from '../helpers/enforce-repos.js';
import { packOf, pushLater, sendCommands } from '../helpers/receive-pack-client.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { tempDir, type TestRepo } from '../helpers/gitdir.js';
import { qwenNote, QWEN_NOTES } from '../helpers/qwen-code-notes.js';

// Every judgement of a push that moves refs/notes/ai (or Qwen Code's refs/notes/ai-attribution)
// reads the notes it brings, not the server's. git lands that notes update only if the ref is still
// at the old value sent; when it is not, git refuses the notes and lands the push's other refs (not
// atomic): its commits landed judged by notes that never landed, beside the server's, which stay.

const ZERO = '0'.repeat(40);

/** A person-looking commit (no trailer) of two lines, not pushed. */
function personCommit(work: TestRepo, name: string): string {
  work.write(`${name}.ts`, 'export const a = 1;\nexport const b = 2;\n');
  work.git(['add', '-A']);
  work.git(['commit', '-q', '--no-verify', '-m', `feat: ${name}`]);
  return work.git(['rev-parse', 'HEAD']);
}

const SHIM = fileURLToPath(new URL('../../hooks/reference-transaction', import.meta.url));

describe('a push judged by notes of its own that git will not land (s44w)', () => {
  for (const shim of [false, true]) {
    it(`a Qwen note waiting on the server, the commit pushed beside notes sent as a create of the existing ref: refused${shim ? ' (aitrail init: reference-transaction too)' : ''}`, () => {
      const { remote, work, base } = policyServer('policy:\n  deny: ["qwen/*"]\n');
      const env = shim ? envWithAitrailOnPath() : {};
      if (shim) expect(aitrail(remote.dir, ['init'], { env }).code).toBe(0);
      const sha = personCommit(work, 'p');
      // The Qwen note goes first: its commit is not on the server, so it waits for it (row 17).
      addNote(work, sha, gitAiNote({ 'p.ts': [session(NOTE_KEYS.qwen, '1-2')] }));
      const qwen = work.git(['rev-parse', 'refs/notes/ai']);
      const notesPush = tryGit(work.dir, ['push', '--no-verify', 'origin', 'refs/notes/ai'], { env });
      expect(notesPush.code, notesPush.stderr).toBe(0);
      expect(remote.git(['rev-parse', 'refs/notes/ai'])).toBe(qwen);
      // Notes of another history saying Claude wrote the lines, sent as a CREATE of refs/notes/ai: git refuses that update (the ref exists), after pre-receive.
      addNote(work, sha, gitAiNote({ 'p.ts': [session(NOTE_KEYS.claude, '1-2')] }), 'decoy');
      const decoy = work.git(['rev-parse', 'refs/notes/decoy']);
      const report = sendCommands(remote.dir, [`${base} ${sha} refs/heads/main`, `${ZERO} ${decoy} refs/notes/ai`], packOf(work.dir, [sha, decoy, `^${base}`]), env);
      // Before: `ok refs/heads/main`: the commit landed beside the Qwen note that waited for it, judged by the decoy notes only.
      expect(report).not.toContain('ok refs/heads/main');
      expect(remote.git(['rev-parse', 'refs/heads/main'])).toBe(base);
      expect(remote.git(['rev-parse', 'refs/notes/ai'])).toBe(qwen);
    });
  }

  it("the same through Qwen Code's refs/notes/ai-attribution: refused", () => {
    const { remote, work, base } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    const sha = personCommit(work, 'q');
    qwenNote(work, sha, 'Qwen-Coder', ['q.ts']);
    const qwen = work.git(['rev-parse', QWEN_NOTES]);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', QWEN_NOTES]).code).toBe(0);
    // A note of no Qwen shape (it adds nothing), in notes of another history, sent as a create of the existing ref.
    work.git(['notes', '--ref=refs/notes/decoy', 'add', '-m', 'reviewed', sha]);
    const decoy = work.git(['rev-parse', 'refs/notes/decoy']);
    const report = sendCommands(remote.dir, [`${base} ${sha} refs/heads/main`, `${ZERO} ${decoy} ${QWEN_NOTES}`], packOf(work.dir, [sha, decoy, `^${base}`]));
    expect(report).not.toContain('ok refs/heads/main');
    expect(remote.git(['rev-parse', 'refs/heads/main'])).toBe(base);
    expect(remote.git(['rev-parse', QWEN_NOTES])).toBe(qwen);
  });

  it("git's own clients racing (row 559): a commit pushed with its notes, another push's Qwen note of it landing before its refs: refused when judged again", async () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    const env = envWithAitrailOnPath();
    const gate = tempDir('aitrail-race-gate-');
    // aitrail's pre-receive, then a wait for the test (as receive-race-s41l); aitrail's real reference-transaction shim.
    writeFileSync(join(remote.dir, 'hooks', 'pre-receive'), `#!/bin/sh\nAITRAIL_RECEIVE_PID=$PPID aitrail hook pre-receive || exit $?\nif [ -f "${gate}/hold" ]; then rm -f "${gate}/hold"; : >"${gate}/held"; while [ ! -f "${gate}/go" ]; do sleep 0.05; done; fi\nexit 0\n`);
    chmodSync(join(remote.dir, 'hooks', 'pre-receive'), 0o755);
    copyFileSync(SHIM, join(remote.dir, 'hooks', 'reference-transaction'));
    chmodSync(join(remote.dir, 'hooks', 'reference-transaction'), 0o755);
    const before = remote.git(['rev-parse', 'refs/heads/main']);
    const sha = personCommit(work, 'r');
    addNote(work, sha, gitAiNote({ 'r.ts': [session(NOTE_KEYS.claude, '1-2')] }));
    addNote(work, sha, gitAiNote({ 'r.ts': [session(NOTE_KEYS.qwen, '1-2')] }), 'other');
    const qwen = work.git(['rev-parse', 'refs/notes/other']);
    writeFileSync(join(gate, 'hold'), '');
    const pending = pushLater(work.dir, ['origin', 'main', 'refs/notes/ai'], env);
    for (let waited = 0; !existsSync(join(gate, 'held')); waited += 1) {
      if (waited > 1200) throw new Error('the first push never reached its pre-receive');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Another clone's notes: the Qwen note of the commit still in the first push's quarantine waits for it (row 17), and lands.
    const other = tryGit(work.dir, ['push', 'origin', 'refs/notes/other:refs/notes/ai'], { env });
    expect(other.code, other.stderr).toBe(0);
    writeFileSync(join(gate, 'go'), '');
    const push = await pending;
    // Before: main landed (judged again by its own Claude note), refs/notes/ai refused by git: the commit on main with Qwen's note.
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain('refs/notes/ai');
    expect(remote.git(['rev-parse', 'refs/heads/main'])).toBe(before);
    expect(remote.git(['rev-parse', 'refs/notes/ai'])).toBe(qwen);
  });
});

import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envWithAitrailOnPath } from '../helpers/cli.js';
import { policyServer, tryGit } from '../helpers/enforce-repos.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { tempDir, type TestRepo } from '../helpers/gitdir.js';
import { packOf, sendCommands } from '../helpers/receive-pack-client.js';

// 721 leaves a stale notes update (its old value not the server's) out of the judgement. Its
// pusher can make it land all the same, with no one's help: a second push of its own moves the
// server's notes back to the old value sent while the first push's pre-receive runs (the rewind
// takes away only a note of a commit the server lacks: accepted). No reference-transaction shim.

/** A commit by hand (no trailer), not pushed. */
function personCommit(work: TestRepo, name: string): string {
  work.write(`${name}.ts`, 'export const a = 1;\nexport const b = 2;\n');
  work.git(['add', '-A']);
  work.git(['commit', '-q', '--no-verify', '-m', `feat: ${name}`]);
  return work.git(['rev-parse', 'HEAD']);
}

/**
 * The server (pre-receive only) holding main at `held`, its Claude note in refs/notes/ai at `s`;
 * then the pusher's notes `b` (`s` and a note of a commit the server never gets) pushed. Its
 * pre-receive: aitrail's, then once (a file `rewind` in `gate`) the pusher's second push, moving
 * the server's notes back from `b` to `s` (`git push --force`, judged by aitrail's pre-receive).
 */
function rewindServer() {
  const server = policyServer('policy:\n  deny: ["qwen/*"]\n');
  const { work, remote } = server;
  const held = personCommit(work, 'p');
  expect(tryGit(work.dir, ['push', 'origin', 'main']).code).toBe(0);
  addNote(work, held, gitAiNote({ 'p.ts': [session(NOTE_KEYS.claude, '1-2')] }));
  const s = work.git(['rev-parse', 'refs/notes/ai']);
  expect(tryGit(work.dir, ['push', 'origin', 'refs/notes/ai']).code).toBe(0);
  work.git(['checkout', '-q', '-b', 'never']);
  const never = personCommit(work, 'never');
  work.git(['checkout', '-q', 'main']);
  addNote(work, never, gitAiNote({ 'never.ts': [session(NOTE_KEYS.claude, '1-1')] }));
  const b = work.git(['rev-parse', 'refs/notes/ai']);
  const env = envWithAitrailOnPath();
  expect(tryGit(work.dir, ['push', 'origin', 'refs/notes/ai'], { env }).code).toBe(0);
  expect(remote.git(['rev-parse', 'refs/notes/ai'])).toBe(b);
  const gate = tempDir('aitrail-rewind-');
  const clean = 'env -u GIT_DIR -u GIT_QUARANTINE_PATH -u GIT_OBJECT_DIRECTORY -u GIT_ALTERNATE_OBJECT_DIRECTORIES -u GIT_PUSH_OPTION_COUNT -u GIT_PROTOCOL';
  writeFileSync(
    join(remote.dir, 'hooks', 'pre-receive'),
    `#!/bin/sh\naitrail hook pre-receive || exit $?\nif [ -f "${gate}/rewind" ]; then rm -f "${gate}/rewind"; ${clean} git -C "${work.dir}" push -q --force origin ${s}:refs/notes/ai >"${gate}/rewound" 2>&1 || echo "failed $?" >>"${gate}/rewound"; fi\nexit 0\n`,
  );
  chmodSync(join(remote.dir, 'hooks', 'pre-receive'), 0o755);
  return { ...server, held, s, b, gate, env };
}

describe("743: a stale notes update its pusher lands by rewinding the server's notes with a second push", () => {
  it("notes taking away the Claude note of a commit the server holds: refused, as they would be when not stale", () => {
    const { remote, work, held, s, b, gate, env } = rewindServer();
    // The pusher's notes: the server's `s` with the held commit's note removed.
    work.git(['update-ref', 'refs/notes/ai', s]);
    work.git(['notes', '--ref', 'ai', 'remove', held]);
    const taking = work.git(['rev-parse', 'refs/notes/ai']);
    writeFileSync(join(gate, 'rewind'), '');
    const report = sendCommands(remote.dir, [`${s} ${taking} refs/notes/ai`], packOf(work.dir, [taking, `^${s}`]), env);
    // Before: pre-receive left the update out, the rewind landed, then the update: the note gone.
    expect(report).not.toMatch(/ok refs\/notes\/ai/);
    expect(remote.git(['notes', '--ref', 'ai', 'list'])).toContain(held);
    expect([s, b]).toContain(remote.git(['rev-parse', 'refs/notes/ai']));
    expect(existsSync(join(gate, 'rewind'))).toBe(true);
  });

  it("a commit by hand beside stale notes giving its lines to Qwen (row 559's goal): refused, judged by the notes it brings too", () => {
    const { remote, work, held, s, gate, env } = rewindServer();
    work.git(['update-ref', 'refs/notes/ai', s]);
    const sha = personCommit(work, 'c');
    addNote(work, sha, gitAiNote({ 'c.ts': [session(NOTE_KEYS.qwen, '1-2')] }));
    const qwenNotes = work.git(['rev-parse', 'refs/notes/ai']);
    writeFileSync(join(gate, 'rewind'), '');
    const report = sendCommands(remote.dir, [`${held} ${sha} refs/heads/main`, `${s} ${qwenNotes} refs/notes/ai`], packOf(work.dir, [sha, qwenNotes, `^${held}`, `^${s}`]), env);
    // Before: main judged by the server's notes (none of it), the rewind landed, then the Qwen note beside it.
    expect(report).not.toContain('ok refs/heads/main');
    expect(remote.git(['rev-parse', 'refs/heads/main'])).toBe(held);
  });

  it('the honest stale push (notes that only add) still lands its branch, its notes refused by git', () => {
    const { remote, work, held, s, b, env } = rewindServer();
    work.git(['update-ref', 'refs/notes/ai', s]);
    const sha = personCommit(work, 'q');
    addNote(work, sha, gitAiNote({ 'q.ts': [session(NOTE_KEYS.claude, '1-2')] }));
    const mine = work.git(['rev-parse', 'refs/notes/ai']);
    const report = sendCommands(remote.dir, [`${held} ${sha} refs/heads/main`, `${s} ${mine} refs/notes/ai`], packOf(work.dir, [sha, mine, `^${held}`, `^${s}`]), env);
    expect(report).toContain('ok refs/heads/main');
    expect(report).toMatch(/ng refs\/notes\/ai/);
    expect(remote.git(['rev-parse', 'refs/notes/ai'])).toBe(b);
  });
});

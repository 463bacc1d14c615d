import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { policyServer, tryGit } from '../helpers/enforce-repos.js';
import { TEST_GIT_ENV } from '../helpers/gitdir.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';

const ZERO = '0'.repeat(40);

/** A pkt-line of git's protocol. */
const pkt = (text: string): Buffer => Buffer.concat([Buffer.from((text.length + 4).toString(16).padStart(4, '0')), Buffer.from(text)]);

/** A pack of no objects (every command below names objects the server holds). */
function emptyPack(): Buffer {
  const head = Buffer.concat([Buffer.from('PACK'), Buffer.from([0, 0, 0, 2, 0, 0, 0, 0])]);
  return Buffer.concat([head, createHash('sha1').update(head).digest()]);
}

/** The pack of what `from`'s `revisions` (`<new> ^<old>`) bring, as git push would send it. */
function packOf(from: string, revisions: string[]): Buffer {
  return spawnSync('git', ['pack-objects', '--revs', '--stdout', '-q'], { cwd: from, env: TEST_GIT_ENV, input: `${revisions.join('\n')}\n` }).stdout;
}

/**
 * Commands sent to the server's real `git receive-pack` as a hand-made client sends them (git's
 * own names one ref twice only in a push that fails anyway, `git push origin main main` to an empty
 * repository; never a create and a delete): its report-status, one line per ref.
 */
function sendCommands(server: string, commands: string[], pack = emptyPack()): string {
  const lines = commands.map((command, at) => pkt(`${command}${at === 0 ? '\0report-status delete-refs' : ''}\n`));
  const input = Buffer.concat([...lines, Buffer.from('0000'), pack]);
  const run = spawnSync('git', ['receive-pack', server], { env: TEST_GIT_ENV, input });
  const out = run.stdout.toString('latin1');
  return out.slice(out.indexOf('unpack'));
}

describe('pre-receive: one ref named twice in one push (552)', () => {
  it('refuses the push: the second command cannot delete refs/notes/ai behind the first', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    work.git(['notes', '--ref=ai', 'add', '-m', 'a note the server keeps', 'HEAD']);
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'refs/notes/ai']).code).toBe(0);
    const notes = remote.git(['rev-parse', 'refs/notes/ai']);
    // git's own client: the deletion is refused (notes are taken added, never taken away).
    expect(tryGit(work.dir, ['push', 'origin', ':refs/notes/ai']).code).not.toBe(0);
    // A creation that git then refuses (the ref exists) first, the deletion second.
    const report = sendCommands(remote.dir, [`${ZERO} ${notes} refs/notes/ai`, `${notes} ${ZERO} refs/notes/ai`]);
    expect(report).toContain('ng refs/notes/ai pre-receive hook declined');
    expect(report).not.toContain('ok refs/notes/ai');
    expect(remote.git(['rev-parse', 'refs/notes/ai'])).toBe(notes);
  });

  it('refuses the push: a Qwen note sent second is not let in behind a note judged first', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    const sha = work.commit('feat: parser\n', { 'src/parser.ts': 'a\nb\n' });
    addNote(work, sha, gitAiNote({ 'src/parser.ts': [session(NOTE_KEYS.claude, '1-2')] }));
    expect(tryGit(work.dir, ['push', '-q', '--no-verify', 'origin', 'main', 'refs/notes/ai']).code).toBe(0);
    const notes = remote.git(['rev-parse', 'refs/notes/ai']);
    addNote(work, sha, gitAiNote({ 'src/parser.ts': [session(NOTE_KEYS.qwen, '1-2')] }));
    const qwen = work.git(['rev-parse', 'refs/notes/ai']);
    // git's own client: refused (row 17).
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'refs/notes/ai']).code).not.toBe(0);
    // The server's own notes re-sent as new first (judged, then refused by git: the ref exists), Qwen's second.
    const report = sendCommands(remote.dir, [`${ZERO} ${notes} refs/notes/ai`, `${notes} ${qwen} refs/notes/ai`], packOf(work.dir, [qwen, `^${notes}`]));
    expect(report).not.toContain('ok refs/notes/ai');
    expect(remote.git(['rev-parse', 'refs/notes/ai'])).toBe(notes);
  });
});

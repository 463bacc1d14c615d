import { describe, expect, it } from 'vitest';
import { policyServer, tryGit } from '../helpers/enforce-repos.js';
import { QWEN_CRYPTO_POLICY, QWEN_NOTES, qwenNote, qwenNotesClone } from '../helpers/qwen-code-notes.js';

// Row 549 guarded Qwen Code's notes (refs/notes/ai-attribution) against being taken away, but not
// against a second note for the same commit (an upper-case path, another fanout), as row 461 guards
// refs/notes/ai: the push was taken; git shows the two joined, and the next `git notes` command of an
// honest developer who fetched them (Qwen Code's own next note) writes them as one blob, no longer
// Qwen Code's shape, so that developer's push was refused as taking the note away. A real bare server
// with the real pre-receive; the notes trees made with git mktree, as a hand-made push would.

describe("pre-receive: a second note beside a Qwen Code note in refs/notes/ai-attribution", () => {
  it('an upper-case or another fanout path for a noted commit is refused, naming it; an honest developer\'s next Qwen Code note then goes in', () => {
    const { work, remote } = policyServer(QWEN_CRYPTO_POLICY);
    const sha = work.commit('feat: aes in lib\n', { 'lib/aes.ts': 'k1\nk2\n' });
    qwenNote(work, sha, 'Qwen-Coder', ['lib/aes.ts']);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'main', QWEN_NOTES]).code).toBe(0);
    const qwenBlob = work.git(['rev-parse', `${QWEN_NOTES}:${sha}`]);
    const other = tryGit(work.dir, ['hash-object', '-w', '--stdin'], { input: '{"attribution_state":"measured"}\n' }).stdout.trim();
    const mktree = (entries: string) => tryGit(work.dir, ['mktree'], { input: entries }).stdout.trim();
    const fanout = mktree(`100644 blob ${other}\t${sha.slice(2)}\n`);
    const tip = work.git(['rev-parse', QWEN_NOTES]);
    for (const [name, tree] of [
      ['upper-case', mktree(`100644 blob ${qwenBlob}\t${sha}\n100644 blob ${other}\t${sha.toUpperCase()}\n`)],
      ['fanout', mktree(`100644 blob ${qwenBlob}\t${sha}\n040000 tree ${fanout}\t${sha.slice(0, 2)}\n`)],
    ]) {
      const notes = tryGit(work.dir, ['commit-tree', tree!, '-p', tip, '-m', 'Notes']).stdout.trim();
      // Before: taken (exit 0).
      const push = tryGit(work.dir, ['push', '--no-verify', 'origin', `${notes}:${QWEN_NOTES}`]);
      expect(push.code, `${name}: ${push.stderr}`).not.toBe(0);
      expect(push.stderr).toContain(`refs/notes/ai-attribution as pushed holds a second note for ${sha.slice(0, 12)}`);
    }
    expect(remote.git(['rev-parse', QWEN_NOTES])).toBe(tip);
    // An honest developer: the server's notes fetched, Qwen Code's note of their next commit added, pushed.
    const dev = qwenNotesClone(remote.dir);
    const next = dev.commit('feat: util\n', { 'lib/util.ts': 'u\n' });
    qwenNote(dev, next, 'Qwen-Coder', ['lib/util.ts']);
    const honest = tryGit(dev.dir, ['push', '--no-verify', 'origin', 'main', QWEN_NOTES]);
    expect(honest.code, honest.stderr).toBe(0);
    expect(remote.git(['notes', `--ref=${QWEN_NOTES}`, 'show', sha])).toMatch(/^\{"version":1,"generator":"Qwen-Coder"/);
  });
});

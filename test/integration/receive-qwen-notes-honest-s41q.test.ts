import { describe, expect, it } from 'vitest';
import { policyServer, tryGit } from '../helpers/enforce-repos.js';
import { QWEN_CRYPTO_POLICY, QWEN_NOTES, qwenNote, qwenNotesClone } from '../helpers/qwen-code-notes.js';

// Row 568 refuses a second note beside a Qwen Code note in refs/notes/ai-attribution: honest flows of
// Qwen Code's notes must still go in (a real bare server with the real pre-receive).

describe('pre-receive: honest Qwen Code notes in refs/notes/ai-attribution', () => {
  it('pushed, re-pushed, diverged and joined with git notes merge, then re-fanned out by git past 256 notes: taken', () => {
    const { work, remote } = policyServer(QWEN_CRYPTO_POLICY);
    const one = work.commit('feat: one\n', { 'lib/one.ts': 'a\n' });
    qwenNote(work, one, 'Qwen-Coder', ['lib/one.ts']);
    const first = tryGit(work.dir, ['push', '--no-verify', 'origin', 'main', QWEN_NOTES]);
    expect(first.code, first.stderr).toBe(0);
    // Re-pushed unchanged, and the same note written again (add -f: same blob).
    qwenNote(work, one, 'Qwen-Coder', ['lib/one.ts']);
    const again = tryGit(work.dir, ['push', '--no-verify', 'origin', 'main', QWEN_NOTES]);
    expect(again.code, again.stderr).toBe(0);
    // A second developer fetches, both note new commits; the second joins the notes with git notes merge.
    const dev = qwenNotesClone(remote.dir);
    const two = work.commit('feat: two\n', { 'lib/two.ts': 'b\n' });
    qwenNote(work, two, 'Qwen-Coder', ['lib/two.ts']);
    const pushTwo = tryGit(work.dir, ['push', '--no-verify', 'origin', 'main', QWEN_NOTES]);
    expect(pushTwo.code, pushTwo.stderr).toBe(0);
    dev.git(['pull', '-q', '--ff-only', 'origin', 'main']);
    const three = dev.commit('feat: three\n', { 'lib/three.ts': 'c\n' });
    qwenNote(dev, three, 'Qwen-Coder', ['lib/three.ts']);
    expect(tryGit(dev.dir, ['push', '--no-verify', 'origin', 'main', QWEN_NOTES]).code).not.toBe(0); // notes not a fast-forward (git's own refusal)
    dev.git(['fetch', '-q', 'origin', `+${QWEN_NOTES}:refs/notes/origin-ai-attribution`]);
    dev.git(['notes', `--ref=${QWEN_NOTES}`, 'merge', 'refs/notes/origin-ai-attribution']);
    const merged = tryGit(dev.dir, ['push', '--no-verify', 'origin', 'main', QWEN_NOTES]);
    expect(merged.code, merged.stderr).toBe(0);
    for (const sha of [one, two, three]) expect(remote.git(['notes', `--ref=${QWEN_NOTES}`, 'show', sha])).toMatch(/^\{"version":1,"generator":"Qwen-Coder"/);
    // Past 256 notes git's notes code moves every note to a fanout path (ab/cdef…): the same blobs.
    const shas: string[] = [];
    for (let i = 0; i < 300; i++) shas.push(tryGit(dev.dir, ['commit-tree', `${three}^{tree}`, '-p', three, '-m', `c${i}`]).stdout.trim());
    dev.git(['update-ref', 'refs/heads/main', shas.at(-1)!]);
    dev.git(['notes', `--ref=${QWEN_NOTES}`, 'copy', '--stdin'], { input: shas.map((sha) => `${three} ${sha}\n`).join('') });
    expect(dev.git(['ls-tree', '--name-only', QWEN_NOTES]).split('\n').every((name) => name.length === 2)).toBe(true);
    const fanned = tryGit(dev.dir, ['push', '--no-verify', 'origin', 'main', QWEN_NOTES]);
    expect(fanned.code, fanned.stderr).toBe(0);
    expect(remote.git(['rev-parse', `${QWEN_NOTES}:${one.slice(0, 2)}/${one.slice(2)}`])).toBe(work.git(['rev-parse', `${QWEN_NOTES}:${one}`]));
  });
});

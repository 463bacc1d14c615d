// row 1034: since row 1015 every `git revert` in a repository with a notes ref started node in
// prepare-commit-msg (7.8 -> 86 ms of CPU), to ask whether the content the revert restores (the
// reverted commit's parent) is noted. The shim now asks git that itself (one grep, one rev-parse, one
// `git notes list` per parent): a revert whose restored commit has no note starts no node; one whose
// restored commit is noted still does, and its note is still carried (row 1015).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countedHooksRepo as setup } from '../helpers/counted-hooks.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';

describe('a revert in a repository with a notes ref (row 1034)', () => {
  it.each(['git', 'husky'] as const)('%s hooks: starts no node when the commit it restores has no note; still does when it has one', (mode) => {
    const { repo, run } = setup(mode);
    const quiet = { AITRAIL: '0' };
    const noted = repo.commit('Add key', { 'k.ts': 'const key1 = computeTheSecretKeyMaterial(1);\n' }, quiet);
    addNote(repo, noted, gitAiNote({ 'k.ts': [session(NOTE_KEYS.qwen, '1')] }));
    const human = repo.commit('Human change', { 'b.txt': 'b\n' }, quiet);
    repo.commit('Human change 2', { 'c.txt': 'c\n' }, quiet);
    // The notes ref exists; the reverted commit's parent (`noted`) holds a note: node starts, as row 1015 needs.
    const keep = run(['revert', '--no-edit', human]);
    expect(keep.status, keep.stderr).toBe(0);
    expect(keep.started).toEqual(['prepare-commit-msg', 'post-commit']);
    // A revert of the person's last change, whose parent (`human`) has no note: the shims end it without node.
    const last = repo.git(['rev-parse', 'HEAD~1']);
    const plain = run(['revert', '--no-edit', last]);
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stderr).toBe('');
    expect(plain.started).toEqual([]);
    expect(repo.git(['log', '-1', '--format=%s'])).toBe('Revert "Human change 2"');
    // A revert of the noted commit itself restores its parent (start, no note): nothing to carry, no node.
    const undo = run(['revert', '--no-edit', noted]);
    expect(undo.status, undo.stderr).toBe(0);
    expect(undo.started).toEqual([]);
  });

  it('a revert of a revert of a noted commit still starts node and carries the note (row 1015 kept)', () => {
    const { repo, run } = setup();
    const quiet = { AITRAIL: '0' };
    const agent = repo.commit('Add key', { 'k.ts': 'const key1 = computeTheSecretKeyMaterial(1);\nconst key2 = computeTheSecretKeyMaterial(2);\n' }, quiet);
    addNote(repo, agent, gitAiNote({ 'k.ts': [session(NOTE_KEYS.qwen, '1-2')] }));
    const first = run(['revert', '--no-edit', 'HEAD']);
    expect(first.status, first.stderr).toBe(0);
    // The first revert restores `agent`'s parent (no note): no node.
    expect(first.started).toEqual([]);
    // The shim's remembered answer is its own: one planted in the environment (a committed .env an agent loads) is not read.
    const second = run(['revert', '--no-edit', 'HEAD'], { aitrail_jd: '0' });
    expect(second.status, second.stderr).toBe(0);
    // The second restores `agent` itself, noted: node keeps it and post-commit carries the note.
    expect(second.started).toEqual(['prepare-commit-msg', 'post-commit']);
    expect(repo.git(['notes', '--ref=ai', 'show', 'HEAD'])).toContain(`k.ts\n  ${session(NOTE_KEYS.qwen, '1-2')}`);
  });

  it('a MERGE_MSG naming a commit git does not know, or a revert message with a -x line too, still starts node', () => {
    const { repo, run } = setup();
    const quiet = { AITRAIL: '0' };
    const agent = repo.commit('Add key', { 'k.ts': 'const key1 = computeTheSecretKeyMaterial(1);\n' }, quiet);
    addNote(repo, agent, gitAiNote({ 'k.ts': [session(NOTE_KEYS.qwen, '1')] }));
    repo.commit('Human change', { 'b.txt': 'b\n' }, quiet);
    // `git revert -n` then `git commit`: MERGE_MSG is git's, edited to name an unknown commit: doubt, node decides.
    for (const text of [`Revert "x"\n\nThis reverts commit ${'1'.repeat(40)}.\n`, `Revert "x"\n\nThis reverts commit ${repo.git(['rev-parse', 'HEAD'])}.\n(cherry picked from commit ${agent})\n`]) {
      expect(run(['revert', '-n', 'HEAD']).status).toBe(0);
      writeFileSync(join(repo.dir, '.git', 'MERGE_MSG'), text);
      const commit = run(['commit', '-q', '--no-edit']);
      expect(commit.status, commit.stderr).toBe(0);
      expect(commit.started).toContain('prepare-commit-msg');
      repo.git(['reset', '-q', '--hard', 'HEAD~1']);
    }
  });
});

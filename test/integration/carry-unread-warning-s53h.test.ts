// row 1075: when a rewritten commit's old note was not carried (src/notes/carry-rewrite.ts), post-commit and
// post-rewrite said "the git-ai note of <old> cannot be read; the rewritten commit keeps the copy git made" whatever
// the cause: of a note read whole that is no git-ai note (one written by hand in refs/notes/ai) or that joins notes
// disagreeing about a line (row 1064), nothing was unreadable; and after a cherry-pick (git copies no note) the new
// commit kept no copy at all. Replayed with init's hooks and real cherry-pick and amend.
import { describe, expect, it } from 'vitest';
import { countedHooksRepo } from '../helpers/counted-hooks.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { appendedNotes } from '../helpers/qwen-noted-branch.js';

const quiet = { AITRAIL: '0' };
const short = (sha: string) => sha.slice(0, 12);

describe("the carry's warning says why a note was not carried, and what the new commit has (row 1075)", () => {
  it('a cherry-pick of a commit whose note is no git-ai note: said so, and that the pick gets none', () => {
    const { repo, run } = countedHooksRepo();
    repo.git(['checkout', '-q', '-b', 'side']);
    const picked = repo.commit('feat: b\n', { 'b.txt': 'b\n' }, quiet);
    addNote(repo, picked, 'Reviewed by Bob: fine.\n');
    repo.git(['checkout', '-q', 'main']);
    // main moves on: the pick is a new commit (onto the same parent in the same second it would be the picked one).
    repo.commit('docs: c\n', { 'c.txt': 'c\n' }, quiet);
    const pick = run(['cherry-pick', picked]);
    expect(pick.status, pick.stderr).toBe(0);
    const head = repo.git(['rev-parse', 'HEAD']);
    expect(pick.stderr).toContain(`the note of ${short(picked)} in refs/notes/ai is no git-ai note (no lines nor models can be read from it); ${short(head)} gets no note from it.`);
    expect(pick.stderr).not.toContain('cannot be read');
    expect(pick.stderr).not.toContain('keeps the copy git made');
    expect(repo.git(['notes', '--ref=ai', 'list']).split('\n')).toHaveLength(1);
  });

  it("an amend of a commit whose joined note's parts give one line to Qwen and to Claude: said so, and that git's copy is kept", () => {
    const { repo, run } = countedHooksRepo();
    const old = repo.commit('feat: k\n', { 'k.ts': 'a\nb\nc\n' }, quiet);
    appendedNotes(repo, old, gitAiNote({ 'k.ts': [session(NOTE_KEYS.qwen, '1-2')] }), gitAiNote({ 'k.ts': [session(NOTE_KEYS.claude, '1-2')] }));
    const amend = run(['commit', '-q', '--amend', '-m', 'feat: k, said better']);
    expect(amend.status, amend.stderr).toBe(0);
    const head = repo.git(['rev-parse', 'HEAD']);
    expect(amend.stderr).toContain(`the git-ai note of ${short(old)} joins notes (git notes merge -s union, git notes append) that disagree about an AI line (two agents for one line, or one record named as two agents), so its line numbers are not carried; ${short(head)} keeps the note it has, as it is.`);
    expect(amend.stderr).not.toContain('cannot be read');
    expect(repo.git(['notes', '--ref=ai', 'show', 'HEAD'])).toBe(repo.git(['notes', '--ref=ai', 'show', old]));
  });
});

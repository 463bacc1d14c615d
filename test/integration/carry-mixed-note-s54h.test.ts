// Session 54 helper h (row 1126): a git-ai note with a line of text `git notes append`ed to it (a reviewer's remark)
// is a joined note one of whose parts is a git-ai note and one is not; its carry on an amend was refused, rightly, but
// said "the note of <old> in refs/notes/ai is no git-ai note (no lines nor models can be read from it)", which sends
// the user looking for a note that is not there: found following session 53's pointer (unreadWhy re-parsed the note
// and called every unread part "foreign"). Now the one pass that reads the note says why (notesForRewrite): a git-ai
// note joined with text that is none. Replayed with init's hooks, a real `git notes append` and `git commit --amend`.
import { describe, expect, it } from 'vitest';
import { countedHooksRepo } from '../helpers/counted-hooks.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';

const quiet = { AITRAIL: '0' };
const short = (sha: string) => sha.slice(0, 12);

describe("the carry's warning of a git-ai note with text appended (row 1126)", () => {
  it('an amend: said to join git-ai notes with text that is none, never "no git-ai note"; git\'s copy kept', () => {
    const { repo, run } = countedHooksRepo();
    const old = repo.commit('feat: k\n', { 'k.ts': 'a\nb\nc\n' }, quiet);
    addNote(repo, old, gitAiNote({ 'k.ts': [session(NOTE_KEYS.qwen, '1-2')] }));
    repo.git(['notes', '--ref=ai', 'append', '-m', 'Reviewed by Bob: fine.', old]);
    const amend = run(['commit', '-q', '--amend', '-m', 'feat: k, said better']);
    expect(amend.status, amend.stderr).toBe(0);
    const head = repo.git(['rev-parse', 'HEAD']);
    expect(amend.stderr).toContain(`the git-ai note of ${short(old)} joins git-ai notes with text that is none (appended to it by hand, or by another tool: no lines nor models can be read from that part), so its line numbers are not carried; ${short(head)} keeps the note it has, as it is.`);
    expect(amend.stderr).not.toContain('is no git-ai note');
    expect(repo.git(['notes', '--ref=ai', 'show', 'HEAD'])).toBe(repo.git(['notes', '--ref=ai', 'show', old]));
  });
});

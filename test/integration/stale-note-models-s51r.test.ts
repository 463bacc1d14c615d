// Session 51 helper r (row 1009): a git-ai note written for another commit (copied word for word
// by an unhooked amend or rebase) says nothing line by line. Its evidence gave every line the
// commit adds to the session listed first in its metadata (`claude … 3 lines in 1 file`) and said
// `no line left` (now `no line in this commit`) for Qwen's own session: the note's order chose whose the lines were. Now every
// model of the note is read for every line the commit adds, and the evidence says so, at `log`
// and `check`. This test failed before its fix (src/core/notes/note-lines.ts commitWide).
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { addNote, forCommit, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo } from '../helpers/gitdir.js';

const STALE = 'written for another commit: read for every line of this one, as each of its 2 models\'';

describe('a stale note\'s lines are each of its models\', none chosen by its order (row 1009)', () => {
  it('log and check say the commit\'s 3 lines for Claude and for Qwen', () => {
    const repo = makeRepo();
    repo.commit('base', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n  undeclared: warn\n', 'README.md': 'hi\n' });
    const other = repo.git(['rev-parse', 'HEAD']);
    repo.git(['checkout', '-q', '-b', 'feature']);
    repo.commit('docs: readme', { 'README.md': 'hello\n' });
    // The note names the commit two before its own: neither it nor its first parent (what git-ai writes).
    const sha = repo.commit('feat: keys', { 'src/k.ts': 'a\nb\nc\n' });
    const note = gitAiNote({ 'src/k.ts': [session(NOTE_KEYS.claude, '1'), session(NOTE_KEYS.qwen, '2-3')] });
    addNote(repo, sha, forCommit(note, other));
    const log = aitrail(repo.dir, ['log', 'main..feature', '--format', 'json']);
    expect(log.code, log.stderr).toBe(0);
    const text = log.stdout;
    expect(text).toContain(`model \\"claude-opus-4-6\\", 3 lines in 1 file; ${STALE}`);
    expect(text).toContain(`model \\"qwen3-coder\\", 3 lines in 1 file; ${STALE}`);
    expect(text).not.toContain('no line in this commit');
    const check = aitrail(repo.dir, ['check', 'main..feature', '--format', 'json']);
    expect(check.code, check.stderr).toBe(1);
    expect(check.stdout).toContain('qwen/qwen3-coder');
    expect(check.stdout).not.toContain('no line in this commit');
    expect(check.stdout).toContain(`model \\"qwen3-coder\\", 3 lines in 1 file; ${STALE}`);
  });
});

// row 983 (its blame line-level sentence, which its own test did not reach): `blame`'s text and markdown said
// "Line by line from git-ai notes: 1 lines" and "1 lines (100.0%) were judged line by line"; a real repository, a
// git-ai note written by `git notes add`, the built CLI.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo } from '../helpers/gitdir.js';

describe('blame: the line-level sentence counts "1 line" (row 983)', () => {
  it('one noted line: singular in text and markdown; two: plural', () => {
    const repo = makeRepo();
    const sha = repo.commit('one line\n', { 'a.txt': 'a\n' });
    addNote(repo, sha, gitAiNote({ 'a.txt': [session(NOTE_KEYS.claude, '1')] }));
    const text = aitrail(repo.dir, ['blame']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Line by line from git-ai notes: 1 line (100.0%); the rest by their commit');
    const markdown = aitrail(repo.dir, ['blame', '--format', 'markdown']);
    expect(markdown.stdout).toContain('1 line (100.0%) was judged line by line from git-ai notes.');
    const two = repo.commit('two lines\n', { 'a.txt': 'a\nb\nc\n' });
    addNote(repo, two, gitAiNote({ 'a.txt': [session(NOTE_KEYS.claude, '2-3')] }));
    expect(aitrail(repo.dir, ['blame']).stdout).toContain('Line by line from git-ai notes: 3 lines (100.0%)');
    expect(aitrail(repo.dir, ['blame', '--format', 'markdown']).stdout).toContain('3 lines (100.0%) were judged line by line from git-ai notes.');
  });
});

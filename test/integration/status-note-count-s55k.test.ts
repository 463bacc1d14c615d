// Session 55 helper k (row 1188): `status` counted every note of refs/notes/ai as a git-ai note,
// notes on a blob or a tree (`git notes add <blob>`, which git allows and no reader takes for a
// commit's) included: "3 git-ai notes … blame, log and check read them" where they read one. Found
// following row 1158's leftovers, with the built CLI and real `git notes`. Now only notes on commits
// are counted.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo } from '../helpers/gitdir.js';

describe('status counts the notes on commits only (row 1188)', () => {
  it('a note on a blob and one on a tree are not counted', () => {
    const repo = makeRepo();
    const sha = repo.commit('feat: a', { 'src/app.ts': 'app 1\napp 2\n' });
    addNote(repo, sha, gitAiNote({ 'src/app.ts': [session(NOTE_KEYS.claude, '2')] }));
    const note = gitAiNote({ 'src/app.ts': [session(NOTE_KEYS.qwen, '1-2')] });
    repo.git(['notes', '--ref', 'ai', 'add', '-F', '-', `${sha}:src/app.ts`], { input: note });
    repo.git(['notes', '--ref', 'ai', 'add', '-F', '-', `${sha}^{tree}`], { input: note });
    expect(repo.git(['notes', '--ref', 'ai', 'list']).trim().split('\n')).toHaveLength(3);
    const status = aitrail(repo.dir, ['status']);
    expect(status.code, status.stderr).toBe(0);
    // Before: "Line-level data: 3 git-ai notes in refs/notes/ai".
    expect(status.stdout).toContain('Line-level data: 1 git-ai note in refs/notes/ai');
  });
});

// A git-ai note stored at a path that names its commit in upper-case hex (session 36, c). git's
// notes.c reads such a path as the commit's note (`git notes show` and `list`, through which
// git-ai reads notes too), and every `git notes add`, `copy` or `merge` rewrites the tree with it
// in lower case; aitrail's listing took lower-case paths only, so `blame` and `check` read no note
// there, and pre-receive let a push bring such a note for a commit the server holds without
// judging it, a note that became live at the next `git notes add` in any clone. Real repositories:
// the notes tree is built with `git mktree`, as someone writing it by hand would.
import { describe, expect, it } from 'vitest';
import { policyServer, tryGit } from '../helpers/enforce-repos.js';
import { forCommit, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import type { TestRepo } from '../helpers/gitdir.js';
import { expectQwenLinesCaught, notedFeature, QWEN_PATH_POLICY } from '../helpers/qwen-noted-branch.js';

const NOTE = gitAiNote({ 'src/x.ts': [session(NOTE_KEYS.qwen, '2-3')] });

/** refs/notes/ai: one commit whose tree holds `note` for `sha` at its id in upper case, flat or fanned out (`AB/CDEF…`). */
function upperCaseNote(repo: TestRepo, sha: string, note: string, fanout: boolean): void {
  const blob = repo.git(['hash-object', '-w', '--stdin'], { input: note });
  const name = sha.toUpperCase();
  let tree = repo.git(['mktree'], { input: `100644 blob ${blob}\t${fanout ? name.slice(2) : name}\n` });
  if (fanout) tree = repo.git(['mktree'], { input: `040000 tree ${tree}\t${name.slice(0, 2)}\n` });
  const commit = repo.git(['commit-tree', tree, '-m', 'Notes added by hand']);
  repo.git(['update-ref', 'refs/notes/ai', commit]);
}

describe('a git-ai note at an upper-case path (s36c)', () => {
  it.each([['flat', false], ['fanned out', true]])('%s: git reads it, and so do blame and check', (_name, fanout) => {
    const { repo, sha } = notedFeature(NOTE);
    // refs/notes/ai replaced by a tree that holds the note at the upper-case path only.
    upperCaseNote(repo, sha, forCommit(NOTE, sha), fanout);
    // git itself: the commit's note.
    expect(repo.git(['notes', '--ref=ai', 'show', sha], { raw: true })).toBe(forCommit(NOTE, sha));
    expectQwenLinesCaught(repo, sha, 2);
    // The next `git notes add` (aitrail's own hooks write notes that way) writes it in lower case: the same reading.
    repo.git(['notes', '--ref=ai', 'add', '-m', 'other', 'main']);
    expect(repo.git(['ls-tree', '-r', '--name-only', 'refs/notes/ai'])).toContain(sha.slice(2));
    expectQwenLinesCaught(repo, sha, 2);
  });

  it('pre-receive judges a pushed note at an upper-case path for a commit the server holds', () => {
    const { work } = policyServer(QWEN_PATH_POLICY);
    work.write('src/x.ts', 'a\nb\nc\nd\ne\n');
    work.git(['add', 'src/x.ts']);
    work.git(['commit', '-q', '-m', 'x']);
    const sha = work.git(['rev-parse', 'HEAD']);
    const branch = tryGit(work.dir, ['push', '-q', 'origin', 'main']);
    expect(branch.code, branch.stderr).toBe(0);
    upperCaseNote(work, sha, NOTE, false);
    const notes = tryGit(work.dir, ['push', 'origin', 'refs/notes/ai']);
    expect(notes.code, notes.stderr).not.toBe(0);
    expect(notes.stderr).toContain('qwen/qwen3-coder');
  });
});

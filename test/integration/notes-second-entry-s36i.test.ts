// A pushed notes tree holding two entries for one commit (row 447's upper-case path beside the
// lower-case one, or row 305's two fanouts): aitrail reads one (the lower-case, shallowest path), git
// shows the two joined, and the next `git notes add` anywhere writes them as one note, which no longer
// parses. Claude's note at the lower-case path and Qwen's at the upper-case path passed pre-receive
// under a path rule denying Qwen, and Qwen's lines were never judged, before or after the rewrite.
import { describe, expect, it } from 'vitest';
import { policyServer, tryGit } from '../helpers/enforce-repos.js';
import { gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import type { TestRepo } from '../helpers/gitdir.js';
import { QWEN_PATH_POLICY } from '../helpers/qwen-noted-branch.js';

const QWEN_NOTE = gitAiNote({ 'src/x.ts': [session(NOTE_KEYS.qwen, '2-3')] });
const CLAUDE_NOTE = gitAiNote({ 'src/x.ts': [session(NOTE_KEYS.claude, '2-3')] });

/** A commit of src/x.ts on the server's main (a person's: no trailer). */
function served(): { work: TestRepo; remote: TestRepo; sha: string } {
  const { work, remote } = policyServer(QWEN_PATH_POLICY);
  work.write('src/x.ts', 'a\nb\nc\nd\ne\n');
  work.git(['add', 'src/x.ts']);
  work.git(['commit', '-q', '-m', 'x']);
  expect(tryGit(work.dir, ['push', '-q', 'origin', 'main']).code).toBe(0);
  return { work, remote, sha: work.git(['rev-parse', 'HEAD']) };
}

/** refs/notes/ai: one commit (on `parent`, if any) whose tree holds each of `entries` (path, note). */
function notesTree(repo: TestRepo, entries: Array<[string, string]>, parent?: string): void {
  const lines = entries.map(([path, note]) => `100644 blob ${repo.git(['hash-object', '-w', '--stdin'], { input: note })}\t${path}\n`);
  const tree = repo.git(['mktree'], { input: lines.join('') });
  repo.git(['update-ref', 'refs/notes/ai', repo.git(['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', 'Notes added by hand'])]);
}

describe('a pushed second git-ai note for one commit (s36i)', () => {
  it("Claude's note at the lower-case path, Qwen's at the upper-case one: refused (passed before)", () => {
    const { work, remote, sha } = served();
    notesTree(work, [[sha, CLAUDE_NOTE], [sha.toUpperCase(), QWEN_NOTE]]);
    // git: the two joined, Qwen's first.
    expect(work.git(['notes', '--ref=ai', 'show', sha], { raw: true })).toBe(`${QWEN_NOTE}\n${CLAUDE_NOTE}`);
    const push = tryGit(work.dir, ['push', 'origin', 'refs/notes/ai']);
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain(`holds a second git-ai note for ${sha.slice(0, 12)}`);
    expect(tryGit(remote.dir, ['rev-parse', '-q', '--verify', 'refs/notes/ai']).code).not.toBe(0);
  });

  it('a second note already on the server is not new: a later push of notes on top passes', () => {
    const { work, remote, sha } = served();
    notesTree(work, [[sha, CLAUDE_NOTE], [sha.toUpperCase(), QWEN_NOTE]]);
    // Already there (before aitrail judged the server: fetched into it, no hook runs).
    remote.git(['fetch', '-q', work.dir, 'refs/notes/ai:refs/notes/ai']);
    const other = work.git(['rev-parse', 'HEAD~1']);
    notesTree(work, [[sha, CLAUDE_NOTE], [sha.toUpperCase(), QWEN_NOTE], [other, gitAiNote({})]], work.git(['rev-parse', 'refs/notes/ai']));
    const push = tryGit(work.dir, ['push', 'origin', 'refs/notes/ai']);
    expect(push.code, push.stderr).toBe(0);
    expect(push.stderr).not.toContain('second git-ai note');
  });

  it('one note per commit, upper-case path alone included, is judged as before', () => {
    const { work, sha } = served();
    notesTree(work, [[sha.toUpperCase(), CLAUDE_NOTE]]);
    const push = tryGit(work.dir, ['push', 'origin', 'refs/notes/ai']);
    expect(push.code, push.stderr).toBe(0);
  });
});

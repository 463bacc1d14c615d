// row 1076: pre-receive refuses a push that rewrites a note of a commit the server holds, unless the old note
// attested no line (git-ai's note of a commit it saw no AI line in: rows 1060, 1064, 1065 read joined notes apart).
// Two such notes of one commit, joined by an honest `git notes merge -s union`, were read whole, as no empty note,
// so the next honest `git notes merge -s ours` (the merge aitrail's own pushFailed warning gives) replacing it was
// refused as taking a record away. Replayed: a real bare server with aitrail's pre-receive, two developers' clones,
// real `git notes merge` of both strategies, real pushes; `check` of the branch after.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { policyServer, tryGit } from '../helpers/enforce-repos.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';

const CONFIG = 'policy:\n  deny: ["qwen/*"]\n';
const TRACKING = 'refs/notes/ai-remote/origin';

/** git-ai's note of a commit it saw no AI line in, of one developer's git-ai version (two such differ). */
const emptyNote = (version: string) => gitAiNote({}).replace('"git_ai_version": "1.4.5"', `"git_ai_version": "${version}"`);

/** Fetches the server's notes into the tracking ref and merges them with `strategy`, as aitrail's pushFailed says. */
function mergeServerNotes(repo: TestRepo, strategy: 'ours' | 'union'): void {
  repo.git(['fetch', '-q', 'origin', `+refs/notes/ai*:${TRACKING}*`]);
  repo.git(['notes', '--ref=ai', 'merge', '-q', '-s', strategy, TRACKING]);
}

/** Developer A (the project's work clone) and B (a clone of the server), both with a note of `shared`, B's pushed first. */
function twoDevelopers(bNote: (shared: string) => string) {
  const { remote, work: a } = policyServer(CONFIG);
  const shared = a.commit('docs: shared\n', { 'docs/a.md': 'a\n' });
  expect(tryGit(a.dir, ['push', '-q', 'origin', 'main']).code).toBe(0);
  const b = makeRepo({ dir: `${tempDir('aitrail-dev-b-')}/b` });
  b.git(['remote', 'add', 'origin', remote.dir]);
  b.git(['fetch', '-q', 'origin']);
  b.git(['checkout', '-q', '-B', 'main', 'origin/main']);
  addNote(a, shared, emptyNote('1.4.5'));
  addNote(b, shared, bNote(shared));
  const first = tryGit(b.dir, ['push', '-q', 'origin', 'refs/notes/ai']);
  expect(first.code, first.stderr).toBe(0);
  return { remote, a, b, shared };
}

describe('an honest team merging git-ai notes of one commit (row 1076)', () => {
  it('union then ours, every part empty: a third developer\'s -s ours merge replacing the joined note passes, check passes', () => {
    const { remote, a, shared } = twoDevelopers(() => emptyNote('1.4.6'));
    // A's notes push is behind: A merges the server's notes by union (both notes of `shared` kept, joined).
    expect(tryGit(a.dir, ['push', '-q', 'origin', 'refs/notes/ai']).code).not.toBe(0);
    mergeServerNotes(a, 'union');
    expect(a.git(['notes', '--ref=ai', 'show', shared]).match(/schema_version/g)).toHaveLength(2);
    const union = tryGit(a.dir, ['push', '-q', 'origin', 'refs/notes/ai']);
    expect(union.code, union.stderr).toBe(0);
    // C, whose git-ai wrote its own empty note of `shared`, merges by ours (aitrail's suggestion): its note replaces the joined one.
    const c = makeRepo({ dir: `${tempDir('aitrail-dev-c-')}/c` });
    c.git(['remote', 'add', 'origin', remote.dir]);
    c.git(['fetch', '-q', 'origin']);
    c.git(['checkout', '-q', '-B', 'main', 'origin/main']);
    addNote(c, shared, emptyNote('1.4.7'));
    const own = c.commit('docs: c\n', { 'docs/c.md': 'c\n' });
    addNote(c, own, emptyNote('1.4.7'));
    mergeServerNotes(c, 'ours');
    const pushed = tryGit(c.dir, ['push', '-q', 'origin', 'main', 'refs/notes/ai']);
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(remote.git(['notes', '--ref=ai', 'show', shared])).toBe(c.git(['notes', '--ref=ai', 'show', shared]));
    const check = aitrail(c.dir, ['check', `${shared}~1..HEAD`]);
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });

  it("a joined note one of whose parts gives a line to Claude: a rewrite dropping it is refused, one keeping it passes", () => {
    const { remote, a, b, shared } = twoDevelopers(() => gitAiNote({ 'docs/a.md': [session(NOTE_KEYS.claude, '1-1')] }));
    mergeServerNotes(a, 'union');
    // A union joining the server's note read whole, which attests a line, is refused (row 1104: blame reads no joined
    // note); an admin lets this one in, so the server holds a joined note.
    expect(tryGit(a.dir, ['push', '-q', 'origin', 'refs/notes/ai']).code).not.toBe(0);
    remote.git(['config', 'aitrail.allowNotesRewrite', 'true']);
    expect(tryGit(a.dir, ['push', '-q', 'origin', 'refs/notes/ai']).code).toBe(0);
    remote.git(['config', '--unset', 'aitrail.allowNotesRewrite']);
    addNote(b, shared, emptyNote('1.4.6'));
    mergeServerNotes(b, 'ours');
    const pushed = tryGit(b.dir, ['push', '-q', 'origin', 'refs/notes/ai']);
    expect(pushed.code).not.toBe(0);
    expect(pushed.stderr).toContain(shared.slice(0, 12));
    // B's own note of it again (its Claude line kept whole): only A's empty note is dropped, which takes nothing.
    addNote(b, shared, gitAiNote({ 'docs/a.md': [session(NOTE_KEYS.claude, '1-1')] }));
    const again = tryGit(b.dir, ['push', '-q', 'origin', 'refs/notes/ai']);
    expect(again.code, again.stderr).toBe(0);
  });
});

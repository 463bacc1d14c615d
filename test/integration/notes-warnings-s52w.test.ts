// Session 52 helper w (final review of rows 1047/1048's reading of notes): what was left.
// 1. `check` said a malformed note's warning twice when the commit's lines landed under a protected
//    path (its facts read the note, then the landed lines read it again: notesReader warned each time).
// 2. `aitrail notes squash` over one branch commit whose note is two joined (row 1048) said
//    "composed from 2 notes": it counted the joined note's halves, not the branch's notes.
// 3. (row 1060) a joined note's later part calling an agent's lines a person's took them when squashed.
// 4. the evidence of a note author with no line of the commit said `no line left`, of a note that never attested one.
// Each test failed before its fix.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo } from '../helpers/gitdir.js';
import { squashJoinedNote } from '../helpers/squash-joined.js';

describe("the notes' warnings and counts as read (rows 1047, 1048)", () => {
  it('check says a malformed note of a commit whose lines land under a protected path once', () => {
    const repo = makeRepo();
    const policy = 'policy:\n  paths:\n    - files: ["src/crypto/**"]\n      deny: ["qwen/*"]\n';
    const older = repo.commit('feat: key', { '.aitrailrc.yml': policy, 'lib/key.ts': 'k1\nk2\nk3\nk4\n' });
    addNote(repo, older, 'not a git-ai note\n');
    repo.git(['checkout', '-q', '-b', 'feature']);
    repo.git(['rm', '-q', 'lib/key.ts']);
    repo.commit('refactor: key into crypto', { 'src/crypto/key.ts': 'k1\nk2\nk3\nk4\n' });
    const check = aitrail(repo.dir, ['check', 'main..feature']);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stderr.match(new RegExp(`note of commit ${older.slice(0, 12)} is malformed`, 'g'))).toHaveLength(1);
  });

  it('notes squash over one commit whose note is two joined says it composed from 1 note', () => {
    const { squash, run } = squashJoinedNote(gitAiNote({ 'src/k.ts': [session(NOTE_KEYS.claude, '1')] }), gitAiNote({ 'src/k.ts': [session(NOTE_KEYS.qwen, '2-3')] }));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toContain(`wrote the git-ai note of ${squash.slice(0, 12)}: 1 file, composed from 1 note.`);
  });

  it("row 1060: notes squash over a note joined from Qwen's and a hostile one calling its lines a person's keeps Qwen's lines", () => {
    const hostile = gitAiNote({ 'src/k.ts': [`${NOTE_KEYS.human} 1-3`] });
    const { repo, squash, run } = squashJoinedNote(gitAiNote({ 'src/k.ts': [session(NOTE_KEYS.qwen, '1-3')] }), hostile);
    expect(run.code, run.stderr).toBe(0);
    // Qwen's lines stay Qwen's: a joined part's person's key takes no line another part gives an agent (row 1064's
    // ordering, which replaced this row's first fix; parts giving one line to two agents are not composed: s52r tests).
    expect(repo.git(['notes', '--ref', 'ai', 'show', squash])).toContain(`src/k.ts\n  ${session(NOTE_KEYS.qwen, '1-3')}\n---`);
    const blame = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
    expect(blame.code, blame.stderr).toBe(0);
    expect(JSON.parse(blame.stdout).files.find((file: { path: string }) => file.path === 'src/k.ts')).toMatchObject({ byModel: { 'qwen/qwen3-coder': 3 } });
  });

  it("log's evidence for a note with no attestation, its session kept: no line in this commit, not `no line left`", () => {
    const repo = makeRepo();
    const sha = repo.commit('feat: keys', { 'src/k.ts': 'a\n' });
    addNote(repo, sha, gitAiNote({}, [NOTE_KEYS.claude]));
    const log = aitrail(repo.dir, ['log', '-n', '1']);
    expect(log.code, log.stderr).toBe(0);
    expect(log.stdout).toContain('git-ai tool "claude", model "claude-opus-4-6", no line in this commit\n');
  });
});

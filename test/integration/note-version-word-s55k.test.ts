// Session 55 helper k (row 1187): `blame` (which reads only authorship/3.0.0, as git-ai's blame
// does) called a well-formed note of another schema version "malformed", telling a user whose
// git-ai is newer than this reader that their notes are broken. Found reviewing 1158's leftovers
// with the built CLI. Now it says the note is of a version this reader does not know; a note with no
// schema_version string is still called malformed.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo } from '../helpers/gitdir.js';

describe("blame's word for a note of a version it does not read (row 1187)", () => {
  it('authorship/4.0.0: "of a version this reader does not know", not "malformed"', () => {
    const repo = makeRepo();
    const sha = repo.commit('feat: q', { 'q.ts': 'q1\nq2\n' });
    addNote(repo, sha, gitAiNote({ 'q.ts': [session(NOTE_KEYS.qwen, '1-2')] }).replace('authorship/3.0.0', 'authorship/4.0.0'));
    const blame = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
    expect(blame.code, blame.stderr).toBe(0);
    expect(blame.stderr).toContain(`the git-ai note of commit ${sha.slice(0, 12)} is of a version this reader does not know (schema_version "authorship/4.0.0"`);
    expect(blame.stderr).not.toContain('is malformed');
  });

  it('no schema_version: still malformed', () => {
    const repo = makeRepo();
    const sha = repo.commit('feat: q', { 'q.ts': 'q1\nq2\n' });
    addNote(repo, sha, gitAiNote({ 'q.ts': [session(NOTE_KEYS.qwen, '1-2')] }).replace(/"schema_version":\s*"authorship\/3\.0\.0",/, ''));
    const blame = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
    expect(blame.code, blame.stderr).toBe(0);
    expect(blame.stderr).toContain('is malformed (schema_version none');
  });
});

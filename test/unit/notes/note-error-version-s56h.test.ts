// Session 56 helper h (row 1195): read-notes.ts told a note of an unknown schema_version from a
// malformed one by the words its error message opened with ("schema_version none"), and the writers
// (notes squash, post-commit, the carry) told neither. Now the parser's error carries the version string
// it did not read, and notesForRewrite says `version` or `malformed` (salvaging the models once).
import { describe, expect, test } from 'vitest';
import { notesForRewrite } from '../../../src/core/notes/compose-note.js';
import { parseAuthorshipLog } from '../../../src/core/notes/parse-authorship-log.js';

const QWEN = { s_5a5a5a5a5a5a5a: { agent_id: { tool: 'opencode', id: 'c3', model: 'qwen3-coder' } } };
const note = (version: unknown, range = '2-3') => `f.txt\n  s_5a5a5a5a5a5a5a::t_1 ${range}\n---\n${JSON.stringify({ schema_version: version, base_commit_sha: 'a'.repeat(40), prompts: {}, sessions: QWEN })}\n`;

describe('an unknown schema_version, told apart from a malformed note by data (row 1195)', () => {
  test('the parser names the version string it does not read, and only a string', () => {
    const newer = parseAuthorshipLog(note('authorship/4.0.0'), 'blame');
    expect(newer.ok ? null : newer.error).toEqual(expect.objectContaining({ code: 'unsupported-schema', schemaVersion: 'authorship/4.0.0' }));
    const number = parseAuthorshipLog(note(3), 'blame');
    expect(number.ok ? null : number.error.schemaVersion).toBeUndefined();
    expect(number.ok ? null : number.error.code).toBe('unsupported-schema');
  });

  test('notesForRewrite: version, malformed (models salvaged), foreign', () => {
    const newer = notesForRewrite(note('authorship/4.0.0'));
    expect(newer.why).toBe('version');
    expect([...newer.salvaged!.sessions.values()][0]).toEqual(expect.objectContaining({ model: 'qwen3-coder' }));
    const malformed = notesForRewrite(note('authorship/3.0.0', '2-3x'));
    expect(malformed.why).toBe('malformed');
    expect(malformed.salvaged).toBeDefined();
    expect(notesForRewrite('a remark by hand\n')).toEqual({ notes: [], why: 'foreign' });
    expect(notesForRewrite(note('authorship/3.0.0')).notes).toHaveLength(1);
  });
});

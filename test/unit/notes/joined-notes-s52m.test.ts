// Row 1047: the notes `git notes merge -s union` joins (`<note>\n\n<note>`), split back as the bytes
// git-ai writes them (no trailing newline, `to_string_pretty` metadata), aitrail writes them (a trailing
// newline), with CRLF endings and one-line metadata; anything else is no join.
import { describe, expect, test } from 'vitest';
import { parseJoinedNotes, splitJoinedNotes } from '../../../src/core/notes/joined-notes.js';

/** A note as git-ai's serializer writes it: attestations, `---`, pretty JSON, no trailing newline. */
const gitAi = (key: string, model: string) =>
  `src/a.rs\n  ${key}::t_9f8e7d6c5b4a32 1-3,5\n---\n${JSON.stringify({ schema_version: 'authorship/3.0.0', git_ai_version: '1.4.5', base_commit_sha: 'a'.repeat(40), prompts: {}, sessions: { [key]: { agent_id: { tool: 'claude', id: 'x', model } } } }, null, 2)}`;

describe('splitJoinedNotes (row 1047)', () => {
  const first = gitAi('s_00000000000001', 'claude-opus-4-6');
  const second = gitAi('s_00000000000002', 'gpt-5');

  test('two notes git-ai wrote, joined as git joins them: both read, each with its own records', () => {
    expect(splitJoinedNotes(`${first}\n\n${second}`)).toEqual([first, `\n${second}`]);
    const logs = parseJoinedNotes(`${first}\n\n${second}\n`)!.logs;
    expect(logs.map((log) => [...log.sessions.values()].map((record) => record.model))).toEqual([['claude-opus-4-6'], ['gpt-5']]);
    expect(logs[1]!.files.get('src/a.rs')?.[0]?.ranges).toEqual([1, 3, 5, 5]);
  });

  test('three notes, CRLF endings, one-line metadata', () => {
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');
    const compact = `src/b.rs\n  s_00000000000003::t_1 2\n---\n{"schema_version":"authorship/3.0.0","base_commit_sha":"b","prompts":{},"sessions":{"s_00000000000003":{"agent_id":{"tool":"cursor","id":"y","model":"composer-1"}}}}`;
    const logs = parseJoinedNotes(`${crlf(first)}\r\n\r\n${compact}\n\n${second}\n`)?.logs;
    expect(logs?.map((log) => [...log.sessions.keys()])).toEqual([['s_00000000000001'], ['s_00000000000003'], ['s_00000000000002']]);
  });

  test('one note, a note with text after its metadata that is no note, cat_sort_uniq sorted lines: no join read', () => {
    expect(splitJoinedNotes(first)).toBeNull();
    expect(parseJoinedNotes(`${first}\n\ntrailing words`)).toBeNull();
    const sorted = [...new Set(`${first}\n${second}`.split('\n'))].sort().join('\n');
    expect(parseJoinedNotes(sorted)).toBeNull();
  });
});

// Row 1064: a joined note's parts as the writers compose them (readNotesForRewrite): no part's AI line
// given to a person (or to another AI) by another part, and no record renamed by another part.
import { describe, expect, test } from 'vitest';
import { notesForRewrite } from '../../../src/core/notes/compose-note.js';
import { JOINED_NOTES_LIMIT, parseJoinedNotes, splitJoinedNotes } from '../../../src/core/notes/joined-notes.js';

/** The notes the writers compose of `text` (notesForRewrite's, without why none). */
const readNotesForRewrite = (text: string) => notesForRewrite(text).notes;

const QWEN = { agent_id: { tool: 'opencode', id: 'c3', model: 'qwen3-coder' } };
const CLAUDE = { agent_id: { tool: 'claude', id: 'c1', model: 'claude-opus-4-6' } };
const note = (entries: string, sessions: Record<string, unknown>, humans: Record<string, unknown> = {}) =>
  `src/k.ts\n${entries}\n---\n${JSON.stringify({ schema_version: 'authorship/3.0.0', base_commit_sha: 'a'.repeat(40), prompts: {}, humans, sessions }, null, 2)}\n`;
const qwen = note('  s_5a5a5a5a5a5a5a::t_1 2-3', { s_5a5a5a5a5a5a5a: QWEN });
/** The AI keys of each source with their ranges, in composing order. */
const owners = (text: string) => readNotesForRewrite(text).map((source) => [...source.files].map(([path, entries]) => [path, entries.map((entry) => `${entry.key} ${entry.ranges.join(',')}`)]));

describe('readNotesForRewrite over a joined note (row 1064)', () => {
  test("a later part's person's entry comes before every AI entry: the AI line stays AI", () => {
    const human = note('  h_31dce776f88375 1-3', {}, { h_31dce776f88375: { author: 'H <h@example.com>' } });
    expect(owners(`${qwen}\n${human}`)).toEqual([[], [['src/k.ts', ['h_31dce776f88375 1,3']]], [['src/k.ts', ['s_5a5a5a5a5a5a5a::t_1 2,3']]], []]);
  });

  test('two parts giving one line to two sessions: not composed', () => {
    const claude = note('  s_0c9883b05a2487::t_1 3', { s_0c9883b05a2487: CLAUDE });
    expect(readNotesForRewrite(`${qwen}\n${claude}`)).toEqual([]);
    // One session's other turn over the same lines agrees; lines apart agree.
    expect(readNotesForRewrite(`${qwen}\n${note('  s_5a5a5a5a5a5a5a::t_2 3', { s_5a5a5a5a5a5a5a: QWEN })}`)).toHaveLength(4);
    expect(readNotesForRewrite(`${qwen}\n${note('  s_0c9883b05a2487::t_1 1,4-9', { s_0c9883b05a2487: CLAUDE })}`)).toHaveLength(4);
  });

  test("a part naming another part's session as another agent: not composed", () => {
    const renamed = note('  h_31dce776f88375 1', { s_5a5a5a5a5a5a5a: CLAUDE }, { h_31dce776f88375: { author: 'H <h@example.com>' } });
    expect(readNotesForRewrite(`${qwen}\n${renamed}`)).toEqual([]);
  });
});

// Row 1065: past JOINED_NOTES_LIMIT parts only the first are read (the rest not parsed), and the split stops there.
describe('a joined note past JOINED_NOTES_LIMIT parts (row 1065)', () => {
  test('100 parts are read apart; of more, the first 100 (the rest unread), by the readers; the writers compose none', () => {
    const parts = (count: number) => Array.from({ length: count }, () => qwen).join('\n');
    expect(JOINED_NOTES_LIMIT).toBe(100);
    expect(parseJoinedNotes(parts(100))).toEqual({ logs: expect.any(Array), unread: false });
    expect(parseJoinedNotes(parts(100))?.logs).toHaveLength(100);
    // The 101st part is not parsed: a bad one there changes nothing.
    const over = parseJoinedNotes(`${parts(100)}\n${qwen.replace('authorship/3.0.0', '')}`);
    expect(over?.unread).toBe(true);
    expect(over?.logs).toHaveLength(100);
    expect(splitJoinedNotes(parts(5000))).toHaveLength(101);
    expect(readNotesForRewrite(parts(100))).toHaveLength(200);
    expect(readNotesForRewrite(parts(101))).toEqual([]);
  });
});

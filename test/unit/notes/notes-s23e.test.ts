// Line-level authorship in git-ai's notes (session 23, e): what a note says about who wrote which
// lines, read as git-ai's own reader reads it (README threat-model row 277).
import { describe, expect, test } from 'vitest';
import { noteLines } from '../../../src/core/notes/note-lines.js';
import { parseAuthorshipLog } from '../../../src/core/notes/parse-authorship-log.js';

function lines(text: string) {
  const parsed = parseAuthorshipLog(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return noteLines(parsed.log);
}
const owned = (text: string) => lines(text).authors().map((author) => [author.agent, author.model, author.lines, author.paths]);

describe('noteLines.authors: each line counted once, for the entry git-ai gives it to', () => {
  test('two sessions over the same lines (a squash-transplanted note): the later owns them, the earlier none', () => {
    // git-ai-project/git-ai issue #2294 ("stats double-counts added lines attested by multiple
    // entries", notes written by git-ai 1.5.8 to 1.7.0): its reproduction note, records as git-ai writes them.
    const note = `app.txt
  s_aaaaaaaaaaaaaa::t_aaaaaaaaaaaaaa 1-10
  s_bbbbbbbbbbbbbb::t_bbbbbbbbbbbbbb 1-10
---
{
  "schema_version": "authorship/3.0.0",
  "git_ai_version": "1.7.0",
  "base_commit_sha": "${'0'.repeat(40)}",
  "prompts": {},
  "sessions": {
    "s_aaaaaaaaaaaaaa": { "agent_id": { "tool": "claude", "id": "a", "model": "claude-opus-4-6" } },
    "s_bbbbbbbbbbbbbb": { "agent_id": { "tool": "codex", "id": "b", "model": "gpt-5.1-codex" } }
  }
}`;
    expect(owned(note)).toEqual([
      ['claude-code', 'anthropic/claude-opus-4.6', 0, []],
      ['codex', 'openai/gpt-5.1-codex', 10, ['app.txt']],
    ]);
    const judged: Array<[string, number]> = [];
    lines(note).judge('app.txt', 1, 10, (author, count) => judged.push([author.model, count]));
    expect(judged).toEqual([['openai/gpt-5.1-codex', 10]]);
  });

  test('one key written again and again over growing ranges counts each line once', () => {
    // git-ai-project/git-ai issue #1561 (refs/notes/ai holding overlapping ranges for one key,
    // package-lock.json): the first entry lines of the note quoted there.
    const note = `package-lock.json
  s_cb001122334455::t_aabb0011223344 6-58
  s_cb001122334455::t_aabb0011223344 63-125
  s_cb001122334455::t_aabb0011223344 67-133
  s_cb001122334455::t_aabb0011223344 71-141
---
{"schema_version":"authorship/3.0.0","base_commit_sha":"x","prompts":{},"sessions":{"s_cb001122334455":{"agent_id":{"tool":"cursor","id":"c","model":"claude-4.5-sonnet"}}}}`;
    // 6-58 and 63-141: 53 + 79 lines, not the 254 the four ranges add up to.
    expect(owned(note)).toEqual([['cursor', 'anthropic/claude-sonnet-4.5', 132, ['package-lock.json']]]);
  });

  test('an AI entry a later known-human entry covers owns no line', () => {
    const note = `a.ts
  s_aaaaaaaaaaaaaa::t_aaaaaaaaaaaaaa 1-4
  h_31dce776f88375 1-4
---
{"schema_version":"authorship/3.0.0","base_commit_sha":"x","prompts":{},"humans":{"h_31dce776f88375":{"author":"D <d@x>"}},"sessions":{"s_aaaaaaaaaaaaaa":{"agent_id":{"tool":"claude","id":"a","model":"claude-opus-4-6"}}}}`;
    expect(owned(note)).toEqual([['claude-code', 'anthropic/claude-opus-4.6', 0, []]]);
  });
});

import { describe, expect, test } from 'vitest';
import { noteLines } from '../../../src/core/notes/note-lines.js';
import { parseAuthorshipLog } from '../../../src/core/notes/parse-authorship-log.js';

const NOTE = `src/main.rs
  s_c9883b05a2487d::t_9f8e7d6c5b4a32 1-10,15-20
  s_c9883b05a2487d::t_a1b2c3d4e5f678 25
  h_31dce776f88375 42-50
  abcd1234abcd1234 60-61
  ffff0000ffff0000 70
"src/my lib.rs"
  s_e7f2a90b31cc48::t_deadbeef012345 1-50
humans-only.rs
  h_31dce776f88375 1-3
---
{"schema_version":"authorship/3.0.0","base_commit_sha":"x",
 "prompts":{"abcd1234abcd1234":{"agent_id":{"tool":"cursor","id":"p","model":"composer-1"}},"unused0000000000":{"agent_id":{"tool":"gemini","id":"u","model":"gemini-2.5-pro"}}},
 "humans":{"h_31dce776f88375":{"author":"D <d@x>"}},
 "sessions":{"s_c9883b05a2487d":{"agent_id":{"tool":"claude","id":"a","model":"claude-opus-4-6"}},
             "s_e7f2a90b31cc48":{"agent_id":{"tool":"codex","id":"b","model":"gpt-5.3-codex"}}}}`;

function judged(path: string, start: number, count: number): Record<string, number> {
  const result = parseAuthorshipLog(NOTE);
  if (!result.ok) throw new Error(result.error.message);
  const counts: Record<string, number> = {};
  noteLines(result.log).judge(path, start, count, (author, lines) => {
    const key = `${author.agent} ${author.model}`;
    counts[key] = (counts[key] ?? 0) + lines;
  });
  return counts;
}

describe('noteLines', () => {
  test('AI keys → their session or prompt; h_ keys and untracked lines are not counted', () => {
    expect(judged('src/main.rs', 1, 100)).toEqual({
      'claude-code anthropic/claude-opus-4.6': 17,
      'cursor cursor/composer-1': 2,
      'unknown unknown': 1,
    });
    expect(judged('src/main.rs', 11, 4)).toEqual({});
    expect(judged('src/main.rs', 40, 15)).toEqual({});
    expect(judged('src/my lib.rs', 40, 20)).toEqual({ 'codex openai/gpt-5.3-codex': 11 });
    expect(judged('humans-only.rs', 1, 3)).toEqual({});
    expect(judged('not-in-note.rs', 1, 1000)).toEqual({});
  });

  test('authors: every record and every AI key, once; aiPaths: files with an AI entry', () => {
    const result = parseAuthorshipLog(NOTE);
    if (!result.ok) throw new Error(result.error.message);
    const lines = noteLines(result.log);
    expect(lines.authors().map((author) => `${author.agent} ${author.model}`).sort()).toEqual([
      'claude-code anthropic/claude-opus-4.6',
      'codex openai/gpt-5.3-codex',
      'cursor cursor/composer-1',
      'gemini-cli google/gemini-2.5-pro',
      'unknown unknown',
    ]);
    expect(lines.aiPaths()).toEqual(['src/main.rs', 'src/my lib.rs']);
  });
});

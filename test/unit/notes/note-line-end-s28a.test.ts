// A git-ai note line ending in NEL (U+0085) (session 28, a; README threat-model row 333): git-ai
// drops a line's trailing whitespace with Rust's `str::trim_end` (Unicode White_Space, NEL
// included) before reading its path or ranges, so `  <claude key> 5<NEL>` is line 5 to git-ai.
// JavaScript's `trimEnd` keeps NEL, so aitrail read the ranges `5<NEL>`, refused the whole note,
// and its other entries (a denied Qwen's lines) went unread.
import { describe, expect, test } from 'vitest';
import { noteLines } from '../../../src/core/notes/note-lines.js';
import { parseAuthorshipLog } from '../../../src/core/notes/parse-authorship-log.js';
import type { AuthorshipLog } from '../../../src/core/notes/types.js';
import { cpuClock } from '../../helpers/cpu-clock.js';

const QWEN = 's_5a5a5a5a5a5a5a';
const CLAUDE = 's_0c9883b05a2487';
const NEL = '\u0085';

function note(attestations: string): string {
  const sessions = {
    [QWEN]: { agent_id: { tool: 'opencode', id: 'q', model: 'qwen3-coder' } },
    [CLAUDE]: { agent_id: { tool: 'claude', id: 'c', model: 'claude-opus-4-6' } },
  };
  return `${attestations}\n---\n${JSON.stringify({ schema_version: 'authorship/3.0.0', prompts: {}, sessions })}`;
}

function judged(text: string): Record<string, number> {
  const result = parseAuthorshipLog(text);
  if (!result.ok) throw new Error(`expected a log, got ${result.error.code}: ${result.error.message}`);
  const log: AuthorshipLog = result.log;
  const counts: Record<string, number> = {};
  noteLines(log).judge('src/x.ts', 1, 6, (author, lines) => (counts[author.model] = (counts[author.model] ?? 0) + lines));
  return counts;
}

describe('a note line’s trailing whitespace is dropped as git-ai’s trim_end drops it', () => {
  test.each([
    ['NEL after a range', `src/x.ts\n  ${QWEN}::t_9f8e7d6c5b4a32 1-4\n  ${CLAUDE}::t_9f8e7d6c5b4a32 5${NEL}`],
    ['NEL and spaces mixed after a range', `src/x.ts\n  ${QWEN}::t_9f8e7d6c5b4a32 1-4 ${NEL}\t${NEL}\r\n  ${CLAUDE}::t_9f8e7d6c5b4a32 5`],
    ['NEL after the path', `src/x.ts${NEL}\n  ${QWEN}::t_9f8e7d6c5b4a32 1-4\n  ${CLAUDE}::t_9f8e7d6c5b4a32 5`],
    ['BOM after a range (JavaScript trims it; kept as before)', `src/x.ts\n  ${QWEN}::t_9f8e7d6c5b4a32 1-4\n  ${CLAUDE}::t_9f8e7d6c5b4a32 5\ufeff`],
  ])('%s: Qwen keeps its 4 lines', (_name, attestations) => {
    expect(judged(note(attestations))).toEqual({ 'qwen/qwen3-coder': 4, 'anthropic/claude-opus-4.6': 1 });
  });

  test.each([
    ['`---<NEL>`', `---${NEL}`],
    ['`--- ` (a space)', '--- '],
  ])('%s between files is a file line, as to git-ai (its divider is a line exactly `---`), not the divider', (_name, line) => {
    expect(judged(note(`src/a.ts\n  ${CLAUDE}::t_9f8e7d6c5b4a32 1\n${line}\nsrc/x.ts\n  ${QWEN}::t_9f8e7d6c5b4a32 1-4\n  ${CLAUDE}::t_9f8e7d6c5b4a32 5`))).toEqual({
      'qwen/qwen3-coder': 4,
      'anthropic/claude-opus-4.6': 1,
    });
  });

  test('NEL inside a range is still malformed (git-ai refuses the note too)', () => {
    const parsed = parseAuthorshipLog(note(`src/x.ts\n  ${QWEN}::t_9f8e7d6c5b4a32 1-4\n  ${CLAUDE}::t_9f8e7d6c5b4a32 5${NEL},6`));
    expect(parsed.ok).toBe(false);
  });

  test('a line ending in millions of whitespace characters trims in linear time', () => {
    const tail = ` ${NEL}`.repeat(2_000_000);
    const before = cpuClock();
    expect(judged(note(`src/x.ts\n  ${QWEN}::t_9f8e7d6c5b4a32 1-4${tail}\n  ${CLAUDE}::t_9f8e7d6c5b4a32 5${tail}`))).toEqual({ 'qwen/qwen3-coder': 4, 'anthropic/claude-opus-4.6': 1 });
    expect(cpuClock() - before).toBeLessThan(3000);
  });
});

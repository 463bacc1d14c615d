// Line ranges spelled with a `+` or zero padding (session 28, a; README threat-model row 332):
// git-ai reads each side of a range with Rust's `str::parse::<u32>()`, which takes one leading
// `+` and any number of leading zeros, so `+3`, `007` and `+0005-+9` are lines 3, 7 and 5..9 to
// git-ai. aitrail refused `+3` (and zero padding past ten digits), so one such range refused the
// whole note and its other entries (a denied Qwen's lines) went unread.
import { describe, expect, test } from 'vitest';
import { parseAuthorshipLog } from '../../../src/core/notes/parse-authorship-log.js';
import { parseLineRanges } from '../../../src/core/notes/parse-line-ranges.js';
import { cpuClock } from '../../helpers/cpu-clock.js';

describe('parseLineRanges reads every spelling git-ai’s u32 parse accepts', () => {
  test.each([
    ['+3', [3, 3]],
    ['007', [7, 7]],
    ['+007', [7, 7]],
    ['+3-+5', [3, 5]],
    ['003-+0005', [3, 5]],
    ['+0', []],
    ['+9-3', []],
    [`${'0'.repeat(40)}12`, [12, 12]],
    [`1-${'0'.repeat(40)}4294967295`, [1, 2 ** 31 - 1]],
    ['+1,,+2,', [1, 1, 2, 2]],
  ])('%j reads as %j', (text, expected) => {
    expect(parseLineRanges(text)).toEqual(expected);
  });

  test.each([
    '+', '++3', '+-3', '-+3', '-', '5-', '-5', '3--5', '3-+', '+ 3', ' +3', '+3 ', '3-4-5',
    '4294967296', `+${'0'.repeat(30)}4294967296`, '12345678901', '0x10', '1_000', '٣',
  ])('%j stays malformed (git-ai refuses the note too)', (text) => {
    expect(parseLineRanges(text)).toBeNull();
  });

  test('a note with a `+3` range elsewhere keeps its other entries', () => {
    const qwen = 's_5a5a5a5a5a5a5a';
    const claude = 's_0c9883b05a2487';
    const sessions = {
      [qwen]: { agent_id: { tool: 'opencode', id: 'q', model: 'qwen3-coder' } },
      [claude]: { agent_id: { tool: 'claude', id: 'c', model: 'claude-opus-4-6' } },
    };
    const text = `src/x.ts\n  ${qwen}::t_9f8e7d6c5b4a32 1-4\n  ${claude}::t_9f8e7d6c5b4a32 +5,007\n---\n${JSON.stringify({ schema_version: 'authorship/3.0.0', prompts: {}, sessions })}`;
    const parsed = parseAuthorshipLog(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.log.files.get('src/x.ts')!.map((entry) => entry.ranges)).toEqual([[1, 4], [5, 5, 7, 7]]);
  });

  test('a part of millions of zeros reads in linear time (no backtracking)', () => {
    const zeros = '0'.repeat(8_000_000);
    const before = cpuClock();
    expect(parseLineRanges(`+${zeros}-${zeros}9x`)).toBeNull();
    expect(parseLineRanges(`+${zeros}-${zeros}9`)).toEqual([1, 9]);
    expect(cpuClock() - before).toBeLessThan(2000);
  });
});

// Line ranges that name no line (session 27, g; README threat-model row 331): git-ai reads each
// number as a u32 and matches a line against `start <= line <= end`, so `0`, a reversed `9-3` or
// a line past any file (old git-ai's `LineRange::shift` wrote a `0` or a wrapped u32) match
// nothing and the note is read. aitrail refused the whole note: its other entries went unread.
import { describe, expect, test } from 'vitest';
import { composeFile, composeMetadata, heldKeys, readNoteForRewrite } from '../../../src/core/notes/compose-note.js';
import { noteLines } from '../../../src/core/notes/note-lines.js';
import { parseAuthorshipLog } from '../../../src/core/notes/parse-authorship-log.js';
import { MAX_LINE, parseLineRanges } from '../../../src/core/notes/parse-line-ranges.js';
import { serializeAuthorshipLog } from '../../../src/core/notes/serialize-authorship-log.js';
import type { AuthorshipLog } from '../../../src/core/notes/types.js';
import { cpuClock } from '../../helpers/cpu-clock.js';

const QWEN = 's_5a5a5a5a5a5a5a';
const CLAUDE = 's_0c9883b05a2487';

function note(qwen: string, claude: string): string {
  const sessions = {
    [QWEN]: { agent_id: { tool: 'opencode', id: 'q', model: 'qwen3-coder' } },
    [CLAUDE]: { agent_id: { tool: 'claude', id: 'c', model: 'claude-opus-4-6' } },
  };
  return `src/x.ts\n  ${QWEN}::t_9f8e7d6c5b4a32 ${qwen}\n  ${CLAUDE}::t_9f8e7d6c5b4a32 ${claude}\n---\n${JSON.stringify({ schema_version: 'authorship/3.0.0', prompts: {}, sessions })}`;
}

function parsed(text: string): AuthorshipLog {
  const result = parseAuthorshipLog(text);
  if (!result.ok) throw new Error(`expected a log, got ${result.error.code}: ${result.error.message}`);
  return result.log;
}

function judged(log: AuthorshipLog, count: number): Record<string, number> {
  const counts: Record<string, number> = {};
  noteLines(log).judge('src/x.ts', 1, count, (author, lines) => (counts[author.model] = (counts[author.model] ?? 0) + lines));
  return counts;
}

describe('parseLineRanges: parts that name no line match nothing', () => {
  test.each([
    ['0', []],
    ['9-3', []],
    ['3-1', []],
    ['0-0', []],
    ['2147483648', []],
    ['4294967295', []],
    ['4294967295-4294967295', []],
    [',', []],
    ['1,,', [1, 1]],
    ['0-2', [1, 2]],
    ['5-4294967295', [5, MAX_LINE]],
    ['2147483647', [MAX_LINE, MAX_LINE]],
    ['1-4,9-3,0,7', [1, 4, 7, 7]],
    ['0000000007', [7, 7]],
  ])('%s → %j', (text, expected) => {
    expect(parseLineRanges(text)).toEqual(expected);
  });

  test.each(['4294967296', '1-4294967296', '99999999999', '-3', '1-2-3', '1 - 3', 'a'])('%j is still malformed (git-ai refuses the note too)', (text) => {
    expect(parseLineRanges(text)).toBeNull();
  });
});

describe('a note with one range that names no line keeps every other entry (row 331)', () => {
  test.each(['9-3', '0', '4294967295', '2147483648-4294967295'])('Claude at %s: Qwen keeps lines 1-4, is named and owns src/x.ts', (bad) => {
    const log = parsed(note('1-4', bad));
    expect(log.files.get('src/x.ts')!.map((entry) => entry.ranges)).toEqual([[1, 4], []]);
    expect(judged(log, 10)).toEqual({ 'qwen/qwen3-coder': 4 });
    const authors = noteLines(log).authors();
    expect(authors.find((author) => author.model === 'qwen/qwen3-coder')).toMatchObject({ paths: ['src/x.ts'], lines: 4 });
    expect(authors.find((author) => author.model === 'anthropic/claude-opus-4.6')).toMatchObject({ paths: [], lines: 0 });
  });

  test('the bad part of an entry is left out, its good parts still win their lines', () => {
    const log = parsed(note('1-6', '9-3,5-6,0'));
    expect(judged(log, 10)).toEqual({ 'qwen/qwen3-coder': 4, 'anthropic/claude-opus-4.6': 2 });
  });

  test('a start of 0 in a range is read from line 1, as git-ai matches it', () => {
    expect(judged(parsed(note('1-4', '0-2')), 10)).toEqual({ 'qwen/qwen3-coder': 2, 'anthropic/claude-opus-4.6': 2 });
  });

  test('a number past u32 still makes the note malformed, as git-ai reads it', () => {
    const result = parseAuthorshipLog(note('1-4', '4294967296'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'bad-range', message: expect.stringMatching(/^line 3: /) });
  });

  test('a hostile line of a million parts that name no line parses in linear time, to nothing', () => {
    const text = Array.from({ length: 1_000_000 }, () => '4294967295-1').join(',');
    const started = cpuClock();
    const log = parsed(note('1-4', text));
    expect(cpuClock() - started).toBeLessThan(5_000);
    expect(log.files.get('src/x.ts')![1]!.ranges).toEqual([]);
    expect(judged(log, 10)).toEqual({ 'qwen/qwen3-coder': 4 });
  });

  test('carried through a rewrite (post-rewrite, notes squash), Qwen keeps its lines and the bad range is not written again', () => {
    const read = readNoteForRewrite(note('1-4', '9-3'))!;
    expect(read).not.toBeNull();
    const lines = ['a', 'b', 'c', 'd', 'e'];
    const entries = composeFile([{ entries: read.files.get('src/x.ts')!, lines, held: heldKeys(read.metadata) }], lines, null);
    const text = serializeAuthorshipLog({ files: [{ path: 'src/x.ts', entries }], ...composeMetadata([read.metadata], 'c') });
    expect(text.split('\n').slice(0, 3)).toEqual(['src/x.ts', `  ${QWEN}::t_9f8e7d6c5b4a32 1-4`, '---']);
  });
});

// A git-ai note whose first line is an entry, or whose JSON ends in NBSP or NEL (session 28, e;
// README threat-model row 340): git-ai's blame reads a note after Rust's `str::trim` (Unicode
// White_Space at both ends: `show_authorship_note`'s `s.trim()`, `read_authorship_v3_batch`'s
// `content.trim()`), so `  <key> 5` first is a file line `<key> 5` and trailing NBSP or NEL is gone
// before serde_json reads the metadata. aitrail read the untrimmed text and refused both notes
// whole (`entry-without-file`, `bad-json`), so their other entries (a denied Qwen's lines) went unread.
import { describe, expect, test } from 'vitest';
import { noteLines } from '../../../src/core/notes/note-lines.js';
import { parseAuthorshipLog } from '../../../src/core/notes/parse-authorship-log.js';
import { cpuClock } from '../../helpers/cpu-clock.js';

const QWEN = 's_5a5a5a5a5a5a5a::t_9f8e7d6c5b4a32';
const CLAUDE = 's_0c9883b05a2487::t_9f8e7d6c5b4a32';
const NBSP = '\u00a0';
const NEL = '\u0085';
const JSON_PART = JSON.stringify({
  schema_version: 'authorship/3.0.0',
  prompts: {},
  sessions: {
    s_5a5a5a5a5a5a5a: { agent_id: { tool: 'opencode', id: 'q', model: 'qwen3-coder' } },
    s_0c9883b05a2487: { agent_id: { tool: 'claude', id: 'c', model: 'claude-opus-4-6' } },
  },
});
const BODY = `src/x.ts\n  ${QWEN} 1-4\n  ${CLAUDE} 5`;

function judged(text: string): Record<string, number> {
  const result = parseAuthorshipLog(text);
  if (!result.ok) throw new Error(`expected a log, got ${result.error.code}: ${result.error.message}`);
  const counts: Record<string, number> = {};
  noteLines(result.log).judge('src/x.ts', 1, 6, (author, lines) => (counts[author.model] = (counts[author.model] ?? 0) + lines));
  return counts;
}

const BOTH = { 'qwen/qwen3-coder': 4, 'anthropic/claude-opus-4.6': 1 };

describe('a note is trimmed at both ends as git-ai’s blame trims it (Rust `str::trim`)', () => {
  test.each([
    ['an entry first', `  ${CLAUDE} 6\n${BODY}\n---\n${JSON_PART}`],
    ['blank lines, then an entry first', `\n \n\t\n  ${CLAUDE} 6\n${BODY}\n---\n${JSON_PART}`],
    ['NBSP and NEL lines, then an entry first', `${NBSP}\n${NEL}\r\n  ${CLAUDE} 6\n${BODY}\n---\n${JSON_PART}`],
    ['JSON ending in NBSP', `${BODY}\n---\n${JSON_PART}${NBSP}`],
    ['JSON ending in NEL', `${BODY}\n---\n${JSON_PART}\n${NEL}`],
    ['JSON ending in other Unicode spaces', `${BODY}\n---\n${JSON_PART}\u2028\u3000\u202f\u205f\u1680\u2009\n`],
  ])('%s: read, Qwen keeps its 4 lines', (_name, text) => {
    expect(judged(text)).toEqual(BOTH);
  });

  test('the leading entry names no line of a file: trimmed, it is the path of a file with no entry (dropped)', () => {
    const result = parseAuthorshipLog(`  ${CLAUDE} 1-5\n${BODY}\n---\n${JSON_PART}`);
    expect(result.ok && [...result.log.files.keys()]).toEqual(['src/x.ts']);
    expect(judged(`  ${CLAUDE} 1-5\n${BODY}\n---\n${JSON_PART}`)).toEqual(BOTH);
  });

  test('two entries first: the second is the first one’s (a file named by its text), never src/x.ts’s', () => {
    const result = parseAuthorshipLog(`  ${CLAUDE} 1-5\n  ${CLAUDE} 1-5\n${BODY}\n---\n${JSON_PART}`);
    expect(result.ok && [...result.log.files.keys()]).toEqual([`${CLAUDE} 1-5`, 'src/x.ts']);
  });

  test('a first line ` ---` (trimmed, the divider; git-ai’s untrimmed batch read takes it as a file line) is read as that read reads it', () => {
    expect(judged(` ---\n${BODY}\n---\n${JSON_PART}`)).toEqual(BOTH);
  });

  test('what Rust keeps still refuses the note: a BOM or a word after the JSON, NBSP inside a range', () => {
    expect(parseAuthorshipLog(`${BODY}\n---\n${JSON_PART}\ufeff`)).toMatchObject({ ok: false, error: { code: 'bad-json' } });
    expect(parseAuthorshipLog(`${BODY}\n---\n${JSON_PART}${NBSP}x`)).toMatchObject({ ok: false, error: { code: 'bad-json' } });
    expect(parseAuthorshipLog(`src/x.ts\n  ${QWEN} 1-4 ${NBSP}5\n---\n${JSON_PART}`)).toMatchObject({ ok: false, error: { code: 'bad-range' } });
  });

  test('a BOM first is no whitespace to Rust: the first line stays a file line with it', () => {
    const result = parseAuthorshipLog(`\ufeffsrc/x.ts\n  ${QWEN} 1-4\n---\n${JSON_PART}`);
    expect(result.ok && [...result.log.files.keys()]).toEqual(['\ufeffsrc/x.ts']);
  });

  test('millions of whitespace characters at both ends trim in linear time', () => {
    const pad = ` ${NEL}${NBSP}\n`.repeat(1_000_000);
    const before = cpuClock();
    expect(judged(`${pad}  ${CLAUDE} 6\n${BODY}\n---\n${JSON_PART}${pad}`)).toEqual(BOTH);
    expect(cpuClock() - before).toBeLessThan(3000);
  });
});

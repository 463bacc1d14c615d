import { describe, expect, test } from 'vitest';
import { parseAuthorshipLog } from '../../../src/core/notes/parse-authorship-log.js';
import type { AuthorshipLog, NoteParse } from '../../../src/core/notes/types.js';
import { SPEC_EXAMPLE as SESSIONS } from '../../fixtures/git-ai-spec-example.js';
import { cpuClock } from '../../helpers/cpu-clock.js';

function parsed(text: string): AuthorshipLog {
  const result = parseAuthorshipLog(text);
  if (!result.ok) throw new Error(`expected a log, got ${result.error.code}: ${result.error.message}`);
  return result.log;
}

function failure(text: string): NoteParse & { ok: false } {
  const result = parseAuthorshipLog(text);
  if (result.ok) throw new Error('expected an error');
  return result;
}

const entries = (log: AuthorshipLog, path: string) => log.files.get(path)?.map((entry) => [entry.key, entry.kind, entry.record, entry.ranges]);

// Spec §1.2.6 (legacy prompts with 16-hex keys).
const LEGACY = `src/main.rs
  abcd1234abcd1234 1-10,15-20
  ef0b5678ef0b5678 25,30-35
src/lib.rs
  abcd1234abcd1234 1-50
---
{
  "schema_version": "authorship/3.0.0",
  "git_ai_version": "1.0.23",
  "base_commit_sha": "7734793b756b3921c88db5375a8c156e9532447b",
  "prompts": {
    "abcd1234abcd1234": {
      "agent_id": { "tool": "cursor", "id": "6ef2299e", "model": "claude-4.5-opus" },
      "human_author": "Developer <dev@example.com>",
      "total_additions": 25, "total_deletions": 5, "accepted_lines": 20, "overriden_lines": 0
    },
    "ef0b5678ef0b5678": {
      "agent_id": { "tool": "cursor", "id": "a1b2c3d4", "model": "claude-3-sonnet" },
      "total_additions": 6, "total_deletions": 0, "accepted_lines": 6, "overriden_lines": 0,
      "messages": [{ "type": "user", "text": "hi" }]
    }
  }
}`;

describe('parseAuthorshipLog: the spec examples', () => {
  test('sessions, trace ids and a known human (§1.2.5)', () => {
    const log = parsed(SESSIONS);
    expect(log.schemaVersion).toBe('authorship/3.0.0');
    expect(entries(log, 'src/main.rs')).toEqual([
      ['s_c9883b05a2487d::t_9f8e7d6c5b4a32', 'session', 's_c9883b05a2487d', [1, 10, 15, 20]],
      ['s_c9883b05a2487d::t_a1b2c3d4e5f678', 'session', 's_c9883b05a2487d', [25, 25, 30, 35]],
      ['h_31dce776f88375', 'human', 'h_31dce776f88375', [42, 50]],
    ]);
    expect(entries(log, 'src/lib.rs')).toEqual([['s_e7f2a90b31cc48::t_deadbeef012345', 'session', 's_e7f2a90b31cc48', [1, 50]]]);
    expect(log.sessions.get('s_c9883b05a2487d')).toEqual({ tool: 'cursor', model: 'claude-sonnet-4-5-20250514' });
    expect(log.sessions.get('s_e7f2a90b31cc48')).toEqual({ tool: 'claude', model: 'claude-sonnet-4-5-20250514' });
    expect([...log.humans]).toEqual(['h_31dce776f88375']);
    expect(log.prompts.size).toBe(0);
  });

  test('legacy 16-hex prompt keys (§1.2.6), with the deprecated messages array', () => {
    const log = parsed(LEGACY);
    expect(entries(log, 'src/main.rs')).toEqual([
      ['abcd1234abcd1234', 'prompt', 'abcd1234abcd1234', [1, 10, 15, 20]],
      ['ef0b5678ef0b5678', 'prompt', 'ef0b5678ef0b5678', [25, 25, 30, 35]],
    ]);
    expect(log.prompts.get('ef0b5678ef0b5678')).toEqual({ tool: 'cursor', model: 'claude-3-sonnet' });
    expect(log.sessions.size).toBe(0);
    expect(log.humans.size).toBe(0);
  });

  test('mixed note: session, human and legacy keys at once (§1.2.7)', () => {
    const log = parsed(`src/main.rs
  s_c9883b05a2487d::t_9f8e7d6c5b4a32 1-10
  h_31dce776f88375 15-20
src/lib.rs
  abcd1234abcd1234 1-50
---
{"schema_version":"authorship/3.0.0","base_commit_sha":"x","prompts":{"abcd1234abcd1234":{"agent_id":{"tool":"cursor","id":"old","model":"gpt-4"}}},"humans":{"h_31dce776f88375":{"author":"D <d@x>"}},"sessions":{"s_c9883b05a2487d":{"agent_id":{"tool":"claude","id":"c","model":"claude-sonnet-4-5-20250514"}}}}`);
    expect(log.files.get('src/main.rs')?.map((entry) => entry.kind)).toEqual(['session', 'human']);
    expect(log.files.get('src/lib.rs')?.map((entry) => entry.kind)).toEqual(['prompt']);
    expect(log.prompts.get('abcd1234abcd1234')?.model).toBe('gpt-4');
  });
});

describe('parseAuthorshipLog: keys', () => {
  const note = (key: string) => `a.ts\n  ${key} 1\n---\n{"schema_version":"authorship/3.0.0","prompts":{}}`;
  test.each([
    ['d9978a8723e02b52', 'prompt', 'd9978a8723e02b52'],
    ['abc1234', 'prompt', 'abc1234'],
    ['s_c9883b05a2487d::t_9f8e7d6c5b4a32', 'session', 's_c9883b05a2487d'],
    ['s_c9883b05a2487d', 'session', 's_c9883b05a2487d'],
    ['s_0123456789abcdef0123::t_ffff', 'session', 's_0123456789abcdef0123'],
    ['h_31dce776f88375', 'human', 'h_31dce776f88375'],
    ['xyzAbc', 'prompt', 'xyzAbc'],
  ])('%s is a %s key of record %s', (key, kind, record) => {
    const [entry] = parsed(note(key)).files.get('a.ts')!;
    expect(entry).toMatchObject({ key, kind, record });
  });

  test('a key of control or non-ASCII characters, of any length, or empty, is a prompt key, as git-ai reads it', () => {
    for (const key of ['ab\u0001cd', 'a'.repeat(129), 'clé', 'k\u00a0', 'a\tb', '']) {
      const [entry] = parsed(note(key)).files.get('a.ts')!;
      expect(entry).toMatchObject({ key, kind: 'prompt', record: key });
    }
  });
});

describe('parseAuthorshipLog: line ranges', () => {
  const note = (ranges: string) => `a.ts\n  abcd1234abcd1234 ${ranges}\n---\n{"schema_version":"authorship/3.0.0","prompts":{}}`;
  test.each([
    ['42', [42, 42]],
    ['19-222', [19, 222]],
    ['1,3-7', [1, 1, 3, 7]],
    ['1,2,19-222,300', [1, 1, 2, 2, 19, 222, 300, 300]],
    ['5,1', [5, 5, 1, 1]],
    ['1,,2,', [1, 1, 2, 2]],
    ['7-7', [7, 7]],
    ['2147483647', [2147483647, 2147483647]],
  ])('%s → %j', (ranges, expected) => {
    expect(parsed(note(ranges)).files.get('a.ts')![0]!.ranges).toEqual(expected);
  });

  // `0`, a reversed `3-1`, `2147483648` and `,` are read as git-ai reads them (they match no line): line-ranges-s27g.test.ts.
  test.each(['1 - 3', '1, 3', '-3', '1-', 'a', '1-2-3', '4294967296', '99999999999', '1.5'])('%j is malformed', (ranges) => {
    const result = failure(note(ranges));
    expect(result.error.code).toMatch(/^bad-(range|entry)$/);
    expect(result.error.message).toMatch(/^line 2: /);
  });
});

describe('parseAuthorshipLog: paths and layout', () => {
  const meta = '---\n{"schema_version":"authorship/3.0.0","prompts":{}}';
  test('quoted paths (whitespace inside) lose their quotes and are read raw, as git-ai writes them', () => {
    const log = parsed(`"src/my file.rs"\n  abcd1234abcd1234 1-10\n"docs/README (copy).md"\n  abcd1234abcd1234 5\n"a\tb.txt"\n  abcd1234abcd1234 1\nsrc/back\\slash.rs\n  abcd1234abcd1234 2\n${meta}`);
    expect([...log.files.keys()]).toEqual(['src/my file.rs', 'docs/README (copy).md', 'a\tb.txt', 'src/back\\slash.rs']);
  });

  test('a lone quote or an unbalanced quote is a path as written', () => {
    const log = parsed(`"\n  abcd1234abcd1234 1\n"half.rs\n  abcd1234abcd1234 1\n${meta}`);
    expect([...log.files.keys()]).toEqual(['"', '"half.rs']);
  });

  test('unicode paths are kept', () => {
    expect([...parsed(`src/é漢字.ts\n  abcd1234abcd1234 1\n${meta}`).files.keys()]).toEqual(['src/é漢字.ts']);
  });

  test('CRLF line ends, trailing spaces and blank lines are ignored', () => {
    const log = parsed(`src/a.rs   \r\n\r\n  abcd1234abcd1234 1-3  \r\n\r\n---\r\n{"schema_version":"authorship/3.0.0","prompts":{}}\r\n`);
    expect(entries(log, 'src/a.rs')).toEqual([['abcd1234abcd1234', 'prompt', 'abcd1234abcd1234', [1, 3]]]);
  });

  test('a file line with no entry is dropped; a file named twice is read from its first section with an entry, as git-ai’s blame reads it', () => {
    const log = parsed(`empty.rs\na.rs\na.rs\n  abcd1234abcd1234 1\nb.rs\n  abcd1234abcd1234 2\na.rs\n  h_31dce776f88375 1\n${meta}`);
    expect([...log.files.keys()]).toEqual(['a.rs', 'b.rs']);
    expect(log.files.get('a.rs')!.map((entry) => entry.kind)).toEqual(['prompt']);
  });

  test('a later section is still checked: a bad entry in it refuses the note, as in git-ai', () => {
    expect(parseAuthorshipLog(`a.rs\n  abcd1234abcd1234 1\na.rs\n  h_31dce776f88375 x\n${meta}`).ok).toBe(false);
  });

  test('a section under `./a.rs` gives way to one under `a.rs` (the path git-ai’s blame looks up), whichever comes first', () => {
    const dotFirst = parsed(`./a.rs\n  h_31dce776f88375 1\na.rs\n  abcd1234abcd1234 1\n./a.rs\n  h_31dce776f88375 1\n${meta}`);
    expect(dotFirst.files.get('a.rs')!.map((entry) => entry.kind)).toEqual(['prompt']);
    const plainFirst = parsed(`a.rs\n  abcd1234abcd1234 1\n./a.rs\n  h_31dce776f88375 1\n${meta}`);
    expect(plainFirst.files.get('a.rs')!.map((entry) => entry.kind)).toEqual(['prompt']);
    const dotsOnly = parsed(`./a.rs\n  abcd1234abcd1234 1\n././a.rs\n  h_31dce776f88375 1\n${meta}`);
    expect(dotsOnly.files.get('a.rs')!.map((entry) => entry.kind)).toEqual(['prompt']);
  });

  test('a note with no attestation (empty commit, human-only commit) is valid', () => {
    const log = parsed(meta);
    expect(log.files.size).toBe(0);
  });

  test('only the first --- line divides (a later one is JSON text)', () => {
    expect(failure(`a.rs\n  abcd1234abcd1234 1\n---\n---\n{}`).error.code).toBe('bad-json');
  });

  test('the divider must be alone on its line: " ---" is a file line, "---x" too', () => {
    // (At the very start of the note, git-ai's blame trims it away first: row 340.)
    expect(failure('a.rs\n ---\n{"schema_version":"authorship/3.0.0"}').error.code).toBe('no-divider');
    expect(failure('---x\n{"schema_version":"authorship/3.0.0"}').error.code).toBe('no-divider');
  });

  test('one space, three spaces or a tab before a key', () => {
    // One space: a file line (as git-ai reads it). Three spaces: an entry whose key is empty and
    // whose ranges are `abcd1234abcd1234 1`, which git-ai refuses too.
    expect([...parsed(` abcd1234abcd1234 1\n${meta}`).files.keys()]).toEqual([]);
    expect(failure(`a.rs\n   abcd1234abcd1234 1\n${meta}`).error.code).toBe('bad-range');
    expect([...parsed(`a.rs\n\tabcd1234abcd1234 1\n${meta}`).files.keys()]).toEqual([]);
  });
});

describe('parseAuthorshipLog: malformed notes are error results, never throws', () => {
  test.each<[string, string, string]>([
    ['empty', '', 'no-divider'],
    ['no divider', 'a.rs\n  abcd1234abcd1234 1\n{"schema_version":"authorship/3.0.0"}', 'no-divider'],
    ['divider without metadata', 'a.rs\n  abcd1234abcd1234 1\n---', 'bad-json'],
    ['entry with no ranges', 'a.rs\n  abcd1234abcd1234\n---\n{"schema_version":"authorship/3.0.0"}', 'bad-entry'],
    ['entry with a space after the key only', 'a.rs\n  abcd1234abcd1234 \n---\n{"schema_version":"authorship/3.0.0"}', 'bad-entry'],
    ['truncated JSON', 'a.rs\n  abcd1234abcd1234 1\n---\n{"schema_version":"authorship/3.0.0","prompts":{', 'bad-json'],
    ['JSON array', '---\n[]', 'bad-metadata'],
    ['JSON null', '---\nnull', 'bad-metadata'],
    ['no schema_version', '---\n{"prompts":{}}', 'unsupported-schema'],
    ['schema 2.0.0', '---\n{"schema_version":"authorship/2.0.0","prompts":{}}', 'unsupported-schema'],
    ['schema 4.0.0', '---\n{"schema_version":"authorship/4.0.0","prompts":{}}', 'unsupported-schema'],
    ['schema as a number', '---\n{"schema_version":3,"prompts":{}}', 'unsupported-schema'],
    ['prompts as an array', '---\n{"schema_version":"authorship/3.0.0","prompts":[]}', 'bad-metadata'],
    ['sessions as a string', '---\n{"schema_version":"authorship/3.0.0","prompts":{},"sessions":"x"}', 'bad-metadata'],
    ['binary garbage', '\u0000\u0001\u0002---\n\u0000', 'no-divider'],
  ])('%s → %s', (_name, text, code) => {
    expect(failure(text).error.code).toBe(code);
  });

  test('a later minor schema (3.1.0) is read', () => {
    expect(parsed('---\n{"schema_version":"authorship/3.1.0","prompts":{}}').schemaVersion).toBe('authorship/3.1.0');
  });

  test('missing maps are empty; records without a readable agent_id are unknown agents', () => {
    const log = parsed(
      '---\n{"schema_version":"authorship/3.0.0","sessions":{"s_1":{},"s_2":{"agent_id":"claude"},"s_3":{"agent_id":{"tool":7,"model":null}},"s_4":null}}',
    );
    expect(log.prompts.size).toBe(0);
    expect(log.humans.size).toBe(0);
    for (const key of ['s_1', 's_2', 's_3', 's_4']) expect(log.sessions.get(key)).toEqual({ tool: null, model: null });
  });

  test('__proto__ and constructor keys are plain records', () => {
    const log = parsed('---\n{"schema_version":"authorship/3.0.0","prompts":{"__proto__":{"agent_id":{"tool":"codex","model":"gpt-5"}},"constructor":{}}}');
    expect(log.prompts.get('__proto__')).toEqual({ tool: 'codex', model: 'gpt-5' });
    expect(log.prompts.get('constructor')).toEqual({ tool: null, model: null });
    expect(({} as Record<string, unknown>).tool).toBeUndefined();
  });
});

describe('parseAuthorshipLog: size', () => {
  // Bounds relative to a linear pass over the same text: a quadratic parser would be 100x+ slower
  // on these sizes, a linear one stays within a small factor (no timed absolute assertion).
  function baseline(text: string): number {
    const start = cpuClock();
    const kept = text.split('\n').filter((line) => line.trimEnd().length > 0);
    JSON.parse(text.slice(text.indexOf('\n---\n') + 5));
    expect(kept.length).toBeGreaterThan(0);
    return Math.max(cpuClock() - start, 1);
  }

  test('a 15 MB note (many files, many ranges, big metadata) parses in linear time', () => {
    const files: string[] = [];
    for (let file = 0; file < 20_000; file += 1) {
      const ranges = Array.from({ length: 60 }, (_, index) => `${index * 10 + 1}-${index * 10 + 5}`).join(',');
      files.push(`src/dir${file % 97}/file${file}.ts\n  s_c9883b05a2487d::t_${String(file).padStart(14, '0')} ${ranges}\n  h_31dce776f88375 ${601 + file}`);
    }
    const messages = Array.from({ length: 20_000 }, (_, index) => ({ type: 'assistant', text: `message ${index} `.repeat(20) }));
    const metadata = JSON.stringify({ schema_version: 'authorship/3.0.0', prompts: { abcd1234abcd1234: { agent_id: { tool: 'cursor', id: 'x', model: 'gpt-5' }, messages } }, sessions: { s_c9883b05a2487d: { agent_id: { tool: 'claude', id: 'y', model: 'claude-opus-4-6' } } } });
    const text = `${files.join('\n')}\n---\n${metadata}`;
    expect(text.length).toBeGreaterThan(15_000_000);
    const linear = baseline(text);
    const start = cpuClock();
    const log = parsed(text);
    const took = cpuClock() - start;
    expect(log.files.size).toBe(20_000);
    expect(log.files.get('src/dir5/file5.ts')![0]!.ranges).toHaveLength(120);
    expect(took).toBeLessThan(linear * 25 + 500);
  });

  test('one line of 5 MB of ranges, and a 5 MB path line', () => {
    const ranges = Array.from({ length: 500_000 }, (_, index) => String(index * 2 + 1)).join(',');
    const log = parsed(`a.rs\n  abcd1234abcd1234 ${ranges}\n${'p'.repeat(5_000_000)}\n  abcd1234abcd1234 1\n---\n{"schema_version":"authorship/3.0.0","prompts":{}}`);
    expect(log.files.get('a.rs')![0]!.ranges).toHaveLength(1_000_000);
    expect(log.files.get('p'.repeat(5_000_000))).toHaveLength(1);
  });

  test('5 MB without a divider or newline fails fast', () => {
    expect(failure('x'.repeat(5_000_000)).error.code).toBe('no-divider');
    expect(failure('\n'.repeat(5_000_000)).error.code).toBe('no-divider');
  });
});

// A duplicated JSON key in a git-ai note's metadata (session 34, g): `blame` refuses it where
// git-ai's serde refuses it (a struct's field), enforcement (`any`) reads every value it gives.
import { describe, expect, it } from 'vitest';
import { duplicateJsonKey, repeatsAKey, walkJsonKeys } from '../../../src/core/duplicate-json-key.js';
import { noteLines } from '../../../src/core/notes/note-lines.js';
import { parseAuthorshipLog } from '../../../src/core/notes/parse-authorship-log.js';

const note = (metadata: string) => `src/x.ts\n  s_1::t_1 1-4\n---\n{"schema_version": "authorship/3.0.0", "base_commit_sha": "0", "prompts": {}, ${metadata}}`;

describe('walkJsonKeys', () => {
  it('reports each repeat with its path and every string value with its own', () => {
    const duplicates: string[] = [];
    const strings: string[] = [];
    walkJsonKeys('{"a": {"b": ["x", {"c": "y", "c": "z"}]}, "\\u0061": "w"}', {
      duplicate: (key, _offset, path) => void duplicates.push(`${path.map(String).join('.')}=${key}`),
      string: (path, value) => void strings.push(`${path.map(String).join('.')}=${value()}`),
    });
    expect(duplicates).toEqual(['a.b.null.c=c', 'a=a']);
    expect(strings).toEqual(['a.b.null=x', 'a.b.null.c=y', 'a.b.null.c=z', 'a=w']);
  });
});

describe('repeatsAKey', () => {
  it.each([
    '{}',
    '[1, "a:", {"x": ":"}]',
    '{"a\\"": 1, "b": "\\\\", "c" : {"d": [{"e": "f\\": "}]}}',
    '{"__proto__": 1, "a": {"__proto__": {"b": 2}}}',
    '{"a": {"a": {"a": 1}}, "b": [{"a": 1}, {"a": 2}]}',
    '{"a": 1, "b": 2, "\\u0061": 3}',
    '{"x": {"k": 1, "k" : 2}}',
    '{"x": [{"__proto__": 1, "__proto__": 2}]}',
    '{"a": "\\\\", "a": 1}',
  ])('agrees with duplicateJsonKey: %s', (text) => {
    expect(repeatsAKey(text, JSON.parse(text))).toBe(duplicateJsonKey(text) !== null);
  });
});

describe('a duplicated key by SchemaRule', () => {
  const modelTwice = note('"sessions": {"s_1": {"agent_id": {"tool": "opencode", "id": "c", "model": "qwen3-coder", "model": "claude-opus-4-6"}}}');

  it('any: every model a repeated key gives is an author of the lines, the last one too', () => {
    const parsed = parseAuthorshipLog(modelTwice, 'any');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const authors = noteLines(parsed.log).authors().map((author) => [author.model, author.lines, author.paths]);
    expect(authors).toEqual(expect.arrayContaining([['qwen/qwen3-coder', 4, ['src/x.ts']], ['anthropic/claude-opus-4.6', 4, ['src/x.ts']]]));
  });

  it('blame: a struct field given twice is refused, naming it; a record id given twice reads the last', () => {
    expect(parseAuthorshipLog(modelTwice, 'blame')).toMatchObject({ ok: false, error: { code: 'bad-metadata', message: expect.stringContaining('sessions.s_1.agent_id.model" is given twice') } });
    expect(parseAuthorshipLog(note('"sessions": {}, "sessions": {}'), 'blame')).toMatchObject({ ok: false });
    // An unknown field given twice is ignored by serde, as here.
    expect(parseAuthorshipLog(note('"sessions": {}, "extra": 1, "extra": 2'), 'blame')).toMatchObject({ ok: true });
    expect(parseAuthorshipLog(note('"sessions": {"s_1": {"agent_id": {"tool": "a", "id": "c", "model": "m", "x": 1, "x": 2}, "y": 1, "y": 2}}'), 'blame')).toMatchObject({ ok: true });
    const mapTwice = parseAuthorshipLog(note('"sessions": {"s_1": {"agent_id": {"tool": "a", "id": "c", "model": "qwen3-coder"}}, "s_1": {"agent_id": {"tool": "b", "id": "c", "model": "claude-opus-4-6"}}}'), 'blame');
    expect(mapTwice.ok && mapTwice.log.sessions.get('s_1')).toEqual({ tool: 'b', model: 'claude-opus-4-6' });
  });
});

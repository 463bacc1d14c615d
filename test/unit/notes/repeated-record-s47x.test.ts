// row 860: a record id given twice in `prompts`, `sessions` or `humans`. JSON.parse keeps the last
// occurrence; serde_json reads every entry of the map into its record type (git-ai's
// `AuthorshipMetadata`), so an earlier occurrence of the wrong type refuses the whole note and
// git-ai's blame reads none of it. Each verdict below was replayed with serde_json on structs of
// git-ai's field types (`invalid type: null, expected u32`, …).
import { describe, expect, it } from 'vitest';
import { jsonValueAfter, walkJsonKeys } from '../../../src/core/duplicate-json-key.js';
import { readMetadata } from '../../../src/core/notes/read-metadata.js';

const GOOD = '{"agent_id":{"tool":"t","id":"i","model":"m"}}';
const twice = (section: string, first: string, last = GOOD) =>
  `{"schema_version":"authorship/3.0.0","base_commit_sha":"x",${section === 'prompts' ? '' : '"prompts":{},'}"${section}":{"k":${first},"k":${last}}}`;

describe('an earlier occurrence of a repeated record id, refused by git-ai (860)', () => {
  it.each([
    ['prompt: total_additions null first', twice('prompts', '{"agent_id":{"tool":"t","id":"i","model":"m"},"total_additions":null}'), 'refused'],
    ['prompt: total_additions "3" first', twice('prompts', '{"agent_id":{"tool":"t","id":"i","model":"m"},"total_additions":"3"}'), 'refused'],
    ['prompt: total_additions 4294967296 first', twice('prompts', '{"agent_id":{"tool":"t","id":"i","model":"m"},"total_additions":4294967296}'), 'refused'],
    ['prompt: messages_url 5 first', twice('prompts', '{"agent_id":{"tool":"t","id":"i","model":"m"},"messages_url":5}'), 'refused'],
    ['prompt: custom_attributes {"a":1} first', twice('prompts', '{"agent_id":{"tool":"t","id":"i","model":"m"},"custom_attributes":{"a":1}}'), 'refused'],
    ['prompt: agent_id tool 5 first', twice('prompts', '{"agent_id":{"tool":5,"id":"i","model":"m"}}'), 'refused'],
    ['prompt: a lone surrogate in the first model', twice('prompts', '{"agent_id":{"tool":"t","id":"i","model":"\\ud800"}}'), 'refused'],
    ['session: custom_attributes [1] first', twice('sessions', '{"agent_id":{"tool":"t","id":"i","model":"m"},"custom_attributes":[1]}'), 'refused'],
    ['human: author 5 first', twice('humans', '{"author":5}', '{"author":"a"}'), 'refused'],
    ['prompt: both occurrences as git-ai writes them', twice('prompts', '{"agent_id":{"tool":"t","id":"i","model":"m"},"total_additions":2,"messages_url":"u, }]\\"x"}'), 'ok'],
    ['session: total_additions -1 first (no field of a session)', twice('sessions', '{"agent_id":{"tool":"t","id":"i","model":"m"},"total_additions":-1}'), 'ok'],
    ['custom attributes giving a key twice (a map: the last kept)', twice('prompts', '{"agent_id":{"tool":"t","id":"i","model":"m"},"custom_attributes":{"a":"b","a":"c"}}'), 'ok'],
  ])('%s', (_name, json, verdict) => {
    const read = readMetadata(json, 'blame');
    expect(read.ok ? 'ok' : 'refused', read.ok ? '' : read.error.message).toBe(verdict);
    if (!read.ok) expect(read.error.message).toMatch(/the (prompts|sessions|humans) record "k".*so git-ai's blame reads none of it$/);
    // Enforcement reads every one of them (notes only add models).
    expect(readMetadata(json, 'any').ok).toBe(true);
  });

  it('jsonValueAfter reads each value as written, strings with brackets and escaped quotes too', () => {
    const text = '{"a": {"x":[1,"]}"]} , "b":"q\\"}" ,"c":  -1.5e3}';
    const values: string[] = [];
    walkJsonKeys(text, { key: (path, end) => void (path.length === 1 && values.push(jsonValueAfter(text, end))) });
    expect(values).toEqual(['{"x":[1,"]}"]}', '"q\\"}"', '-1.5e3']);
  });
});

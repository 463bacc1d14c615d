// row 824: git-ai reads a note's metadata with serde_json into typed structs (git-ai-project/git-ai
// `src/authorship/authorship_log.rs`: `PromptRecord`'s `messages_url: Option<String>`, four `u32`
// counts and `custom_attributes: Option<HashMap<String, String>>`; `SessionRecord`'s
// `custom_attributes`), so one field of the wrong type and its blame reads none of the note. Each
// verdict below was replayed with serde_json 1.0.87 on structs of those field types: `ok` read,
// `refused` an error (`invalid type: floating point \`3\`, expected u32`, …).
import { describe, it } from 'vitest';
import { expectMetadataVerdict } from '../../helpers/git-ai-refusal.js';

const prompt = (extra: string) => `{"schema_version":"authorship/3.0.0","base_commit_sha":"x","prompts":{"abcd1234abcd1234":{"agent_id":{"tool":"codex","id":"c","model":"m"}${extra}}}}`;
const session = (extra: string) => `{"schema_version":"authorship/3.0.0","base_commit_sha":"x","prompts":{},"sessions":{"s_0c9883b05a2487":{"agent_id":{"tool":"claude","id":"c","model":"m"}${extra}}}}`;

describe('metadata git-ai refuses for a typed field of a record (824)', () => {
  it.each([
    ['prompt: no extra field', prompt(''), 'ok'],
    ['prompt: total_additions 3', prompt(',"total_additions":3'), 'ok'],
    ['prompt: total_additions 4294967295', prompt(',"total_additions":4294967295'), 'ok'],
    ['prompt: total_additions 3.0', prompt(',"total_additions":3.0'), 'refused'],
    ['prompt: total_additions 1e2', prompt(',"total_additions":1e2'), 'refused'],
    ['prompt: total_additions -0', prompt(',"total_additions":-0'), 'refused'],
    ['prompt: total_additions -1', prompt(',"total_additions":-1'), 'refused'],
    ['prompt: total_additions 4294967296', prompt(',"total_additions":4294967296'), 'refused'],
    ['prompt: total_additions null', prompt(',"total_additions":null'), 'refused'],
    ['prompt: total_additions "3"', prompt(',"total_additions":"3"'), 'refused'],
    ['prompt: accepted_lines 2.5', prompt(',"accepted_lines":2.5'), 'refused'],
    ['prompt: overriden_lines 0E0', prompt(',"overriden_lines":0E0'), 'refused'],
    ['prompt: messages_url 5', prompt(',"messages_url":5'), 'refused'],
    ['prompt: messages_url null', prompt(',"messages_url":null'), 'ok'],
    ['prompt: custom_attributes {"a":1}', prompt(',"custom_attributes":{"a":1}'), 'refused'],
    ['prompt: custom_attributes null', prompt(',"custom_attributes":null'), 'ok'],
    ['prompt: custom_attributes {"a":"b"}', prompt(',"custom_attributes":{"a":"b"}'), 'ok'],
    ['prompt: custom_attributes ["a"]', prompt(',"custom_attributes":["a"]'), 'refused'],
    ['prompt: custom_attributes with a lone surrogate', prompt(',"custom_attributes":{"a":"\\ud800"}'), 'refused'],
    ['prompt: messages of any shape (no field of git-ai today)', prompt(',"messages":"x"'), 'ok'],
    ['session: total_additions 3.0 (no field of a session)', session(',"total_additions":3.0'), 'ok'],
    ['session: messages_url 5 (no field of a session)', session(',"messages_url":5'), 'ok'],
    ['session: messages_url with a lone surrogate (skipped unchecked)', session(',"messages_url":"\\ud800"'), 'ok'],
    ['session: custom_attributes {"a":1}', session(',"custom_attributes":{"a":1}'), 'refused'],
    ['session: custom_attributes with a lone surrogate key', session(',"custom_attributes":{"\\ud800":"b"}'), 'refused'],
    ['a repeated prompt id whose first record has total_additions 1.5', '{"schema_version":"authorship/3.0.0","base_commit_sha":"x","prompts":{"k":{"agent_id":{"tool":"t","id":"i","model":"m"},"total_additions":1.5},"k":{"agent_id":{"tool":"t","id":"i","model":"m"}}}}', 'refused'],
  ])('%s', (_name, json, verdict) => expectMetadataVerdict(json, verdict));
});

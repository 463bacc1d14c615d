// row 914: git-ai reads a note's metadata with serde_json into `AuthorshipMetadata`, which now holds
// `contributors: Option<BTreeMap<String, ContributorStats>>` (git-ai-project/git-ai
// `src/authorship/authorship_log_serialization.rs` and `src/authorship/authorship_log.rs` at commit
// 48d4062d39b3242b17a384332a1ce157c60a0cd3; its snapshot
// `src/authorship/snapshots/git_ai__authorship__authorship_log_serialization__tests__serialize_deserialize_roundtrip-2.snap`
// shows `contributors: None`): `name` a String, five `u32` counts, `ai_acceptance_rate` an f64 and
// `tool_model_breakdown` a map of `ToolModelContributorStats` (three `u32`, one f64), every field
// `#[serde(default)]`. One entry of the wrong type and serde_json refuses the whole metadata, so
// git-ai's blame reads no line of the note. Each verdict below was replayed with serde_json (Debian's
// packaged crate) on structs of those field types: `ok` read, `refused` an error.
import { describe, it } from 'vitest';
import { expectMetadataVerdict } from '../../helpers/git-ai-refusal.js';

const withContributors = (value: string) => `{"schema_version":"authorship/3.0.0","base_commit_sha":"x","prompts":{},"contributors":${value}}`;

describe('metadata git-ai refuses for its contributors stats (914)', () => {
  it.each([
    ['contributors null', withContributors('null'), 'ok'],
    ['contributors {}', withContributors('{}'), 'ok'],
    ['contributors []', withContributors('[]'), 'refused'],
    ['contributors "x"', withContributors('"x"'), 'refused'],
    ['an entry {}', withContributors('{"a@x":{}}'), 'ok'],
    ['an entry null', withContributors('{"a@x":null}'), 'refused'],
    ['an entry as git-ai writes it', withContributors('{"a@x":{"name":"A","human_additions":3,"manual_additions":0,"ai_additions":2,"ai_accepted":2,"mixed_additions":0,"ai_acceptance_rate":100.0,"tool_model_breakdown":{"claude::m":{"ai_additions":2,"ai_accepted":2,"mixed_additions":0,"ai_acceptance_rate":100.0}}}}'), 'ok'],
    ['ai_additions -1', withContributors('{"a@x":{"ai_additions":-1}}'), 'refused'],
    ['ai_additions 2.0', withContributors('{"a@x":{"ai_additions":2.0}}'), 'refused'],
    ['ai_additions null', withContributors('{"a@x":{"ai_additions":null}}'), 'refused'],
    ['manual_additions 4294967296', withContributors('{"a@x":{"manual_additions":4294967296}}'), 'refused'],
    ['human_additions 4294967295', withContributors('{"a@x":{"human_additions":4294967295}}'), 'ok'],
    ['name null', withContributors('{"a@x":{"name":null}}'), 'refused'],
    ['name 5', withContributors('{"a@x":{"name":5}}'), 'refused'],
    ['ai_acceptance_rate 66', withContributors('{"a@x":{"ai_acceptance_rate":66}}'), 'ok'],
    ['ai_acceptance_rate -0', withContributors('{"a@x":{"ai_acceptance_rate":-0}}'), 'ok'],
    ['ai_acceptance_rate 1e400', withContributors('{"a@x":{"ai_acceptance_rate":1e400}}'), 'refused'],
    ['ai_acceptance_rate "66"', withContributors('{"a@x":{"ai_acceptance_rate":"66"}}'), 'refused'],
    ['ai_acceptance_rate null', withContributors('{"a@x":{"ai_acceptance_rate":null}}'), 'refused'],
    ['tool_model_breakdown null', withContributors('{"a@x":{"tool_model_breakdown":null}}'), 'refused'],
    ['tool_model_breakdown []', withContributors('{"a@x":{"tool_model_breakdown":[]}}'), 'refused'],
    ['a breakdown entry null', withContributors('{"a@x":{"tool_model_breakdown":{"t::m":null}}}'), 'refused'],
    ['a breakdown ai_accepted 1e2', withContributors('{"a@x":{"tool_model_breakdown":{"t::m":{"ai_accepted":1e2}}}}'), 'refused'],
    ['a breakdown ai_acceptance_rate 1e2', withContributors('{"a@x":{"tool_model_breakdown":{"t::m":{"ai_acceptance_rate":1e2}}}}'), 'ok'],
    ['a lone surrogate in name', withContributors('{"a@x":{"name":"\\ud800"}}'), 'refused'],
    ['a lone surrogate in an email', withContributors('{"\\ud800":{}}'), 'refused'],
    ['a lone surrogate in a tool::model', withContributors('{"a@x":{"tool_model_breakdown":{"\\udfff":{}}}}'), 'refused'],
    ['an unknown field of any shape', withContributors('{"a@x":{"extra":[1],"unknown_additions":-1}}'), 'ok'],
    ['name given twice', withContributors('{"a@x":{"name":"A","name":"B"}}'), 'refused'],
    ['a breakdown count given twice', withContributors('{"a@x":{"tool_model_breakdown":{"t":{"ai_additions":1,"ai_additions":2}}}}'), 'refused'],
    ['a repeated email, its first entry -1', withContributors('{"a@x":{"ai_additions":-1},"a@x":{}}'), 'refused'],
    ['a repeated tool::model, its first entry -1', withContributors('{"a@x":{"tool_model_breakdown":{"t":{"ai_additions":-1},"t":{}}}}'), 'refused'],
    ['a repeated email, its first entry with name 5', withContributors('{"a@x":{"name":5},"a@x":{}}'), 'refused'],
    ['a repeated tool::model, its first entry null', withContributors('{"a@x":{"tool_model_breakdown":{"t":null,"t":{}}}}'), 'refused'],
    ['contributors given twice', withContributors('{},"contributors":{}'), 'refused'],
    ['a prompt\'s count and a contributor\'s count, both whole', '{"schema_version":"authorship/3.0.0","base_commit_sha":"x","prompts":{"k":{"agent_id":{"tool":"t","id":"i","model":"m"},"total_additions":3}},"contributors":{"a@x":{"ai_additions":3}}}', 'ok'],

  ])('%s', (_name, json, verdict) => expectMetadataVerdict(json, verdict));
});

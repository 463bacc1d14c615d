// Which notes each reading takes (SchemaRule; README threat-model rows 413-414): `blame` only what
// git-ai's blame reads (schema authorship/3.0.0, metadata serde accepts), `any` every note whose
// text parses (enforcement), `v3` any authorship/3.x.y (note writing).
import { describe, expect, it } from 'vitest';
import { parseAuthorshipLog } from '../../../src/core/notes/parse-authorship-log.js';
import type { SchemaRule } from '../../../src/core/notes/types.js';

const agent = { tool: 'opencode', id: 'c3', model: 'qwen3-coder' };
const note = (metadata: Record<string, unknown>) => `src/x.ts\n  s_5a5a5a5a5a5a5a::t_9f8e7d6c5b4a32 1-4\n---\n${JSON.stringify(metadata)}\n`;
const whole = { schema_version: 'authorship/3.0.0', base_commit_sha: 'abc', prompts: {}, sessions: { s_5a5a5a5a5a5a5a: { agent_id: agent } } };
const read = (metadata: Record<string, unknown>, rule: SchemaRule) => {
  const parsed = parseAuthorshipLog(note(metadata), rule);
  return parsed.ok ? 'read' : parsed.error.code;
};

describe('schema rules (s34c)', () => {
  it.each([
    ['a note git-ai writes', whole, 'read', 'read', 'read'],
    ['authorship/3.0.1', { ...whole, schema_version: 'authorship/3.0.1' }, 'unsupported-schema', 'read', 'read'],
    ['authorship/4.0.0', { ...whole, schema_version: 'authorship/4.0.0' }, 'unsupported-schema', 'read', 'unsupported-schema'],
    ['no schema_version', { ...whole, schema_version: undefined }, 'unsupported-schema', 'read', 'unsupported-schema'],
    ['a number as schema_version', { ...whole, schema_version: 3 }, 'unsupported-schema', 'read', 'unsupported-schema'],
    ['no base_commit_sha', { ...whole, base_commit_sha: undefined }, 'bad-metadata', 'read', 'read'],
    ['no prompts', { ...whole, prompts: undefined }, 'bad-metadata', 'read', 'read'],
    ['sessions null', { ...whole, sessions: null }, 'bad-metadata', 'read', 'read'],
    ['git_ai_version a number', { ...whole, git_ai_version: 1 }, 'bad-metadata', 'read', 'read'],
    ['git_ai_version null', { ...whole, git_ai_version: null }, 'read', 'read', 'read'],
    ['a record without a model', { ...whole, sessions: { s_5a5a5a5a5a5a5a: { agent_id: { tool: 'opencode', id: 'c3' } } } }, 'bad-metadata', 'read', 'read'],
    ['a record whose human_author is a number', { ...whole, sessions: { s_5a5a5a5a5a5a5a: { agent_id: agent, human_author: 7 } } }, 'bad-metadata', 'read', 'read'],
    ['a humans record without an author', { ...whole, humans: { h_31dce776f88375: {} } }, 'bad-metadata', 'read', 'read'],
    ['unknown fields', { ...whole, messages: [1], sessions: { s_5a5a5a5a5a5a5a: { agent_id: { ...agent, extra: 1 }, custom: true } } }, 'read', 'read', 'read'],
  ])('%s: blame %s, any %s, v3 %s', (_name, metadata, blame, any, v3) => {
    expect([read(metadata, 'blame'), read(metadata, 'any'), read(metadata, 'v3')]).toEqual([blame, any, v3]);
  });

  it('the default reading is v3', () => {
    const parsed = parseAuthorshipLog(note({ ...whole, schema_version: 'authorship/3.2.0' }));
    expect(parsed.ok && parsed.log.schemaVersion).toBe('authorship/3.2.0');
  });
});

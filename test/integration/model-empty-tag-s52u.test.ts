// Session 52 helper u (row 1068): row 1033 read a run of colons before an ollama tag as one
// (`qwen3-coder::x` is `qwen/qwen3-coder`), but colons with no tag after them (`qwen3-coder:`,
// `qwen3-coder::`, `claude-opus-4-6:`) still read as no model and only the vendor's word was left
// (`qwen/unknown`), so `check` and pre-receive gave only the unknown-model warning under
// `deny: ["qwen/qwen3-coder"]`, where `qwen3-coder` and `qwen3-coder::x` are refused. This test
// failed before the fix (model-name.ts normaliseModelName). A tag that is no word (`:!x`) still
// reads the vendor's unknown model (row 1033's limit).
import { describe, expect, it } from 'vitest';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';

describe('a model name ending in colons with no tag (row 1068)', () => {
  it('reads the name, refused under its deny by check and pre-receive', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/qwen3-coder", "openai/gpt-4o"]\n  unknownModel: warn\n');
    expectEachRefused(remote, work, {
      one: 'feat: a\n\nAssisted-by: aider:qwen3-coder:\n',
      two: 'feat: b\n\nAssisted-by: aider:qwen/qwen3-coder::\n',
      model: 'feat: c\n\nAI-Model: gpt-4o:\n',
    }, (found, name) => expect([...new Set(found)], name).toEqual([name === 'model' ? 'openai/gpt-4o' : 'qwen/qwen3-coder']));
    expectEachPasses(work, ['feat: d\n\nAssisted-by: aider:qwen/qwen3-coder-next:\n']);
  }, 180_000);
});

// Session 52 helper f (row 1033): a model's tag after a doubled colon. The brief's question
// `Assisted-by: aider:qwen/qwen3-coder::x`: an unknown ollama tag reads its base model (row 1007:
// `qwen3-coder:x` is `qwen/qwen3-coder`), but after `::` the tag `:x` was no tag word, the name read
// as no model and only the vendor's word was left: `qwen/unknown`, so `check` and pre-receive gave
// only the unknown-model warning under `deny: ["qwen/qwen3-coder"]`, where `:x` is refused. This
// test failed before its fix (model-name.ts normaliseModelName). `::latest` reads as `:latest`.
import { describe, expect, it } from 'vitest';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';

describe('a model tag after a doubled colon (row 1033)', () => {
  it('reads the base model, refused under its deny by check and pre-receive', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/qwen3-coder"]\n  unknownModel: warn\n');
    expectEachRefused(remote, work, {
      tag: 'feat: a\n\nAssisted-by: aider:qwen/qwen3-coder::x\n',
      latest: 'feat: b\n\nAssisted-by: aider:qwen3-coder::latest\n',
      three: 'feat: c\n\nAssisted-by: aider:qwen/qwen3-coder:::rm\n',
    }, (found, name) => expect(found, name).toContain('qwen/qwen3-coder'));
    expectEachPasses(work, ['feat: d\n\nAssisted-by: aider:qwen/qwen3-coder-next\n']);
  }, 180_000);
});

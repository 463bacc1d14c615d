// claude-code-router's `provider,model` names (row 809): the model after the comma, unless the word
// before it is itself a vendor or a model of another vendor (then read as before: never less strict).
import { describe, expect, it } from 'vitest';
import { modelOrUnknown } from '../../src/core/detect/env-findings.js';

describe('a provider,model name', () => {
  it("is the model ccr sends it to", () => {
    expect(modelOrUnknown('dashscope,qwen3-coder-plus', {}, 'claude-code')).toBe('qwen/qwen3-coder-plus');
    expect(modelOrUnknown('openrouter,qwen/qwen3-coder', {}, 'claude-code')).toBe('qwen/qwen3-coder');
    expect(modelOrUnknown('deepseek,deepseek-chat', {}, 'claude-code')).toBe('deepseek/deepseek-chat');
  });

  it('what held: a first word naming another vendor or model keeps its vendor', () => {
    expect(modelOrUnknown('qwen3-coder,claude-sonnet-4-5', {}, 'claude-code')).toBe('qwen/unknown');
    expect(modelOrUnknown('anthropic,qwen3-coder', {}, 'claude-code')).toBe('anthropic/unknown');
  });
});

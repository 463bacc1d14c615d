// Row 320: a literal `route/name` id whose name is another vendor's versioned family is that
// family's model wherever it is read, not only where the text is known to be a model.
import { describe, expect, test } from 'vitest';
import { canonicalModel } from '../../src/core/catalog.js';

type Case = readonly [input: string, expected: string | null];

/** Ids written with a route or a publisher before another vendor's model (co-author lines, git-ai notes). */
const owned: Case[] = [
  // LiteLLM's `openai/` route to a vLLM or llama.cpp server serving Qwen under a name of its own.
  ['openai/qwen3-coder-30b-local', 'qwen/qwen3-coder-30b-local'],
  ['openai/Qwen3-Coder-30B-A3B-Instruct-myorg', 'qwen/qwen3-coder-30b-a3b-instruct-myorg'],
  // An Anthropic-compatible gateway's id (claude-code-router, a DashScope or Moonshot endpoint).
  ['anthropic/qwen3-coder-ft', 'qwen/qwen3-coder-ft'],
  ['anthropic/kimi-k2-local', 'moonshotai/kimi-k2-local'],
  ['openai/glm-4.6-internal', 'z-ai/glm-4.6-internal'],
  ['openai/deepseek-v3.1-ours', 'deepseek/deepseek-v3.1-ours'],
  // Fine-tunes and merges named after their base, under their publisher's name.
  ['huihui-ai/Qwen3-Coder-30B-A3B-Instruct-abliterated', 'qwen/qwen3-coder-30b-a3b-instruct-abliterated'],
  ['tngtech/deepseek-r1t2-chimera', 'deepseek/deepseek-r1t2-chimera'],
  ['acme/claude-3-opus-ft', 'anthropic/claude-3-opus-ft'],
];

/** What stays as written: the vendor's own names, names of no family and version, agents and repositories. */
const kept: Case[] = [
  ['acme/coder-2', 'acme/coder-2'],
  ['nousresearch/hermes-4-llama-3.1-405b', 'nousresearch/hermes-4-llama-3.1-405b'],
  ['openai/gpt-5.9-custom', 'openai/gpt-5.9-custom'],
  ['anthropic/claude-opus-4.6-custom', 'anthropic/claude-opus-4.6-custom'],
  ['meta-llama/Llama-3.1-8B-Instruct-myft', 'meta-llama/llama-3.1-8b-instruct-myft'],
  ['someone/claude-notes', 'someone/claude-notes'],
  ['tom/gemma-notes', 'tom/gemma-notes'],
  ['anthropics/claude-code', null],
  ['ggml-org/llama.cpp', null],
];

describe('a literal id of another vendor\'s family (row 320)', () => {
  test.each(owned)('%s reads as %s with and without a model context', (input, expected) => {
    expect(canonicalModel(input)).toBe(expected);
    expect(canonicalModel(input, {}, { isModel: true })).toBe(expected);
  });

  test.each(kept)('%s stays %s', (input, expected) => {
    expect(canonicalModel(input)).toBe(expected);
  });

  test('a configured alias still wins over the family', () => {
    expect(canonicalModel('openai/qwen3-coder-30b-local', { 'openai/qwen3-coder-30b-local': 'acme/coder-2' })).toBe('acme/coder-2');
  });
});

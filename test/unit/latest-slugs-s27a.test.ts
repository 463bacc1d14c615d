// Row 322: OpenRouter's `~author/family-latest` slugs name the author's model like any other id.
import { describe, expect, test } from 'vitest';
import { canonicalModel } from '../../src/core/catalog.js';

type Case = readonly [input: string, expected: string | null];

const slugs: Case[] = [
  ['~qwen/qwen3-coder-latest', 'qwen/qwen3-coder'],
  ['openrouter/~qwen/qwen3-coder-latest', 'qwen/qwen3-coder'],
  ['openrouter/~moonshotai/kimi-latest', 'moonshotai/kimi-latest'],
  ['openrouter/~z-ai/glm-latest', 'z-ai/glm-latest'],
  ['~anthropic/claude-sonnet-latest', 'anthropic/claude-sonnet-latest'],
  ['openrouter/~anthropic/claude-opus-latest', 'anthropic/claude-opus-latest'],
  ['~openai/gpt-latest', 'openai/gpt-latest'],
];

/**
 * A `~` that is no author's: a home directory (a path, read by the name its last segment gives since row 918,
 * never as an OpenRouter author), or one before the model's own name.
 */
const others: Case[] = [
  ['~/qwen3-coder', 'qwen/qwen3-coder'],
  ['qwen/~qwen3-coder', null],
];

describe('OpenRouter\'s latest-model slugs (row 322)', () => {
  test.each(slugs)('%s is %s, with and without a model context', (input, expected) => {
    expect(canonicalModel(input)).toBe(expected);
    expect(canonicalModel(input, {}, { isModel: true })).toBe(expected);
  });

  test.each(others)('%s stays %s', (input, expected) => {
    expect(canonicalModel(input)).toBe(expected);
  });
});

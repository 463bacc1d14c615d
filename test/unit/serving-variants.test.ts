// Row 339: a provider's serving variant of an open-weight model (Together's `-tput`, Together's and
// DeepInfra's `-Turbo`: the same weights, quantised for speed) reads as the model itself, so a policy
// naming the exact model (`deny: ["deepseek/deepseek-r1"]`) catches it; a name whose `turbo` is its own
// model (`gpt-4-turbo`, `qwen-turbo`) keeps it.
import { describe, expect, test } from 'vitest';
import { canonicalModel } from '../../src/core/catalog.js';

const variants: [variant: string, base: string][] = [
  ['deepinfra/Qwen/Qwen3-Coder-480B-A35B-Instruct-Turbo', 'Qwen/Qwen3-Coder-480B-A35B-Instruct'],
  ['deepseek-ai/DeepSeek-R1-Turbo', 'deepseek-ai/DeepSeek-R1'],
  ['deepseek-ai/DeepSeek-V3-Turbo', 'deepseek-ai/DeepSeek-V3'],
  ['openai/gpt-oss-120b-Turbo', 'openai/gpt-oss-120b'],
  ['meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo', 'meta-llama/Meta-Llama-3.1-8B-Instruct'],
  ['together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo', 'meta-llama/Llama-3.3-70B-Instruct'],
  ['together_ai/Qwen/Qwen2.5-72B-Instruct-Turbo', 'Qwen/Qwen2.5-72B-Instruct'],
  ['moonshotai/Kimi-K2-Instruct-0905-Turbo', 'moonshotai/Kimi-K2-Instruct-0905'],
  ['together_ai/Qwen/Qwen3-235B-A22B-Instruct-2507-tput', 'Qwen/Qwen3-235B-A22B-Instruct-2507'],
  ['together_ai/Qwen/Qwen3-235B-A22B-fp8-tput', 'Qwen/Qwen3-235B-A22B'],
  ['deepseek-ai/DeepSeek-V3-0324-tput', 'deepseek-ai/DeepSeek-V3-0324'],
];

const ownModels: [name: string, expected: string][] = [
  ['gpt-4-turbo', 'openai/gpt-4-turbo'],
  ['gpt-4-turbo-2024-04-09', 'openai/gpt-4-turbo'],
  ['gpt-3.5-turbo', 'openai/gpt-3.5-turbo'],
  ['qwen-turbo', 'qwen/qwen-turbo'],
  ['dashscope/qwen-turbo-latest', 'qwen/qwen-turbo'],
  ['qwen2.5-turbo', 'qwen/qwen-2.5-turbo'],
];

describe('serving variants of open-weight models', () => {
  test.each(variants)('%s reads as %s', (variant, base) => {
    const expected = canonicalModel(base);
    expect(expected).not.toBeNull();
    expect(canonicalModel(variant)).toBe(expected);
  });
  test('the variant of a denied exact id is that id', () => {
    expect(canonicalModel('deepseek-ai/DeepSeek-R1-Turbo')).toBe('deepseek/deepseek-r1');
    expect(canonicalModel('deepinfra/Qwen/Qwen3-Coder-480B-A35B-Instruct-Turbo')).toBe('qwen/qwen3-coder');
  });
  test.each(ownModels)('%s keeps its turbo: %s', (name, expected) => expect(canonicalModel(name)).toBe(expected));
});

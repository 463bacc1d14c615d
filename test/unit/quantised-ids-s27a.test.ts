// Row 321: how local runtimes name a quantised model (unsloth's dynamic quantisations, llama.cpp's
// newer types, a llama.cpp server's file name) read as the model itself.
import { describe, expect, test } from 'vitest';
import { canonicalModel } from '../../src/core/catalog.js';

type Case = readonly [input: string, expected: string];

const quantised: Case[] = [
  // Ollama pulling an unsloth GGUF from Hugging Face.
  ['hf.co/unsloth/Qwen3-Coder-480B-A35B-Instruct-GGUF:UD-Q2_K_XL', 'qwen/qwen3-coder'],
  ['hf.co/unsloth/Qwen3-Coder-30B-A3B-Instruct-GGUF:UD-Q4_K_XL', 'qwen/qwen3-coder-30b-a3b-instruct'],
  ['hf.co/unsloth/Qwen3-Coder-30B-A3B-Instruct-GGUF:Q8_K_XL', 'qwen/qwen3-coder-30b-a3b-instruct'],
  ['hf.co/unsloth/Qwen3-Coder-30B-A3B-Instruct-GGUF:IQ4_NL', 'qwen/qwen3-coder-30b-a3b-instruct'],
  ['hf.co/unsloth/Qwen3-Coder-30B-A3B-Instruct-GGUF:TQ1_0', 'qwen/qwen3-coder-30b-a3b-instruct'],
  ['hf.co/unsloth/GLM-4.6-GGUF:UD-Q2_K_XL', 'z-ai/glm-4.6'],
  ['hf.co/unsloth/gpt-oss-20b-GGUF:F16', 'openai/gpt-oss-20b'],
  // llama-server's model id is the file it loaded (a split GGUF's first part).
  ['Qwen3-Coder-30B-A3B-Instruct-Q4_K_M.gguf', 'qwen/qwen3-coder-30b-a3b-instruct'],
  ['Qwen3-Coder-30B-A3B-Instruct-UD-Q4_K_XL.gguf', 'qwen/qwen3-coder-30b-a3b-instruct'],
  ['Qwen3-Coder-480B-A35B-Instruct-UD-Q2_K_XL-00001-of-00004.gguf', 'qwen/qwen3-coder'],
  ['Kimi-K2-Instruct-0905-UD-TQ1_0.gguf', 'moonshotai/kimi-k2-0905'],
  ['DeepSeek-V3.1-UD-Q2_K_XL.gguf', 'deepseek/deepseek-v3.1'],
  ['unsloth/Qwen3-Coder-30B-A3B-Instruct-UD-Q4_K_XL', 'qwen/qwen3-coder-30b-a3b-instruct'],
  ['Qwen3-Coder-30B-A3B-Instruct-MXFP4_MOE.gguf', 'qwen/qwen3-coder-30b-a3b-instruct'],
  // Other quantisers' spellings, as vLLM's, exllama's or MLC's served name keeps them.
  ['galvani78/Qwen3-Coder-30B-A3B-4.0bpw-EXL3', 'qwen/qwen3-coder-30b-a3b-instruct'],
  ['unsloth/Qwen3-Coder-30B-A3B-Instruct-unsloth-bnb-4bit', 'qwen/qwen3-coder-30b-a3b-instruct'],
  ['RedHatAI/Qwen3-Coder-30B-A3B-Instruct-FP8-dynamic', 'qwen/qwen3-coder-30b-a3b-instruct'],
  ['RedHatAI/Qwen3-Coder-480B-A35B-Instruct-quantized.w4a16', 'qwen/qwen3-coder'],
  ['Qwen3-Coder-30B-A3B-Instruct-W4A16-G128', 'qwen/qwen3-coder-30b-a3b-instruct'],
  ['Qwen3-Coder-30B-A3B-Instruct-q4f16_1-MLC', 'qwen/qwen3-coder-30b-a3b-instruct'],
  ['Qwen3-Coder-30B-A3B-Instruct-hqq', 'qwen/qwen3-coder-30b-a3b-instruct'],
  ['unsloth/gpt-oss-20b-unsloth-bnb-4bit', 'openai/gpt-oss-20b'],
];

/** Names that only look quantised: kept. */
const kept: Case[] = [
  ['qwq-32b', 'qwen/qwq-32b'],
  ['qwen3-coder', 'qwen/qwen3-coder'],
  ['claude-opus-4-6', 'anthropic/claude-opus-4.6'],
];

describe('a quantised model\'s id (row 321)', () => {
  test.each(quantised)('%s is %s, with and without a model context', (input, expected) => {
    expect(canonicalModel(input)).toBe(expected);
    expect(canonicalModel(input, {}, { isModel: true })).toBe(expected);
  });

  test.each(kept)('%s stays %s', (input, expected) => {
    expect(canonicalModel(input)).toBe(expected);
  });
});

// Model names as people and agents write them in commit trailers (2026), each read as the catalog's
// one id for that model, so an exact allow, a glob deny and per-model blame figures see one model.
import { describe, expect, it } from 'vitest';
import { canonicalModel } from '../../src/core/catalog.js';

const declared = (text: string) => canonicalModel(text, {}, { isModel: true });

describe('2026 spellings of one model read as its one id', () => {
  it.each([
    // A project's shorthand (`Assisted-by: Cursor: codex-5.3`), OpenCode Go's `opencode-go/codex-5.3`, `GPT-codex-5.3`.
    ['codex-5.3', 'openai/gpt-5.3-codex'],
    ['Codex 5.3', 'openai/gpt-5.3-codex'],
    ['GPT-codex-5.3', 'openai/gpt-5.3-codex'],
    ['opencode-go/codex-5.3', 'openai/gpt-5.3-codex'],
    ['codex/codex-5.3', 'openai/gpt-5.3-codex'],
    ['gpt-5.3codex', 'openai/gpt-5.3-codex'],
    ['codex-5.2', 'openai/gpt-5.2-codex'],
    ['codex-5.3-spark', 'openai/gpt-5.3-codex-spark'],
    ['codex-5.1-mini', 'openai/gpt-5.1-codex-mini'],
    ['codex-5.1-max', 'openai/gpt-5.1-codex-max'],
    ['codex-5', 'openai/gpt-5-codex'],
    // Auggie's `sonnet4.5`; a tier glued to its version, or the version glued to the tier.
    ['sonnet4.5', 'anthropic/claude-sonnet-4.5'],
    ['opus4.6', 'anthropic/claude-opus-4.6'],
    ['Haiku4.5', 'anthropic/claude-haiku-4.5'],
    ['claude-opus4.6', 'anthropic/claude-opus-4.6'],
    ['Claude4.6Opus', 'anthropic/claude-opus-4.6'],
    // Copilot CLI's and OpenRouter's fast mode of Opus 4.6: the same model, served faster.
    ['claude-opus-4.6-fast', 'anthropic/claude-opus-4.6'],
    ['anthropic/claude-opus-4.6-fast', 'anthropic/claude-opus-4.6'],
    // `.0` the vendor does not write.
    ['gemini-3.0-pro', 'google/gemini-3-pro'],
    ['Gemini-3.0-Pro-Preview', 'google/gemini-3-pro-preview'],
    ['glm-5.0', 'z-ai/glm-5'],
    // OpenCode Zen's free tier: a price, not a model.
    ['opencode/kimi-k2.5-free', 'moonshotai/kimi-k2.5'],
    ['opencode/minimax-m2.5-free', 'minimax/minimax-m2.5'],
    ['opencode/glm-4.7-free', 'z-ai/glm-4.7'],
    // DeepSeek's V series without its `V`.
    ['DeepSeek 3.2', 'deepseek/deepseek-v3.2'],
    ['kr/deepseek-3.2', 'deepseek/deepseek-v3.2'],
    // `Co-Authored-By: Kimi 2.6 (Devin Agent) <…>`: Moonshot's K series without its `K`.
    ['Kimi 2.6', 'moonshotai/kimi-k2.6'],
    ['kimi-2.5', 'moonshotai/kimi-k2.5'],
    // Hugging Face names of Qwen3-Coder-Next and Devstral 2.
    ['qwen3-coder-next-80b-a3b', 'qwen/qwen3-coder-next'],
    ['Qwen/Qwen3-Coder-Next', 'qwen/qwen3-coder-next'],
    ['mistralai/Devstral-2-123B-Instruct-2512', 'mistralai/devstral-2512'],
    ['mistralai/Devstral-Small-2-24B-Instruct-2512', 'mistralai/devstral-small-2512'],
  ])('%s → %s', (written, id) => {
    expect(declared(written)).toBe(id);
  });

  it('keeps the models and non-models around them as they were', () => {
    expect(declared('codex-1')).toBe('openai/codex-1'); // OpenAI's codex-1 of 2025
    expect(declared('codex-mini-latest')).toBe('openai/codex-mini');
    expect(declared('codex')).toBeNull();
    expect(declared('codex-cli-0.46')).toBeNull();
    expect(declared('gpt-4o')).toBe('openai/gpt-4o');
    expect(declared('gemini-2.0-flash')).toBe('google/gemini-2.0-flash'); // a `.0` that is part of the name
    expect(declared('deepseek-r1')).toBe('deepseek/deepseek-r1');
    expect(canonicalModel('opus1.5')).toBeNull(); // the audio codec's version
    expect(canonicalModel('Opus codec')).toBeNull();
  });
});

// LiteLLM's and aider's `openai/` route (any OpenAI-compatible server: a local vLLM, SGLang, Ollama)
// written before another maker's model in a declared value (`Assisted-by: aider:openai/Qwen/Qwen2.5-Coder-7B-Instruct`)
// was read as that model and a second, `openai/unknown`: a `deny: ["openai/*"]` refused a commit no
// OpenAI model wrote, and `log`/`blame` counted two models for one.
import { describe, expect, it } from 'vitest';
import { commitSignals } from '../../src/core/commit-signals.js';
import { detectCommit } from '../../src/core/detect.js';
import type { Identity } from '../../src/core/types.js';

const human: Identity = { name: 'Jane Doe', email: 'jane@example.com' };
const detect = (message: string): string[] =>
  detectCommit(commitSignals({ message, author: human, committer: human })).map((a) => `${a.agent}:${a.model}`).sort();
const declared = (value: string, key = 'Assisted-by') => detect(`x\n\n${key}: ${value}\n`);

describe("the openai/ route before another maker's model is the route, not an OpenAI model", () => {
  it.each([
    // LiteLLM model_list ids (`openai/` = the protocol; the rest is what the server serves).
    ['aider:openai/Qwen/Qwen2.5-Coder-7B-Instruct', ['aider:qwen/qwen-2.5-coder-7b-instruct']],
    ['openai/Qwen/Qwen2.5-Coder-32B-Instruct', ['unknown:qwen/qwen-2.5-coder-32b-instruct']],
    ['opencode:openai/deepseek-ai/DeepSeek-V3', ['opencode:deepseek/deepseek-v3']],
    ['aider:openai/zai-org/GLM-4.6', ['aider:z-ai/glm-4.6']],
    ['litellm:openai/qwen3-coder-plus', ['litellm:qwen/qwen3-coder-plus']],
    ['aider:openai/moonshotai/Kimi-K2-Instruct', ['aider:moonshotai/kimi-k2']],
  ])('Assisted-by: %s', (value, expected) => {
    expect(declared(value)).toEqual(expected);
  });

  it('reads the same under a model key and in a Generated-by note', () => {
    expect(declared('openai/deepseek-ai/DeepSeek-V3', 'AI-Model')).toEqual(['unknown:deepseek/deepseek-v3']);
    expect(declared('aider (openai/Qwen/Qwen2.5-Coder-32B-Instruct)', 'Generated-by')).toEqual(['aider:qwen/qwen-2.5-coder-32b-instruct']);
  });
});

describe('OpenAI written anywhere else still counts (fail closed)', () => {
  it.each([
    // OpenAI's own models through the route.
    ['aider:openai/gpt-4o', ['aider:openai/gpt-4o']],
    ['openai/gpt-oss-120b', ['unknown:openai/gpt-oss-120b']],
    // OpenAI named beside the routed model, or after it: a second vendor.
    ['qwen3-coder, openai', ['unknown:openai/unknown', 'unknown:qwen/qwen3-coder']],
    ['openai/qwen3-coder and OpenAI', ['unknown:openai/unknown', 'unknown:qwen/qwen3-coder']],
    ['openai/qwen3-coder@openai', ['unknown:openai/unknown', 'unknown:qwen/qwen3-coder']],
    // A route to nothing read keeps OpenAI's name.
    ['aider:openai/unheard-of-7', ['aider:openai/unheard-of-7']],
    // A path that is no model of its own keeps it too, whatever words it shares with a model read elsewhere.
    ['openai/!coder, qwen3-coder', ['unknown:openai/unknown', 'unknown:qwen/qwen3-coder']],
    ['openai/-qwen, qwen3-coder', ['unknown:openai/unknown', 'unknown:qwen/qwen3-coder']],
    ['openai/<redacted>, qwen3-coder', ['unknown:openai/unknown', 'unknown:qwen/qwen3-coder']],
    ['openai/ qwen3-coder', ['unknown:openai/unknown', 'unknown:qwen/qwen3-coder']],
  ])('Assisted-by: %s', (value, expected) => {
    expect(declared(value)).toEqual(expected);
  });

  it("another vendor's word before a model stays a second vendor (only openai is LiteLLM's route to every maker)", () => {
    expect(declared('qwen/claude-opus-4.6')).toEqual(['unknown:anthropic/claude-opus-4.6', 'unknown:qwen/unknown']);
  });
});

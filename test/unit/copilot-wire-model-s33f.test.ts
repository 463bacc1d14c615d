// GitHub Copilot CLI with its own provider (bring-your-own-key, `COPILOT_PROVIDER_BASE_URL`) sends the
// provider `COPILOT_PROVIDER_WIRE_MODEL` when set, else `COPILOT_PROVIDER_MODEL_ID`, in place of
// `COPILOT_MODEL` (which then only chooses the runtime's prompts and token limits: github/copilot-sdk
// `ProviderConfig` `modelId`/`wireModel`). aitrail read `COPILOT_MODEL` only: `COPILOT_MODEL=gpt-5`
// with `COPILOT_PROVIDER_WIRE_MODEL=qwen/qwen3-coder` at OpenRouter recorded `copilot:openai/gpt-5`
// and passed deny qwen/*.
import { describe, expect, it } from 'vitest';
import { detectAtCommitTime } from '../../src/core/detect.js';

const at = (env: Record<string, string>) => detectAtCommitTime('msg\n', { env }).map((a) => `${a.agent}:${a.model}`);
const BYOK = { COPILOT_CLI: '1', COPILOT_MODEL: 'gpt-5', COPILOT_PROVIDER_BASE_URL: 'https://openrouter.ai/api/v1' };

describe("Copilot CLI's wire model at its own provider", () => {
  it.each([
    ['the wire model beside COPILOT_MODEL', { ...BYOK, COPILOT_PROVIDER_WIRE_MODEL: 'qwen/qwen3-coder' }, ['copilot:openai/gpt-5', 'copilot:qwen/qwen3-coder']],
    ['the model id, sent when no wire model is set', { ...BYOK, COPILOT_PROVIDER_MODEL_ID: 'deepseek/deepseek-chat' }, ['copilot:openai/gpt-5', 'copilot:deepseek/deepseek-chat']],
    ['the wire model over the model id (the id then only picks limits)', { ...BYOK, COPILOT_PROVIDER_MODEL_ID: 'gpt-5', COPILOT_PROVIDER_WIRE_MODEL: 'qwen/qwen3-coder' }, ['copilot:openai/gpt-5', 'copilot:qwen/qwen3-coder']],
    // Claude's name at Z.ai is Z.ai's unknown model (row 386), which the wire's own GLM name makes known.
    ['at a vendor’s own API, the wire model names which of its models ran', { COPILOT_CLI: '1', COPILOT_MODEL: 'claude-sonnet-4.5', COPILOT_PROVIDER_BASE_URL: 'https://api.z.ai/api/anthropic', COPILOT_PROVIDER_WIRE_MODEL: 'glm-4.6' }, ['copilot:z-ai/glm-4.6']],
    ['without a provider URL Copilot CLI reads none of them: nothing added', { COPILOT_CLI: '1', COPILOT_MODEL: 'gpt-5', COPILOT_PROVIDER_WIRE_MODEL: 'qwen/qwen3-coder' }, ['copilot:openai/gpt-5']],
    ['without Copilot CLI running the variables name nothing', { COPILOT_PROVIDER_BASE_URL: 'https://openrouter.ai/api/v1', COPILOT_PROVIDER_WIRE_MODEL: 'qwen/qwen3-coder' }, []],
  ])('%s', (_name, env, expected) => {
    expect(at(env).sort()).toEqual([...expected].sort());
  });

  it('the evidence names the variable', () => {
    const found = detectAtCommitTime('msg\n', { env: { ...BYOK, COPILOT_PROVIDER_WIRE_MODEL: 'qwen/qwen3-coder' } }).find((a) => a.model === 'qwen/qwen3-coder');
    expect(found?.evidence.join(' ')).toContain('COPILOT_PROVIDER_WIRE_MODEL="qwen/qwen3-coder"');
  });
});

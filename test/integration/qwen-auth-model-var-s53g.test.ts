// Row 1091: Qwen Code with no `--model` and no settings `model.name` takes the model variable of the run's auth type
// (QwenLM/qwen-code `packages/cli/src/utils/modelConfigUtils.ts` `resolveCliGenerationConfig`, `AUTH_ENV_MODEL_VARS`: openai's
// OPENAI_MODEL/QWEN_MODEL, anthropic's ANTHROPIC_MODEL, gemini's GEMINI_MODEL, vertex-ai's GOOGLE_MODEL; every other model
// variable stripped). The hooks read only OPENAI_MODEL/QWEN_MODEL: `selectedType: anthropic`, `ANTHROPIC_MODEL=qwen3-coder`
// beside `OPENAI_MODEL=gpt-4o` was recorded `qwen-code:openai/gpt-4o` and passed `deny: ["qwen/*"]`. This test failed before
// its fix (qwen-code.ts authTypeModel). Committed for real through init's hooks by an executable named `qwen`.
import { describe, expect, it } from 'vitest';
import { homeWith, hooked } from '../helpers/agent-home.js';
import { agentBin, runAgent } from '../helpers/fake-agent.js';
import { hookEnv } from '../helpers/hooks.js';
import { STRICT } from '../helpers/local-gateway.js';

function qwenEnv(settings: object, extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return hookEnv({ HOME: homeWith({ '.qwen/settings.json': JSON.stringify(settings) }), QWEN_CODE: '1', OPENAI_BASE_URL: undefined, ANTHROPIC_BASE_URL: undefined, OPENAI_MODEL: undefined, QWEN_MODEL: undefined, ANTHROPIC_MODEL: undefined, GEMINI_MODEL: undefined, GOOGLE_MODEL: undefined, OPENAI_API_KEY: undefined, ANTHROPIC_API_KEY: undefined, GEMINI_API_KEY: undefined, GOOGLE_API_KEY: undefined, QWEN_OAUTH: undefined, QWEN_CODE_SYSTEM_SETTINGS_PATH: undefined, QWEN_CODE_SYSTEM_DEFAULTS_PATH: undefined, ...extra });
}

const DENIED = /qwen\/qwen3-coder \(via qwen-code\) is denied/;

describe("Qwen Code's auth type's own model variable (row 1091)", () => {
  it('row 1091: the anthropic, gemini or vertex-ai auth type\'s variable names a denied model: refused', () => {
    const repo = hooked(STRICT);
    for (const [type, variable] of [['anthropic', 'ANTHROPIC_MODEL'], ['gemini', 'GEMINI_MODEL'], ['vertex-ai', 'GOOGLE_MODEL']] as const) {
      const result = runAgent(repo, agentBin('qwen'), [], qwenEnv({ security: { auth: { selectedType: type } } }, { [variable]: 'qwen3-coder', OPENAI_MODEL: 'gpt-4o' }));
      expect.soft(result.status, type).not.toBe(0);
      expect.soft(result.stderr, type).toMatch(DENIED);
      expect.soft(result.stderr, type).toContain(`${variable}="qwen3-coder"`);
    }
    // `--auth-type` over the settings' selectedType.
    const flagged = runAgent(repo, agentBin('qwen'), ['--auth-type', 'anthropic'], qwenEnv({ security: { auth: { selectedType: 'openai' } } }, { ANTHROPIC_MODEL: 'qwen3-coder', OPENAI_MODEL: 'gpt-4o' }));
    expect(flagged.stderr).toMatch(DENIED);
  });

  it('careless truth: the openai auth type, or a settings model, keeps what was recorded', () => {
    const repo = hooked(STRICT);
    const openai = runAgent(repo, agentBin('qwen'), [], qwenEnv({ security: { auth: { selectedType: 'openai' } } }, { ANTHROPIC_MODEL: 'qwen3-coder', OPENAI_MODEL: 'gpt-4o' }));
    expect(openai.status, openai.stderr).toBe(0);
    expect(openai.message).toContain('Assisted-by: qwen-code:openai/gpt-4o');
    const named = runAgent(repo, agentBin('qwen'), [], qwenEnv({ model: { name: 'gpt-4o' }, security: { auth: { selectedType: 'anthropic' } } }, { ANTHROPIC_MODEL: 'qwen3-coder' }));
    expect(named.status, named.stderr).toBe(0);
    expect(named.message).toContain('Assisted-by: qwen-code:openai/gpt-4o');
  });
});

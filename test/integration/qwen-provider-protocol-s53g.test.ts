// Row 1090: Qwen Code's `modelProviders` under a provider id of the user's own, routed to an auth type by `providerProtocol`
// (QwenLM/qwen-code `packages/cli/src/utils/modelConfigUtils.ts` `collectProviderModelsForProtocol`: every id whose protocol,
// a built-in key itself or `providerProtocol[id]`, is the run's auth type). Rows 1028 and 1051 read only the list keyed by the
// auth type: `modelProviders: { "my-box": [{ id: "gpt-4o", baseUrl: "http://127.0.0.1:4000/v1" }] }` with
// `providerProtocol: { "my-box": "openai" }` and `selectedType: openai` was recorded `qwen-code:openai/gpt-4o` (a hosted name
// a box on this machine answers with any model) and passed `unknownModel: deny`. This test failed before its fix
// (qwen-code.ts providerEntryUrl). Committed for real through init's hooks by an executable named `qwen`.
import { describe, expect, it } from 'vitest';
import { homeWith, hooked } from '../helpers/agent-home.js';
import { agentBin, runAgent } from '../helpers/fake-agent.js';
import { hookEnv } from '../helpers/hooks.js';
import { expectGatewayRefused, STRICT } from '../helpers/local-gateway.js';

const entry = (id: string, baseUrl: string) => ({ id, envKey: 'BOX_KEY', baseUrl });

function qwenEnv(settings: object): NodeJS.ProcessEnv {
  return hookEnv({ HOME: homeWith({ '.qwen/settings.json': JSON.stringify(settings) }), QWEN_CODE: '1', OPENAI_BASE_URL: undefined, ANTHROPIC_BASE_URL: undefined, OPENAI_MODEL: undefined, QWEN_MODEL: undefined, QWEN_CODE_SYSTEM_SETTINGS_PATH: undefined, QWEN_CODE_SYSTEM_DEFAULTS_PATH: undefined });
}

describe("Qwen Code's providerProtocol routing a custom provider id (row 1090)", () => {
  it('row 1090: a custom id routed to the run\'s auth type, its entry on this machine: qwen-code:unknown, refused', () => {
    const repo = hooked(STRICT);
    const settings = { model: { name: 'gpt-4o' }, security: { auth: { selectedType: 'openai' } }, providerProtocol: { 'my-box': 'openai' }, modelProviders: { 'my-box': [entry('gpt-4o', 'http://127.0.0.1:4000/v1')] } };
    const result = runAgent(repo, agentBin('qwen'), [], qwenEnv(settings));
    expectGatewayRefused(result, 'providerProtocol my-box: openai');
    expect(result.stderr).toContain('modelProviders.my-box[0].baseUrl');
  });

  it('careless truth: a custom id routed to another auth type, or not routed, is not the run\'s list', () => {
    const repo = hooked(STRICT);
    for (const protocol of [{ 'my-box': 'anthropic' }, {}]) {
      const settings = { model: { name: 'gpt-4o' }, security: { auth: { selectedType: 'openai' } }, providerProtocol: protocol, modelProviders: { 'my-box': [entry('gpt-4o', 'http://127.0.0.1:4000/v1')], openai: [entry('gpt-4o', 'https://api.openai.com/v1')] } };
      const result = runAgent(repo, agentBin('qwen'), [], qwenEnv(settings));
      expect.soft(result.status, `${JSON.stringify(protocol)}: ${result.stderr}`).toBe(0);
      expect.soft(result.message).toContain('Assisted-by: qwen-code:openai/gpt-4o');
    }
  });
});

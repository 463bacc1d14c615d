// Row 1051: Qwen Code takes a run's auth type from its `--auth-type` before the settings' `security.auth.selectedType`
// (QwenLM/qwen-code `packages/cli/src/config/config.ts`: `.option('auth-type', { choices: [openai, anthropic, qwen-oauth,
// gemini, vertex-ai] })`, `argv.authType || selectedType`), and a model of `modelProviders` from that auth type's list. Row
// 1028 read the list of `selectedType` only: settings selecting `anthropic`, whose `gpt-4o` entry is remote, with an
// `openai` `gpt-4o` entry at a box on 127.0.0.1, and `qwen --auth-type openai -m gpt-4o`, was recorded
// `qwen-code:openai/gpt-4o` and passed `unknownModel: deny`. This test failed before its fix (command-line.ts
// commandLineModel `authType`, qwen-code.ts providerEntryUrl). Committed for real through init's hooks by an executable
// named `qwen`.
import { describe, expect, it } from 'vitest';
import { homeWith, hooked } from '../helpers/agent-home.js';
import { agentBin, runAgent } from '../helpers/fake-agent.js';
import { hookEnv } from '../helpers/hooks.js';
import { expectGatewayRefused, STRICT } from '../helpers/local-gateway.js';

const entry = (id: string, baseUrl: string) => ({ id, envKey: 'BOX_KEY', baseUrl });
const SETTINGS = {
  model: { name: 'gpt-4o' },
  security: { auth: { selectedType: 'anthropic' } },
  modelProviders: { anthropic: [entry('gpt-4o', 'https://llm.example.com/v1')], openai: [entry('gpt-4o', 'http://127.0.0.1:4000/v1')] },
};

function qwenEnv(settings: object): NodeJS.ProcessEnv {
  return hookEnv({ HOME: homeWith({ '.qwen/settings.json': JSON.stringify(settings) }), QWEN_CODE: '1', OPENAI_BASE_URL: undefined, ANTHROPIC_BASE_URL: undefined, OPENAI_MODEL: undefined, QWEN_MODEL: undefined, QWEN_CODE_SYSTEM_SETTINGS_PATH: undefined, QWEN_CODE_SYSTEM_DEFAULTS_PATH: undefined });
}

describe("Qwen Code's --auth-type choosing the modelProviders list (row 1051)", () => {
  it('--auth-type naming the list whose entry is on this machine: qwen-code:unknown, refused', () => {
    const repo = hooked(STRICT);
    const qwen = agentBin('qwen');
    for (const args of [['--auth-type', 'openai', '-m', 'gpt-4o'], ['--auth-type=openai'], ['--authType', 'openai']]) {
      const result = runAgent(repo, qwen, args, qwenEnv(SETTINGS));
      expectGatewayRefused(result, args.join(' '));
      expect(result.stderr, args.join(' ')).toContain('modelProviders.openai[0].baseUrl');
    }
  });

  it('careless truth: --auth-type naming the remote list records the hosted model over a selectedType whose entry is local', () => {
    const repo = hooked(STRICT);
    const settings = { ...SETTINGS, security: { auth: { selectedType: 'openai' } } };
    const result = runAgent(repo, agentBin('qwen'), ['--auth-type', 'anthropic'], qwenEnv(settings));
    expect(result.status, result.stderr).toBe(0);
    expect(result.message).toContain('Assisted-by: qwen-code:openai/gpt-4o');
  });
});

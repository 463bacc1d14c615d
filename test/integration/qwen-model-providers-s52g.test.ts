// Row 1028: Qwen Code sends a model listed in its settings' `modelProviders` to that entry's `baseUrl`, before
// `--openai-base-url`, `OPENAI_BASE_URL` and `security.auth.baseUrl` (QwenLM/qwen-code
// `docs/users/configuration/model-providers.md`, "Resolution Layers": the "Model provider selection" layer's `baseUrl`
// comes first; `security.auth.baseUrl` is deprecated for it). The hooks read only the lower layers: `model.name: gpt-4o`
// with `modelProviders.openai: [{ id: "gpt-4o", baseUrl: "http://localhost:11434/v1" }]` (Ollama serving Qwen under
// that name) was recorded `qwen-code:openai/gpt-4o` and passed `unknownModel: deny`. This test failed before its fix
// (qwen-code.ts providerEntryUrl, qwenCodeModel). Committed for real through init's hooks, Qwen Code by `QWEN_CODE=1`.
import { describe, expect, it } from 'vitest';
import { agentCommit, homeWith, hooked } from '../helpers/agent-home.js';
import { expectGatewayRefused, STRICT } from '../helpers/local-gateway.js';

function qwenEnv(settings: object, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { HOME: homeWith({ '.qwen/settings.json': JSON.stringify(settings) }), QWEN_CODE: '1', OPENAI_BASE_URL: undefined, ANTHROPIC_BASE_URL: undefined, OPENAI_MODEL: undefined, QWEN_MODEL: undefined, QWEN_CODE_SYSTEM_SETTINGS_PATH: undefined, QWEN_CODE_SYSTEM_DEFAULTS_PATH: undefined, ...extra };
}

const entry = (id: string, baseUrl: string) => ({ id, envKey: 'BOX_KEY', baseUrl });

describe("Qwen Code's modelProviders entry baseUrl (row 1028)", () => {
  it('a hosted model name whose entry is on this machine: qwen-code:unknown, refused', () => {
    const repo = hooked(STRICT);
    const cases: [string, object][] = [
      ['openai entry on localhost', { model: { name: 'gpt-4o' }, security: { auth: { selectedType: 'openai' } }, modelProviders: { openai: [entry('gpt-4o', 'http://localhost:11434/v1')] } }],
      ['anthropic entry on 127.0.0.1, no selectedType', { model: { name: 'claude-sonnet-4-5' }, modelProviders: { anthropic: [entry('claude-sonnet-4-5', 'http://127.0.0.1:4000')] } }],
      ['entry over a remote security.auth.baseUrl', { model: { name: 'gpt-4o' }, security: { auth: { selectedType: 'openai', baseUrl: 'https://api.openai.com/v1' } }, modelProviders: { openai: [entry('gpt-4o', 'http://[::1]:8000/v1')] } }],
    ];
    for (const [label, settings] of cases) expectGatewayRefused(agentCommit(repo, qwenEnv(settings)), label);
  });

  it("careless truth: a remote entry over OPENAI_BASE_URL on loopback, and another auth type's entry, leave the model as named", () => {
    const repo = hooked(STRICT);
    const remote = agentCommit(repo, qwenEnv({ model: { name: 'gpt-4o' }, security: { auth: { selectedType: 'openai' } }, modelProviders: { openai: [entry('gpt-4o', 'https://api.openai.com/v1')] } }, { OPENAI_BASE_URL: 'http://127.0.0.1:4000/v1' }));
    expect(remote.status, remote.stderr).toBe(0);
    expect(remote.message).toContain('Assisted-by: qwen-code:openai/gpt-4o');
    const other = agentCommit(repo, qwenEnv({ model: { name: 'gpt-4o' }, security: { auth: { selectedType: 'openai' } }, modelProviders: { anthropic: [entry('gpt-4o', 'http://127.0.0.1:4000')] } }));
    expect(other.status, other.stderr).toBe(0);
    expect(other.message).toContain('Assisted-by: qwen-code:openai/gpt-4o');
  });
});

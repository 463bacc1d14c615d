// GitHub Copilot CLI with its own provider (`COPILOT_PROVIDER_BASE_URL`) sends that provider
// `COPILOT_PROVIDER_WIRE_MODEL` (else `COPILOT_PROVIDER_MODEL_ID`), not `COPILOT_MODEL`, which then
// only picks the runtime's prompts and limits (github/copilot-sdk `ProviderConfig.wireModel`).
// `COPILOT_MODEL=gpt-5 COPILOT_PROVIDER_WIRE_MODEL=qwen/qwen3-coder` at OpenRouter recorded
// `copilot:openai/gpt-5` and passed deny qwen/*. Committed for real through the installed hooks.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agentCommit, hooked, homeWith } from '../helpers/agent-home.js';
import { hookedRepo } from '../helpers/hooked-repo.js';
import { hookEnv } from '../helpers/hooks.js';

const BYOK = { COPILOT_CLI: '1', COPILOT_PROVIDER_TYPE: 'openai', COPILOT_PROVIDER_BASE_URL: 'https://openrouter.ai/api/v1', COPILOT_MODEL: 'gpt-5' };

describe("Copilot CLI's wire model at its own provider", () => {
  it('COPILOT_PROVIDER_WIRE_MODEL naming Qwen is refused under deny qwen/*, and recorded beside COPILOT_MODEL otherwise', () => {
    const refused = agentCommit(hooked('policy:\n  deny: ["qwen/*"]\n'), hookEnv({ HOME: homeWith(), ...BYOK, COPILOT_PROVIDER_MODEL_ID: 'gpt-5', COPILOT_PROVIDER_WIRE_MODEL: 'qwen/qwen3-coder' }));
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via copilot\) is denied/);
    expect(refused.stderr).toContain('COPILOT_PROVIDER_WIRE_MODEL="qwen/qwen3-coder"');

    const open = hooked('policy: {}\n');
    const recorded = agentCommit(open, hookEnv({ HOME: homeWith(), ...BYOK, COPILOT_PROVIDER_MODEL_ID: 'qwen/qwen3-coder' }));
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: copilot:openai/gpt-5\nAssisted-by: copilot:qwen/qwen3-coder\n');
    // Without a provider URL Copilot CLI sends none of them.
    const unused = agentCommit(open, hookEnv({ HOME: homeWith(), COPILOT_CLI: '1', COPILOT_MODEL: 'gpt-5', COPILOT_PROVIDER_WIRE_MODEL: 'qwen/qwen3-coder' }));
    expect(unused.message).toBe('feat: parser\n\nAssisted-by: copilot:openai/gpt-5\n');
  });

  it("a person's commit beside the provider variables is unchanged, and starts no node", () => {
    const { repo, env, started } = hookedRepo();
    const before = readFileSync(started, 'utf8');
    const person = agentCommit(repo, { ...env, HOME: homeWith(), COPILOT_PROVIDER_BASE_URL: 'https://openrouter.ai/api/v1', COPILOT_PROVIDER_WIRE_MODEL: 'qwen/qwen3-coder' });
    expect(person.status, person.stderr).toBe(0);
    expect(person.message).toBe('feat: parser\n');
    expect(readFileSync(started, 'utf8')).toBe(before);
  });
});

// Row 1049: Kimi CLI replaces an `openai_legacy` or `openai_responses` provider's `base_url` by `OPENAI_BASE_URL` when
// set (MoonshotAI/kimi-cli `src/kimi_cli/llm.py` `augment_provider_with_env_vars`: `case "openai_legacy" |
// "openai_responses"`), as it does a `kimi` one's by `KIMI_BASE_URL`. Row 1027 read only `KIMI_BASE_URL`: a config.toml
// naming OpenAI's own API for `gpt-5`, with `OPENAI_BASE_URL` at a box on 127.0.0.1, was recorded
// `kimi-code:openai/gpt-5` and passed `unknownModel: deny`. This test failed before its fix (kimi-cli.ts kimiCliModel).
// Committed for real through init's hooks, Kimi CLI named by `AI_AGENT=kimi-code`.
import { describe, expect, it } from 'vitest';
import { agentCommit, homeWith, hooked } from '../helpers/agent-home.js';
import { expectGatewayRefused, STRICT } from '../helpers/local-gateway.js';

const config = (type: string, url: string, model = 'gpt-5') => `default_model = "main"\n[models.main]\nprovider = "box"\nmodel = "${model}"\nmax_context_size = 200000\n[providers.box]\ntype = "${type}"\nbase_url = "${url}"\napi_key = "x"\n`;

function kimiEnv(text: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { HOME: homeWith({ '.kimi/config.toml': text }), AI_AGENT: 'kimi-code', KIMI_SHARE_DIR: undefined, KIMI_BASE_URL: undefined, KIMI_MODEL_NAME: undefined, OPENAI_BASE_URL: undefined, ...extra };
}

describe("Kimi CLI's OPENAI_BASE_URL over an OpenAI-type provider's base_url (row 1049)", () => {
  it('a hosted model name sent by OPENAI_BASE_URL to a server on loopback: kimi-code:unknown, refused', () => {
    const repo = hooked(STRICT);
    for (const [label, env] of [
      ['openai_legacy, OPENAI_BASE_URL on 127.0.0.1', kimiEnv(config('openai_legacy', 'https://api.openai.com/v1'), { OPENAI_BASE_URL: 'http://127.0.0.1:4000/v1' })],
      ['openai_responses, OPENAI_BASE_URL on [::1]', kimiEnv(config('openai_responses', 'https://api.openai.com/v1'), { OPENAI_BASE_URL: 'http://[::1]:8000/v1' })],
    ] as const) {
      const result = agentCommit(repo, env);
      expectGatewayRefused(result, label);
      expect(result.stderr, label).toContain('OPENAI_BASE_URL=');
    }
  });

  it('careless truth: OPENAI_BASE_URL at a remote host over a loopback base_url records the hosted model; other types ignore it', () => {
    const repo = hooked('policy:\n  unknownModel: deny\n');
    const moved = agentCommit(repo, kimiEnv(config('openai_legacy', 'http://127.0.0.1:4000/v1'), { OPENAI_BASE_URL: 'https://api.openai.com/v1' }));
    expect(moved.status, moved.stderr).toBe(0);
    expect(moved.message).toContain('Assisted-by: kimi-code:openai/gpt-5');
    const anthropic = agentCommit(repo, kimiEnv(config('anthropic', 'https://api.anthropic.com', 'claude-sonnet-4-5'), { OPENAI_BASE_URL: 'http://127.0.0.1:4000/v1' }));
    expect(anthropic.status, anthropic.stderr).toBe(0);
    expect(anthropic.message).toContain('Assisted-by: kimi-code:anthropic/claude-sonnet-4.5');
  });
});

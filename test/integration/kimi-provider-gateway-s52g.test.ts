// Row 1027: Kimi CLI sends its model to the `base_url` of the provider its `[models.<name>]` names (MoonshotAI/kimi-cli
// `src/kimi_cli/config.py`: `LLMProvider.base_url` is required; `llm.py` `augment_provider_with_env_vars`: `KIMI_BASE_URL`
// first for a `kimi` provider), of any type (`anthropic`, `openai_legacy`, …). The hooks read only the model's name: an
// `anthropic` provider at a LiteLLM box on 127.0.0.1 answering `claude-sonnet-4-5` with whatever it runs was recorded
// `kimi-code:anthropic/claude-sonnet-4.5` and passed `unknownModel: deny`. This test failed before its fix (kimi-cli.ts
// kimiCliModel). Committed for real through init's hooks, Kimi CLI named by `AI_AGENT=kimi-code`.
import { describe, expect, it } from 'vitest';
import { agentCommit, homeWith, hooked } from '../helpers/agent-home.js';
import { expectGatewayRefused, STRICT } from '../helpers/local-gateway.js';

const config = (type: string, url: string, model = 'claude-sonnet-4-5') => `default_model = "main"\n[models.main]\nprovider = "box"\nmodel = "${model}"\nmax_context_size = 200000\n[providers.box]\ntype = "${type}"\nbase_url = "${url}"\napi_key = "x"\n`;

function kimiEnv(text: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { HOME: homeWith({ '.kimi/config.toml': text }), AI_AGENT: 'kimi-code', KIMI_SHARE_DIR: undefined, KIMI_BASE_URL: undefined, KIMI_MODEL_NAME: undefined, ...extra };
}

describe("Kimi CLI's provider base_url on this machine (row 1027)", () => {
  it('a hosted model name sent to a server on loopback: kimi-code:unknown, refused', () => {
    const repo = hooked(STRICT);
    for (const [label, env] of [
      ['anthropic provider on 127.0.0.1', kimiEnv(config('anthropic', 'http://127.0.0.1:4000'))],
      ['openai_legacy provider on localhost, gpt-5', kimiEnv(config('openai_legacy', 'http://localhost:11434/v1', 'gpt-5'))],
      ['kimi provider moved by KIMI_BASE_URL, model renamed by KIMI_MODEL_NAME', kimiEnv(config('kimi', 'https://api.moonshot.ai/v1', 'kimi-for-coding'), { KIMI_BASE_URL: 'http://[::1]:8000/v1', KIMI_MODEL_NAME: 'claude-opus-4-1' })],
    ] as const) {
      const result = agentCommit(repo, env);
      expectGatewayRefused(result, label);
    }
  });

  it('careless truth: a remote provider, or open weights named at a local server, are recorded as named', () => {
    const repo = hooked('policy:\n  unknownModel: deny\n');
    const remote = agentCommit(repo, kimiEnv(config('anthropic', 'https://api.anthropic.com')));
    expect(remote.status, remote.stderr).toBe(0);
    expect(remote.message).toContain('Assisted-by: kimi-code:anthropic/claude-sonnet-4.5');
    const local = agentCommit(repo, kimiEnv(config('openai_legacy', 'http://127.0.0.1:11434/v1', 'qwen3-coder')));
    expect(local.status, local.stderr).toBe(0);
    expect(local.message).toContain('Assisted-by: kimi-code:qwen/qwen3-coder');
  });
});

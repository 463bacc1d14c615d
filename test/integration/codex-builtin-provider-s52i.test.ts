// Row 1050: Codex keeps its built-in providers as they are (codex-rs `merge_configured_model_providers`:
// `model_providers.entry(key).or_insert(provider)`; only `amazon-bedrock`'s `base_url` may change), and since 0.115 its
// built-in `openai` provider's endpoint is the config's `openai_base_url` (`built_in_model_providers(openai_base_url)`;
// `-c openai_base_url=…` too). The hooks read a `[model_providers.ollama] base_url` at a remote host (Codex ignores it and
// calls its Ollama on 127.0.0.1:11434) as the provider's endpoint, and never read `openai_base_url`: `codex -c
// model_provider=ollama -c model_providers.ollama.base_url=https://…` or `codex -c openai_base_url=http://127.0.0.1:…`
// recorded `codex:openai/gpt-5-codex` and passed `unknownModel: deny`. This test failed before its fix (codex.ts
// baseUrlOf/codexGateway, command-line.ts codex `configs`). Committed for real through init's hooks by an executable
// named `codex`.
import { describe, expect, it } from 'vitest';
import { homeWith, hooked } from '../helpers/agent-home.js';
import { agentBin, runAgent } from '../helpers/fake-agent.js';
import { hookEnv } from '../helpers/hooks.js';
import { expectGatewayRefused, STRICT } from '../helpers/local-gateway.js';

const CONFIG = 'model = "gpt-5-codex"\n';

function codexEnv(config: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return hookEnv({ HOME: homeWith(), CODEX_HOME: homeWith({ 'config.toml': config }), CODEX_SANDBOX: 'seatbelt', OPENAI_BASE_URL: undefined, CODEX_OSS_BASE_URL: undefined, ...extra });
}

describe("Codex's built-in providers and openai_base_url (row 1050)", () => {
  it('a built-in local provider "moved" by a model_providers entry, or openai_base_url on loopback: codex:unknown, refused', () => {
    const repo = hooked(STRICT);
    const codex = agentBin('codex');
    const cases: [string, string[], string, string][] = [
      ['-c ollama base_url at a remote host', ['-c', 'model_provider=ollama', '-c', 'model_providers.ollama.base_url="https://api.openai.com/v1"'], CONFIG, 'model_provider="ollama" (Ollama or LM Studio)'],
      ['config.toml lmstudio base_url at a remote host', [], `model_provider = "lmstudio"\n${CONFIG}[model_providers.lmstudio]\nname = "x"\nbase_url = "https://llm.example.com/v1"\n`, 'model_provider="lmstudio"'],
      ['-c openai_base_url on 127.0.0.1', ['-c', 'openai_base_url="http://127.0.0.1:4000/v1"'], CONFIG, 'argv codex -c openai_base_url'],
      ['config.toml openai_base_url on [::1]', [], `openai_base_url = "http://[::1]:8000/v1"\n${CONFIG}`, 'config.toml openai_base_url'],
      ['a remote model_providers.openai cannot hide OPENAI_BASE_URL', ['-c', 'model_providers.openai.base_url="https://api.openai.com/v1"'], CONFIG, 'OPENAI_BASE_URL='],
    ];
    for (const [label, args, config, evidence] of cases) {
      const env = codexEnv(config, label.includes('OPENAI_BASE_URL') ? { OPENAI_BASE_URL: 'http://localhost:4000/v1' } : {});
      const result = runAgent(repo, codex, args, env);
      expectGatewayRefused(result, label);
      expect(result.stderr, label).toContain(evidence);
    }
  });

  it('careless truth: openai_base_url at a remote host, and a custom provider that is remote, record the hosted model', () => {
    const repo = hooked(STRICT);
    const codex = agentBin('codex');
    for (const [label, args, config] of [
      ['-c openai_base_url remote', ['-c', 'openai_base_url=https://proxy.example.com/v1'], CONFIG],
      ['custom remote provider', ['-c', 'model_provider=corp'], `${CONFIG}[model_providers.corp]\nname = "corp"\nbase_url = "https://llm.example.com/v1"\n`],
    ] as const) {
      const result = runAgent(repo, codex, [...args], codexEnv(config));
      expect(result.status, `${label}: ${result.stderr}`).toBe(0);
      expect(result.message, label).toBe('feat: parser\n\nAssisted-by: codex:openai/gpt-5-codex\n');
    }
  });
});

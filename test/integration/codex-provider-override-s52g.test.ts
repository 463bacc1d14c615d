// Row 1026: Codex applies the run's `-c key=value` onto its merged config before it picks the provider (codex-rs
// `common/config_override.rs`, then `Config::load_from_base_config_with_overrides`: the profile's `model_provider`, else
// the config's), so `codex -c model_provider=qwenbox` (a `[model_providers.qwenbox]` of config.toml at a server on
// 127.0.0.1) or `-c model_providers.openai_compat.base_url=…` sends the hosted name it asks for (gpt-5-codex) to a box on
// this machine. The hooks kept only the `-c` that name the model or the profile, and read the provider from the files
// alone: the commit recorded `codex:openai/gpt-5-codex` and passed `unknownModel: deny`. This test failed before its fix
// (command-line.ts codex `configs`, codex.ts codexModel/placeOf). Committed for real through init's hooks by an
// executable named `codex`.
import { describe, expect, it } from 'vitest';
import { homeWith, hooked } from '../helpers/agent-home.js';
import { agentBin, runAgent } from '../helpers/fake-agent.js';
import { hookEnv } from '../helpers/hooks.js';
import { expectGatewayRefused, STRICT } from '../helpers/local-gateway.js';

const CONFIG = 'model = "gpt-5-codex"\n[model_providers.qwenbox]\nname = "box"\nbase_url = "http://127.0.0.1:8080/v1"\n[model_providers.remote]\nname = "remote"\nbase_url = "https://llm.example.com/v1"\n';

function codexEnv(config: string): NodeJS.ProcessEnv {
  return hookEnv({ HOME: homeWith(), CODEX_HOME: homeWith({ 'config.toml': config }), CODEX_SANDBOX: 'seatbelt', OPENAI_BASE_URL: undefined, CODEX_OSS_BASE_URL: undefined });
}

describe("Codex's -c naming the provider or its base_url (row 1026)", () => {
  it('-c model_provider=<a provider on loopback>, or a base_url given by -c: codex:unknown, refused', () => {
    const repo = hooked(STRICT);
    const codex = agentBin('codex');
    const cases: [string, string[], string][] = [
      ['-c model_provider', ['-c', 'model_provider=qwenbox'], 'config.toml model_providers.qwenbox.base_url'],
      ['-c model_provider with -m', ['-c', 'model_provider="qwenbox"', '-m', 'gpt-5-codex'], ''],
      ['-c base_url of the provider in force', ['-c', 'model_provider=remote', '-c', 'model_providers.remote.base_url=http://localhost:4000/v1'], 'argv codex -c model_providers.remote.base_url'],
      ['-c model_provider=ollama (built-in, this machine)', ['-c', 'model_provider=ollama'], 'model_provider="ollama" (Ollama or LM Studio)'],
      ['-c a whole provider table', ['--config', 'model_providers.mine={ name = "m", base_url = "http://[::1]:9000/v1" }', '-c', 'model_provider=mine'], 'argv codex -c model_providers.mine.base_url'],
    ];
    for (const [label, args, evidence] of cases) {
      const result = runAgent(repo, codex, args, codexEnv(CONFIG));
      expectGatewayRefused(result, label);
      if (evidence) expect(result.stderr, label).toContain(evidence);
    }
  });

  it('careless truth: -c model_provider=<a remote provider> over a loopback one of config.toml records the hosted model, and passes', () => {
    const repo = hooked(STRICT);
    const result = runAgent(repo, agentBin('codex'), ['-c', 'model_provider=remote'], codexEnv(`model_provider = "qwenbox"\n${CONFIG}`));
    expect(result.status, result.stderr).toBe(0);
    expect(result.message).toBe('feat: parser\n\nAssisted-by: codex:openai/gpt-5-codex\n');
  });
});

// Row 980: goose registers each `custom_providers/*.json` under the `name` it declares (block/goose
// `config/declarative_providers.rs` `register_declarative_providers`, `provider_registry.rs`: one HashMap by name,
// custom providers inserted after the built-in ones), so a custom provider named `anthropic` replaces goose's own
// Anthropic provider, and a file's name is not its provider's id. The hooks read only `custom_providers/<provider>.json`
// and never for a built-in name: `GOOSE_PROVIDER: anthropic` with a custom `anthropic` at a LiteLLM/Ollama box on
// loopback (serving Qwen) was recorded `goose:anthropic/claude-sonnet-4.5`. Committed for real through init's hooks.
import { describe, expect, it } from 'vitest';
import { agentCommit, homeWith, hooked } from '../helpers/agent-home.js';
import { expectGatewayRefused, STRICT } from '../helpers/local-gateway.js';

const provider = (name: string, url: string) => JSON.stringify({ name, engine: 'openai', display_name: 'box', api_key_env: '', base_url: url, models: [{ name: 'claude-sonnet-4-5', context_limit: 128000 }] });

function gooseEnv(config: string, custom: Record<string, string>): NodeJS.ProcessEnv {
  const files = Object.fromEntries([['.config/goose/config.yaml', config], ...Object.entries(custom).map(([file, text]) => [`.config/goose/custom_providers/${file}`, text])]);
  return { HOME: homeWith(files), XDG_CONFIG_HOME: undefined, GOOSE_TERMINAL: '1', GOOSE_MODEL: undefined, GOOSE_PROVIDER: undefined, GOOSE_LEAD_PROVIDER: undefined, GOOSE_LEAD_MODEL: undefined, GOOSE_PLANNER_PROVIDER: undefined, GOOSE_PLANNER_MODEL: undefined, ANTHROPIC_HOST: undefined };
}

const ANTHROPIC = 'GOOSE_PROVIDER: anthropic\nGOOSE_MODEL: claude-sonnet-4-5\n';

describe("goose's custom provider under a built-in provider's name, or a file named otherwise (row 980)", () => {
  it('a custom provider named anthropic at a server on loopback: goose:unknown, refused', () => {
    const repo = hooked(STRICT);
    const result = agentCommit(repo, gooseEnv(ANTHROPIC, { 'qwenbox.json': provider('anthropic', 'http://127.0.0.1:4000/v1') }));
    expectGatewayRefused(result, 'custom anthropic on loopback');
    expect(result.stderr).toContain('custom_providers/qwenbox.json base_url');
  });

  it("a custom provider's file named otherwise than the name it declares: read by its name", () => {
    const repo = hooked(STRICT);
    const result = agentCommit(repo, gooseEnv('GOOSE_PROVIDER: custom_box\nGOOSE_MODEL: gpt-4o\n', { 'box.json': provider('custom_box', 'http://localhost:11434/v1') }));
    expectGatewayRefused(result, 'custom_box in box.json');
  });

  it("a padded custom provider file hides its name: goose:unknown whichever provider is named", () => {
    const repo = hooked(STRICT);
    const padded = `${provider('anthropic', 'http://127.0.0.1:4000/v1').slice(0, -1)}${' '.repeat(1024 * 1024)}}`;
    const result = agentCommit(repo, gooseEnv(ANTHROPIC, { 'qwenbox.json': padded }));
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain('qwenbox.json (over 1 MiB, not read');
  });

  it('careless truth: a custom anthropic at a remote host, or a custom provider of another name, leaves Anthropic recorded', () => {
    const repo = hooked(STRICT);
    const remote = agentCommit(repo, gooseEnv(ANTHROPIC, { 'proxy.json': provider('anthropic', 'https://llm.example.com/v1') }));
    expect(remote.status, remote.stderr).toBe(0);
    expect(remote.message).toContain('Assisted-by: goose:anthropic/claude-sonnet-4.5');
    const other = agentCommit(repo, gooseEnv(ANTHROPIC, { 'local.json': provider('custom_local', 'http://127.0.0.1:4000/v1') }));
    expect(other.status, other.stderr).toBe(0);
    expect(other.message).toContain('Assisted-by: goose:anthropic/claude-sonnet-4.5');
  });
});

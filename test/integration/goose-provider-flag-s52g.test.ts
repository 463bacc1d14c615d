// Row 1025: goose takes its provider from the command line first (block/goose `crates/goose-cli/src/session/builder.rs`
// `build_session`: `session_config.provider` "Provider override from CLI arguments", then a resumed session's, a
// recipe's, then `GOOSE_PROVIDER`/config.yaml; none of them: it does not start). Launchers start goose so (Blaizzy/nativ
// #73 writes `~/.config/goose/custom_providers/nativ.json` and runs goose with `--provider nativ`). The hooks read only
// `GOOSE_PROVIDER`: with none set (or another one) the custom provider on loopback went unseen and `GOOSE_MODEL: gpt-4o`
// was recorded as OpenAI's while the box on this machine answered. This test failed before its fix (command-line.ts
// `provider`, goose.ts gooseModel). Committed for real through init's hooks by an executable named `goose` on PATH.
import { describe, expect, it } from 'vitest';
import { homeWith, hooked } from '../helpers/agent-home.js';
import { agentsOnPath, commitThrough } from '../helpers/agent-on-path.js';
import { hookEnv } from '../helpers/hooks.js';
import { expectGatewayRefused, STRICT } from '../helpers/local-gateway.js';

const nativ = JSON.stringify({ name: 'nativ', engine: 'openai', display_name: 'Nativ', api_key_env: '', base_url: 'http://127.0.0.1:8080/v1', models: [{ name: 'gpt-4o', context_limit: 128000 }] });

function gooseEnv(config: string, custom: Record<string, string> = { 'nativ.json': nativ }): NodeJS.ProcessEnv {
  const files = Object.fromEntries([['.config/goose/config.yaml', config], ...Object.entries(custom).map(([file, text]) => [`.config/goose/custom_providers/${file}`, text])]);
  const env = hookEnv({ HOME: homeWith(files), XDG_CONFIG_HOME: undefined, GOOSE_TERMINAL: '1', GOOSE_MODEL: undefined, GOOSE_PROVIDER: undefined, GOOSE_LEAD_PROVIDER: undefined, GOOSE_LEAD_MODEL: undefined, GOOSE_PLANNER_PROVIDER: undefined, GOOSE_PLANNER_MODEL: undefined, OLLAMA_HOST: undefined, OPENAI_HOST: undefined, ANTHROPIC_HOST: undefined });
  return { ...env, PATH: `${agentsOnPath([{ name: 'goose' }])}:${env.PATH ?? ''}` };
}

describe("goose's --provider (row 1025)", () => {
  it('a custom provider on loopback named by --provider alone, or over GOOSE_PROVIDER, is a gateway: refused', () => {
    const repo = hooked(STRICT);
    const alone = commitThrough(repo, 'goose', ['session', '--provider', 'nativ'], gooseEnv('GOOSE_MODEL: gpt-4o\n'));
    expectGatewayRefused(alone, '--provider nativ, no GOOSE_PROVIDER');
    expect(alone.stderr).toContain('argv goose --provider="nativ" custom_providers/nativ.json base_url');
    const over = commitThrough(repo, 'goose', ['run', '--provider=nativ', '-t', 'fix the parser'], gooseEnv('GOOSE_PROVIDER: anthropic\nGOOSE_MODEL: claude-sonnet-4-5\n'));
    expectGatewayRefused(over, '--provider=nativ over GOOSE_PROVIDER: anthropic');
    const ollama = commitThrough(repo, 'goose', ['run', '--provider', 'ollama', '--model', 'gpt-4o', '-t', 'x'], gooseEnv('', {}));
    expectGatewayRefused(ollama, '--provider ollama --model gpt-4o');
  });

  it('a padded custom provider file with only --provider naming a provider: unknown, refused', () => {
    const repo = hooked(STRICT);
    const padded = `${nativ.slice(0, -1)}${' '.repeat(1024 * 1024)}}`;
    const result = commitThrough(repo, 'goose', ['session', '--provider', 'nativ'], gooseEnv('GOOSE_MODEL: gpt-4o\n', { 'nativ.json': padded }));
    expect(result.status, result.stderr).not.toBe(0);
    expect(result.stderr).toContain('nativ.json (over 1 MiB, not read');
  });

  it("careless truth: --provider openai over config.yaml's local ollama records OpenAI's model, and passes", () => {
    const repo = hooked(STRICT);
    const result = commitThrough(repo, 'goose', ['run', '--provider', 'openai', '-t', 'x'], gooseEnv('GOOSE_PROVIDER: ollama\nGOOSE_MODEL: gpt-4o\n', {}));
    expect(result.status, result.stderr).toBe(0);
    expect(result.message).toBe('feat: parser\n\nAssisted-by: goose:openai/gpt-4o\n');
  });
});

// Row 996: goose registers every `*.json` of `custom_providers` (block/goose `config/declarative_providers.rs`
// `load_custom_providers`: `read_dir`, no bound), the last one declaring a name winning over the built-in provider.
// Row 980 read the folder's first 256 names in sorted order and silently left the rest: 256 small files
// (`a000.json`…) then `zz.json` declaring `anthropic` at a server on loopback was recorded
// `goose:anthropic/claude-sonnet-4.5` and passed a Qwen deny with `unknownModel: deny`. Committed for real through
// init's installed hooks, goose detected by `GOOSE_TERMINAL=1`.
import { describe, expect, it } from 'vitest';
import { agentCommit, homeWith, hooked } from '../helpers/agent-home.js';
import { expectGatewayRefused, STRICT } from '../helpers/local-gateway.js';

const provider = (name: string, url: string) => JSON.stringify({ name, engine: 'openai', display_name: 'box', api_key_env: '', base_url: url, models: [{ name: 'claude-sonnet-4-5', context_limit: 128000 }] });

function gooseEnv(custom: Record<string, string>): NodeJS.ProcessEnv {
  const files = Object.fromEntries([['.config/goose/config.yaml', 'GOOSE_PROVIDER: anthropic\nGOOSE_MODEL: claude-sonnet-4-5\n'], ...Object.entries(custom).map(([file, text]) => [`.config/goose/custom_providers/${file}`, text])]);
  return { HOME: homeWith(files), XDG_CONFIG_HOME: undefined, GOOSE_TERMINAL: '1', GOOSE_MODEL: undefined, GOOSE_PROVIDER: undefined, GOOSE_LEAD_PROVIDER: undefined, GOOSE_LEAD_MODEL: undefined, GOOSE_PLANNER_PROVIDER: undefined, GOOSE_PLANNER_MODEL: undefined, ANTHROPIC_HOST: undefined };
}

const filler = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`a${String(i).padStart(3, '0')}.json`, provider(`custom_${i}`, 'https://llm.example.com/v1')]));

describe("goose's custom_providers folder past the files the hooks read (row 996)", () => {
  it('a 257th file declaring anthropic on loopback: goose:unknown, refused', () => {
    const repo = hooked(STRICT);
    const result = agentCommit(repo, gooseEnv({ ...filler(256), 'zz.json': provider('anthropic', 'http://127.0.0.1:4000/v1') }));
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain('custom_providers (over 256 *.json files, not read');
    expect(result.message).not.toContain('anthropic/claude');
  });

  it('careless truth: 256 files, the folder read whole, as before', () => {
    const repo = hooked(STRICT);
    const local = agentCommit(repo, gooseEnv({ ...filler(255), 'zz.json': provider('anthropic', 'http://127.0.0.1:4000/v1') }));
    expectGatewayRefused(local, '256 files, the last on loopback');
    const remote = agentCommit(repo, gooseEnv(filler(256)));
    expect(remote.status, remote.stderr).toBe(0);
    expect(remote.message).toContain('Assisted-by: goose:anthropic/claude-sonnet-4.5');
  });
});

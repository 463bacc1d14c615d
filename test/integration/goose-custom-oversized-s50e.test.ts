// Row 953: goose's custom provider file (`~/.config/goose/custom_providers/<id>.json`, what `goose configure`
// writes for an OpenAI-compatible server) padded past the 1 MiB the hooks read, its base_url on loopback (row 895),
// was read as no file: GOOSE_MODEL=gpt-4o was recorded goose:openai/gpt-4o and passed unknownModel: deny while the
// server on this machine ran anything. goose reads the file whole (serde_json), so now its padding makes the model
// `unknown` ("over 1 MiB, not read"), as row 942 does for config.yaml. Committed for real through init's installed hooks.
import { describe, expect, it } from 'vitest';
import { agentCommit, homeWith, hooked } from '../helpers/agent-home.js';
import { STRICT } from '../helpers/local-gateway.js';

const JSON_PAD = ' '.repeat(1024 * 1024);
const LOCAL = '{"name": "qwenbox", "engine": "openai", "display_name": "box", "api_key_env": "", "base_url": "http://127.0.0.1:4000/v1", "models": [{"name": "gpt-4o", "context_limit": 128000}]';

function gooseEnv(custom: string, key = 'GOOSE_PROVIDER'): NodeJS.ProcessEnv {
  const config = key === 'GOOSE_PROVIDER' ? 'GOOSE_PROVIDER: qwenbox\nGOOSE_MODEL: gpt-4o\n' : `GOOSE_PROVIDER: openai\nGOOSE_MODEL: gpt-4o\n${key}: qwenbox\n${key.replace('_PROVIDER', '_MODEL')}: gpt-4o\n`;
  const files = { '.config/goose/config.yaml': config, '.config/goose/custom_providers/qwenbox.json': custom };
  return { HOME: homeWith(files), XDG_CONFIG_HOME: undefined, GOOSE_TERMINAL: '1', GOOSE_MODEL: undefined, GOOSE_PROVIDER: undefined, GOOSE_LEAD_PROVIDER: undefined, GOOSE_LEAD_MODEL: undefined, GOOSE_PLANNER_PROVIDER: undefined, GOOSE_PLANNER_MODEL: undefined };
}

describe("goose's custom provider file past the bound the hooks read (row 953)", () => {
  it('a padded custom_providers/<id>.json with base_url on loopback, gpt-4o named: goose:unknown, refused under unknownModel: deny', () => {
    const repo = hooked(STRICT);
    const result = agentCommit(repo, gooseEnv(`${LOCAL}${JSON_PAD}}`));
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain('qwenbox.json (over 1 MiB, not read');
    expect(result.stderr).not.toMatch(/model: openai\//);
  });

  it("the lead model's custom provider padded: goose:unknown too", () => {
    const repo = hooked(STRICT);
    const result = agentCommit(repo, gooseEnv(`${LOCAL}${JSON_PAD}}`, 'GOOSE_LEAD_PROVIDER'));
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain('qwenbox.json (over 1 MiB, not read');
  });

  it('careless truth: goose:unknown where unknown models are allowed; the same file under the bound read as the gateway it names', () => {
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');
    const padded = agentCommit(repo, gooseEnv(`${LOCAL}${JSON_PAD}}`));
    expect(padded.status, padded.stderr).toBe(0);
    expect(padded.message).toContain('Assisted-by: goose:unknown');
    const small = agentCommit(repo, gooseEnv(`${LOCAL}}`));
    expect(small.status, small.stderr).toBe(0);
    expect(small.message).toContain('Assisted-by: goose:unknown');
    const remote = agentCommit(repo, gooseEnv(`${LOCAL.replace('http://127.0.0.1:4000/v1', 'https://llm.example.com/v1')}}`));
    expect(remote.status, remote.stderr).toBe(0);
    expect(remote.message).toContain('Assisted-by: goose:openai/gpt-4o');
  });
});

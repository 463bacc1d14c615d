// Row 957: Copilot CLI reads its settings files whole, in precedence (the trusted repository's
// `.github/copilot/settings(.local).json`, then `~/.copilot/settings.json`, then `config.json`), but the hooks read
// one past the 1 MiB bound as no file and took the next file's model: `~/.copilot/settings.json` naming
// `qwen/qwen3-coder` (a bring-your-own-key provider's model), padded past the bound, was skipped and `config.json`'s
// `claude-sonnet-4.5` recorded, passing `deny: ["qwen/*"]` and unknownModel: deny. Now a padded settings file makes
// the model `copilot:unknown`. Committed for real through init's installed hooks.
import { describe, expect, it } from 'vitest';
import { agentCommit, homeWith, hooked } from '../helpers/agent-home.js';
import { STRICT } from '../helpers/local-gateway.js';

const JSON_PAD = ' '.repeat(1024 * 1024);

function copilotEnv(settings: string): NodeJS.ProcessEnv {
  const files = { '.copilot/settings.json': settings, '.copilot/config.json': '{"model": "claude-sonnet-4.5"}' };
  return { HOME: homeWith(files), COPILOT_HOME: undefined, COPILOT_AGENT_SESSION_ID: undefined, COPILOT_CLI: '1', COPILOT_MODEL: undefined, COPILOT_PROVIDER_BASE_URL: undefined };
}

describe("Copilot CLI's settings past the bound the hooks read (row 957)", () => {
  it("a padded ~/.copilot/settings.json naming Qwen over config.json's Claude: unknown, refused under unknownModel: deny", () => {
    const repo = hooked(STRICT);
    const result = agentCommit(repo, copilotEnv(`{"model": "qwen/qwen3-coder"${JSON_PAD}}`));
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain('settings.json (over 1 MiB, not read');
    expect(result.stderr).not.toMatch(/model: anthropic\//);
  });

  it('careless truth: unknown where unknown models are allowed; the file under the bound read as before', () => {
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');
    const padded = agentCommit(repo, copilotEnv(`{"theme": "dark"${JSON_PAD}}`));
    expect(padded.status, padded.stderr).toBe(0);
    expect(padded.message).toMatch(/Assisted-by: [\w-]*copilot[\w-]*:unknown/);
    const small = agentCommit(repo, copilotEnv('{"theme": "dark"}'));
    expect(small.status, small.stderr).toBe(0);
    expect(small.message).toMatch(/Assisted-by: [\w-]*copilot[\w-]*:anthropic\/claude-sonnet-4/);
    const qwen = agentCommit(repo, copilotEnv('{"model": "qwen/qwen3-coder"}'));
    expect(qwen.status).toBe(1);
  });
});

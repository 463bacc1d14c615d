// Row 976: rows 957 and 972 record `copilot:unknown` when one of Copilot CLI's own files past the 1 MiB bound
// hides the model (its `settings.json`, or the older `model` and trust list of its `config.json`, the application
// state that grows on its own). But `COPILOT_MODEL` and `--model` come before every settings file (docs.github.com,
// Copilot CLI configuration: "Command-line flags and environment variables always take the highest precedence"), so
// the hidden file cannot change what runs: an honest person with a 2 MB `config.json` who set `COPILOT_MODEL` was
// refused under unknownModel: deny. Now the variable's model is recorded and checked; without it, unknown as before.
// Committed for real through init's installed hooks.
import { describe, expect, it } from 'vitest';
import { agentCommit, homeWith, hooked } from '../helpers/agent-home.js';
import { STRICT } from '../helpers/local-gateway.js';

const STATE = (extra: string) => `{"logged_in_users": [], ${extra}"installed_plugins": [${Array.from({ length: 20000 }, (_, i) => JSON.stringify({ name: `plugin-${i}`, source: 'marketplace', version: '1.0.0', cache: 'x'.repeat(40) })).join(',')}]}`;
const JSON_PAD = `, "pad": "${' '.repeat(1024 * 1024 + 16)}"`;

function copilotEnv(files: Record<string, string>, model?: string): NodeJS.ProcessEnv {
  return { HOME: homeWith(files), COPILOT_HOME: undefined, COPILOT_AGENT_SESSION_ID: undefined, COPILOT_CLI: '1', COPILOT_MODEL: model, COPILOT_PROVIDER_BASE_URL: undefined };
}

describe("COPILOT_MODEL over a Copilot CLI file past the bound the hooks read (row 976)", () => {
  it("careless truth: a 2 MB config.json, no settings.json model, COPILOT_MODEL=claude-sonnet-4.5: Claude recorded, passing unknownModel: deny", () => {
    const repo = hooked(STRICT);
    const result = agentCommit(repo, copilotEnv({ '.copilot/settings.json': '{"theme": "dark"}', '.copilot/config.json': STATE('"model": "qwen/qwen3-coder", ') }, 'claude-sonnet-4.5'));
    expect(result.status, result.stderr).toBe(0);
    expect(result.message).toMatch(/Assisted-by: [\w-]*copilot[\w-]*:anthropic\/claude-sonnet-4/);
    expect(result.message).not.toContain('unknown');
  });

  it("a padded settings.json naming Claude under COPILOT_MODEL=qwen/qwen3-coder: the variable's Qwen recorded and refused", () => {
    const repo = hooked(STRICT);
    const result = agentCommit(repo, copilotEnv({ '.copilot/settings.json': `{"model": "claude-sonnet-4.5"${JSON_PAD}}` }, 'qwen/qwen3-coder'));
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/qwen\/qwen3-coder/);
  });

  it("without COPILOT_MODEL the padded config.json's older model is still unknown, refused (row 972 unchanged)", () => {
    const repo = hooked(STRICT);
    const result = agentCommit(repo, copilotEnv({ '.copilot/settings.json': '{"theme": "dark"}', '.copilot/config.json': STATE('"model": "qwen/qwen3-coder", ') }));
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain('config.json (over 1 MiB, not read');
  });
});

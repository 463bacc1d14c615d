// Row 972: row 957 made any of Copilot CLI's own files past the 1 MiB bound `copilot:unknown`, `config.json`
// too. But `config.json` is Copilot CLI's application state (docs.github.com CLI config directory reference:
// "authentication, installed plugins, trusted folders"; its maintainer in github/copilot-cli#2935: "a dumping ground
// for application state"), which grows on its own: an honest 2 MB one beside a `settings.json` naming Claude made
// every Copilot commit `copilot:unknown`, refused under unknownModel: deny. Now a padded `config.json` makes the model
// unknown only where it is asked: its trust list for a repository's settings naming a model, or its older `model`
// when nothing above names one. Committed for real through init's installed hooks.
import { realpathSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agentCommit, homeWith, hooked } from '../helpers/agent-home.js';
import { STRICT } from '../helpers/local-gateway.js';

const STATE = (extra: string) => `{"logged_in_users": [], ${extra}"installed_plugins": [${Array.from({ length: 20000 }, (_, i) => JSON.stringify({ name: `plugin-${i}`, source: 'marketplace', version: '1.0.0', cache: 'x'.repeat(40) })).join(',')}]}`;

function copilotEnv(files: Record<string, string>): NodeJS.ProcessEnv {
  return { HOME: homeWith(files), COPILOT_HOME: undefined, COPILOT_AGENT_SESSION_ID: undefined, COPILOT_CLI: '1', COPILOT_MODEL: undefined, COPILOT_PROVIDER_BASE_URL: undefined };
}

describe("Copilot CLI's config.json (application state) past the bound the hooks read (row 972)", () => {
  it("careless truth: a 2 MB config.json beside a settings.json naming Claude records Claude, passing unknownModel: deny", () => {
    expect(STATE('').length).toBeGreaterThan(2 * 1024 * 1024);
    const repo = hooked(STRICT);
    const result = agentCommit(repo, copilotEnv({ '.copilot/settings.json': '{"model": "claude-sonnet-4.5"}', '.copilot/config.json': STATE('') }));
    expect(result.status, result.stderr).toBe(0);
    expect(result.message).toMatch(/Assisted-by: [\w-]*copilot[\w-]*:anthropic\/claude-sonnet-4/);
  });

  it("a padded config.json trusting the work tree, whose settings name Qwen: unknown, refused (its trust is not known)", () => {
    const repo = hooked(STRICT, { '.github/copilot/settings.json': '{"model": "qwen/qwen3-coder"}' });
    const state = STATE(`"trusted_folders": [${JSON.stringify(realpathSync(repo.dir))}], `);
    const result = agentCommit(repo, copilotEnv({ '.copilot/settings.json': '{"model": "claude-sonnet-4.5"}', '.copilot/config.json': state }));
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain('config.json (over 1 MiB, not read');
    expect(result.stderr).not.toMatch(/model: anthropic\//);
  });

  it("a padded config.json naming Qwen, no settings.json model: unknown, refused (its older model is not known)", () => {
    const repo = hooked(STRICT);
    const result = agentCommit(repo, copilotEnv({ '.copilot/settings.json': '{"theme": "dark"}', '.copilot/config.json': STATE('"model": "qwen/qwen3-coder", ') }));
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain('config.json (over 1 MiB, not read');
  });
});

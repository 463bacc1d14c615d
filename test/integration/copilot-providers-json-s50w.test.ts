// Row 977: Copilot CLI's `~/.copilot/providers.json` (docs.github.com, Copilot CLI configuration directory:
// the BYOK provider and model registry, at `COPILOT_PROVIDERS_CONFIG` or `$COPILOT_HOME/providers.json`) names
// providers (`baseUrl`) and their models (`id`, with a `wireModel` sent in its place); a selection is
// `<provider>/<id>` (Fireworks' Copilot CLI guide: `copilot --model fireworks/<name>`). A provider named `anthropic`
// at a gateway on this machine with a model `claude-sonnet-4.5` whose wireModel is Qwen makes the selection
// `anthropic/claude-sonnet-4.5`, read by the hooks as Anthropic's hosted model. Committed for real through init's
// installed hooks, `COPILOT_CLI=1`.
import { describe, expect, it } from 'vitest';
import { agentCommit, homeWith, hooked } from '../helpers/agent-home.js';
import { STRICT } from '../helpers/local-gateway.js';

const REGISTRY = JSON.stringify({
  providers: [{ name: 'anthropic', type: 'openai', baseUrl: 'http://127.0.0.1:4000/v1' }],
  models: [{ provider: 'anthropic', id: 'claude-sonnet-4.5', wireModel: 'qwen3-coder:30b' }],
});

function copilotEnv(files: Record<string, string>, model?: string): NodeJS.ProcessEnv {
  return { HOME: homeWith(files), COPILOT_HOME: undefined, COPILOT_PROVIDERS_CONFIG: undefined, COPILOT_AGENT_SESSION_ID: undefined, COPILOT_CLI: '1', COPILOT_MODEL: model, COPILOT_PROVIDER_BASE_URL: undefined };
}

describe('Copilot CLI providers.json routing a hosted name to a gateway (row 977)', () => {
  it('settings.json model anthropic/claude-sonnet-4.5 served by a local provider of providers.json: refused under unknownModel: deny', () => {
    const repo = hooked(STRICT);
    const result = agentCommit(repo, copilotEnv({ '.copilot/settings.json': '{"model": "anthropic/claude-sonnet-4.5"}', '.copilot/providers.json': REGISTRY }));
    expect(result.status, result.stderr + result.message).toBe(1);
    expect(result.stderr).toContain('providers.json provider "anthropic"');
  });

  it('COPILOT_MODEL=anthropic/claude-sonnet-4.5 with the same registry: refused', () => {
    const repo = hooked(STRICT);
    const result = agentCommit(repo, copilotEnv({ '.copilot/providers.json': REGISTRY }, 'anthropic/claude-sonnet-4.5'));
    expect(result.status, result.stderr + result.message).toBe(1);
  });

  it('the registry padded past 1 MiB (its local provider unseen): the model unknown, refused under unknownModel: deny (row 968\'s rule)', () => {
    const repo = hooked(STRICT);
    const padded = REGISTRY.replace('{', `{${' '.repeat(1024 * 1024 + 16)}`);
    const result = agentCommit(repo, copilotEnv({ '.copilot/settings.json': '{"model": "anthropic/claude-sonnet-4.5"}', '.copilot/providers.json': padded }));
    expect(result.status, result.stderr + result.message).toBe(1);
    expect(result.stderr).toContain('over 1 MiB, not read');
  });

  it('careless truth: a remote provider of providers.json (Fireworks) changes nothing; its models are read as before', () => {
    const repo = hooked(STRICT);
    const remote = REGISTRY.replace('http://127.0.0.1:4000/v1', 'https://api.fireworks.ai/inference/v1');
    const result = agentCommit(repo, copilotEnv({ '.copilot/settings.json': '{"model": "anthropic/claude-sonnet-4.5"}', '.copilot/providers.json': remote }));
    expect(result.status, result.stderr).toBe(0);
    expect(result.message).toMatch(/Assisted-by: [\w-]*copilot[\w-]*:anthropic\/claude-sonnet-4/);
  });

  it('hostile registry (not JSON, odd entries): no stack trace, the settings model read as before', () => {
    for (const text of ['{"providers": [null, 7, {"name": {}}, {"name": "x", "baseUrl": "::"}], "models": 3}', 'not json', '{"providers": "anthropic"}']) {
      const repo = hooked(STRICT);
      const result = agentCommit(repo, copilotEnv({ '.copilot/settings.json': '{"model": "claude-sonnet-4.5"}', '.copilot/providers.json': text }));
      expect(result.status, result.stderr).toBe(0);
      expect(result.stderr).not.toMatch(/at \w+ \(/);
    }
  });

  it('careless truth: no providers.json, settings model claude-sonnet-4.5: recorded as Claude, passing', () => {
    const repo = hooked(STRICT);
    const result = agentCommit(repo, copilotEnv({ '.copilot/settings.json': '{"model": "claude-sonnet-4.5"}' }));
    expect(result.status, result.stderr).toBe(0);
    expect(result.message).toMatch(/Assisted-by: [\w-]*copilot[\w-]*:anthropic\/claude-sonnet-4/);
  });
});

// Row 942: after row 938 (aider), other agents' settings readers still read a settings file past 1 MiB (row 72's
// bound) as no file, while the agent reads it whole: `codex -m gpt-5` with a `~/.codex/config.toml` padded past the
// bound by a comment, its `model_providers.<id>.base_url` at a gateway on this machine (row 866), was recorded
// `codex:openai/gpt-5` and passed `unknownModel: deny`; so was Qwen Code with a padded `~/.qwen/settings.json` whose
// `security.auth.baseUrl` is on loopback. Now such a file of the running agent makes its model `unknown` ("over 1 MiB,
// not read"). Committed for real through init's installed hooks (a process named `codex` for the command line).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { agentCommit, homeWith, hooked } from '../helpers/agent-home.js';
import { agentBin, runAgent } from '../helpers/fake-agent.js';
import { hookEnv } from '../helpers/hooks.js';
import { STRICT } from '../helpers/local-gateway.js';

const PAD = `# ${'x'.repeat(1024 * 1024)}\n`;
const CODEX_LOCAL = 'model_provider = "litellm"\n[model_providers.litellm]\nname = "LiteLLM"\nbase_url = "http://127.0.0.1:4000/v1"\n';

function codexEnv(config: string): NodeJS.ProcessEnv {
  return { HOME: homeWith(), CODEX_HOME: homeWith({ 'config.toml': config }), CODEX_SANDBOX: 'seatbelt', OPENAI_BASE_URL: undefined };
}

function qwenEnv(settings: string): NodeJS.ProcessEnv {
  const dir = homeWith({ '.qwen/settings.json': settings });
  return { HOME: dir, QWEN_CODE: '1', QWEN_CODE_SYSTEM_SETTINGS_PATH: join(dir, 'no-system.json'), QWEN_CODE_SYSTEM_DEFAULTS_PATH: join(dir, 'no-defaults.json'), OPENAI_BASE_URL: undefined, OPENAI_MODEL: undefined, QWEN_MODEL: undefined };
}

describe('settings files past the bound the hooks read, agents other than aider (row 942)', () => {
  it('Codex: a padded config.toml at a gateway, the model on the command line: codex:unknown, refused under unknownModel: deny', () => {
    const repo = hooked(STRICT);
    const argv = runAgent(repo, agentBin('codex'), ['-m', 'gpt-5'], hookEnv(codexEnv(`${PAD}${CODEX_LOCAL}`)));
    expect(argv.status, argv.stderr).not.toBe(0);
    expect(argv.stderr).toContain('config.toml (over 1 MiB, not read');
    expect(argv.stderr).not.toMatch(/model: openai\//);
    const settings = agentCommit(repo, codexEnv(`model = "gpt-5"\n${CODEX_LOCAL}${PAD}`));
    expect(settings.status, settings.stderr).toBe(1);
    expect(settings.stderr).toContain('over 1 MiB, not read');
  });

  it('Qwen Code: a padded settings.json with security.auth.baseUrl on loopback, OPENAI_MODEL named: qwen-code:unknown, refused', () => {
    const repo = hooked(STRICT);
    const padded = `{"security": {"auth": {"selectedType": "openai", "baseUrl": "http://127.0.0.1:4000/v1"}}}\n// ${'x'.repeat(1024 * 1024)}\n`;
    const result = agentCommit(repo, { ...qwenEnv(padded), OPENAI_MODEL: 'gpt-4o' });
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain('settings.json (over 1 MiB, not read');
    expect(result.stderr).not.toMatch(/model: openai\//);
  });

  it('careless truth: recorded <agent>:unknown where unknown models are allowed; a file under the bound read as before', () => {
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');
    const padded = agentCommit(repo, codexEnv(`model = "gpt-5"\n${PAD}`));
    expect(padded.status, padded.stderr).toBe(0);
    expect(padded.message).toContain('Assisted-by: codex:unknown');
    const small = agentCommit(repo, codexEnv(`model = "gpt-5"\n# ${'x'.repeat(1000)}\n`));
    expect(small.status, small.stderr).toBe(0);
    expect(small.message).toContain('Assisted-by: codex:openai/gpt-5');
    const qwen = agentCommit(repo, { ...qwenEnv(`{"model": {"name": "gpt-4o"}}\n// ${'x'.repeat(1000)}\n`) });
    expect(qwen.status, qwen.stderr).toBe(0);
    expect(qwen.message).toContain('Assisted-by: qwen-code:openai/gpt-4o');
  });
});

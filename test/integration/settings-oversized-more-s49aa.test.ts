// Row 942 (session 49 aa): goose's ~/.config/goose/config.yaml padded past the 1 MiB the hooks read, naming
// GOOSE_PROVIDER: ollama, with GOOSE_MODEL=gpt-4o in the environment (a hosted name answered by a server on this
// machine, row 868), was read as no file: the hooks recorded goose:openai/gpt-4o and passed unknownModel: deny. Now the running agent's padded file makes
// its model `unknown` ("over 1 MiB, not read"). Committed for real through init's installed hooks.
import { describe, expect, it } from 'vitest';
import { agentCommit, homeWith, hooked } from '../helpers/agent-home.js';
import { STRICT } from '../helpers/local-gateway.js';

const PAD = `# ${'x'.repeat(1024 * 1024)}\n`;

const JSON_PAD = ' '.repeat(1024 * 1024);
const CRUSH_MODEL = '{"models": {"large": {"model": "gpt-5", "provider": "openai"}}}';
const CRUSH_LOCAL = '{"providers": {"openai": {"type": "openai", "base_url": "http://127.0.0.1:4000/v1"}}}';

function crushEnv(data: string): NodeJS.ProcessEnv {
  const files = { '.config/crush/crush.json': CRUSH_MODEL, '.local/share/crush/crush.json': data };
  return { HOME: homeWith(files), XDG_CONFIG_HOME: undefined, XDG_DATA_HOME: undefined, CRUSH_GLOBAL_CONFIG: undefined, CRUSH_GLOBAL_DATA: undefined, CRUSH: '1', AGENT: 'crush', AI_AGENT: 'crush' };
}

const OPENCODE_LOCAL = '{"provider": {"openai": {"options": {"baseURL": "http://127.0.0.1:4000/v1"}}}}';

function opencodeEnv(other: string): NodeJS.ProcessEnv {
  const files = { '.config/opencode/opencode.json': '{"model": "openai/gpt-5"}', '.opencode/opencode.json': other };
  return { HOME: homeWith(files), XDG_CONFIG_HOME: undefined, OPENCODE_CONFIG: undefined, OPENCODE_CONFIG_CONTENT: undefined, OPENCODE_CONFIG_DIR: undefined, OPENCODE: '1' };
}

function gooseEnv(config: string): NodeJS.ProcessEnv {
  return { HOME: homeWith({ '.config/goose/config.yaml': config }), XDG_CONFIG_HOME: undefined, GOOSE_TERMINAL: '1', GOOSE_MODEL: undefined, GOOSE_PROVIDER: undefined, OLLAMA_HOST: undefined };
}

describe('settings files past the bound the hooks read: goose (row 942, session 49 aa)', () => {
  it('goose: a padded config.yaml naming a provider on this machine: goose:unknown, refused under unknownModel: deny', () => {
    const repo = hooked(STRICT);
    const result = agentCommit(repo, { ...gooseEnv(`GOOSE_PROVIDER: ollama\n${PAD}`), GOOSE_MODEL: 'gpt-4o' });
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain('config.yaml (over 1 MiB, not read');
    expect(result.stderr).not.toMatch(/model: openai\//);
  });

  it('careless truth: goose:unknown where unknown models are allowed; a file under the bound read as before', () => {
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');
    const padded = agentCommit(repo, gooseEnv(`GOOSE_PROVIDER: openai\nGOOSE_MODEL: gpt-4o\n${PAD}`));
    expect(padded.status, padded.stderr).toBe(0);
    expect(padded.message).toContain('Assisted-by: goose:unknown');
    const small = agentCommit(repo, gooseEnv(`GOOSE_PROVIDER: openai\nGOOSE_MODEL: gpt-4o\n# ${'x'.repeat(1000)}\n`));
    expect(small.status, small.stderr).toBe(0);
    expect(small.message).toContain('Assisted-by: goose:openai/gpt-4o');
  });

  it('Crush: a padded global data crush.json moving openai to a gateway on loopback, gpt-5 named: crush:unknown, refused', () => {
    const repo = hooked(STRICT);
    const result = agentCommit(repo, crushEnv(`${CRUSH_LOCAL}${JSON_PAD}`));
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain('crush.json (over 1 MiB, not read');
    expect(result.stderr).not.toMatch(/model: openai\//);
  });

  it('careless truth, Crush: crush:unknown where unknown models are allowed; a file under the bound read as before', () => {
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');
    const padded = agentCommit(repo, crushEnv(`{}${JSON_PAD}`));
    expect(padded.status, padded.stderr).toBe(0);
    expect(padded.message).toContain('Assisted-by: crush:unknown');
    const small = agentCommit(repo, crushEnv(`{}${' '.repeat(1000)}`));
    expect(small.status, small.stderr).toBe(0);
    expect(small.message).toContain('Assisted-by: crush:openai/gpt-5');
  });

  it('OpenCode: a padded ~/.opencode/opencode.json moving openai to a gateway on loopback, openai/gpt-5 named: opencode:unknown, refused', () => {
    const repo = hooked(STRICT);
    const result = agentCommit(repo, opencodeEnv(`${OPENCODE_LOCAL}${JSON_PAD}`));
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain('opencode.json (over 1 MiB, not read');
    expect(result.stderr).not.toMatch(/model: openai\//);
  });

  it('careless truth, OpenCode: opencode:unknown where unknown models are allowed; a file under the bound read as before', () => {
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');
    const padded = agentCommit(repo, opencodeEnv(`{}${JSON_PAD}`));
    expect(padded.status, padded.stderr).toBe(0);
    expect(padded.message).toContain('Assisted-by: opencode:unknown');
    const small = agentCommit(repo, opencodeEnv(`{}${' '.repeat(1000)}`));
    expect(small.status, small.stderr).toBe(0);
    expect(small.message).toContain('Assisted-by: opencode:openai/gpt-5');
  });
});

// row 829: Claude Code pointed at a gateway on this machine that is not claude-code-router (LiteLLM's proxy on
// :4000, claude-code-proxy on :8082, a Bedrock or Vertex base URL on loopback) was recorded as the Claude model it
// names, while the gateway sends the request to whatever its own config says (Qwen): the README's "What no layer can
// see" said such a model stays `<agent>:unknown`; it did not. Committed for real through the installed hooks.
import { describe, expect, it } from 'vitest';
import { agentCommit, hooked, homeWith } from '../helpers/agent-home.js';

const DENY = 'policy:\n  deny: ["qwen/*"]\n  unknownModel: deny\n';
const LINE = 'feat: parser\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n';
const OPUS = JSON.stringify({ model: 'opus' });
const CCR = JSON.stringify({ Router: { default: 'anthropic,claude-sonnet-4-5' } });

function env(home: string, extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { HOME: home, CLAUDECODE: '1', ANTHROPIC_BASE_URL: undefined, ANTHROPIC_BEDROCK_BASE_URL: undefined, ANTHROPIC_VERTEX_BASE_URL: undefined, CLAUDE_CODE_USE_BEDROCK: undefined, CLAUDE_CODE_USE_VERTEX: undefined, ANTHROPIC_AUTH_TOKEN: 'test', ANTHROPIC_MODEL: undefined, CLAUDE_CONFIG_DIR: undefined, CLAUDE_CODE_SESSION_ID: undefined, CLAUDE_CODE_SUBAGENT_MODEL: undefined, ANTHROPIC_DEFAULT_OPUS_MODEL: undefined, ANTHROPIC_DEFAULT_SONNET_MODEL: undefined, ...extra };
}

describe('Claude Code at a gateway on this machine that is not ccr (row 829)', () => {
  it('LiteLLM on :4000, claude-code-proxy on :8082, IPv6 loopback, localhost., Bedrock and Vertex base URLs: claude-code:unknown, refused under unknownModel: deny', () => {
    const repo = hooked(DENY);
    const home = homeWith({ '.claude/settings.json': OPUS });
    const cases: NodeJS.ProcessEnv[] = [
      { ANTHROPIC_BASE_URL: 'http://127.0.0.1:4000', ANTHROPIC_MODEL: 'claude-sonnet-4-5' },
      { ANTHROPIC_BASE_URL: 'http://localhost:8082' },
      { ANTHROPIC_BASE_URL: 'http://[::1]:4000/' },
      { ANTHROPIC_BASE_URL: 'http://localhost.:4000' },
      { CLAUDE_CODE_USE_BEDROCK: '1', ANTHROPIC_BEDROCK_BASE_URL: 'http://127.0.0.1:4000/bedrock', ANTHROPIC_MODEL: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0' },
      { CLAUDE_CODE_USE_VERTEX: '1', ANTHROPIC_VERTEX_BASE_URL: 'http://localhost:4000/vertex_ai/v1' },
    ];
    for (const extra of cases) {
      const result = agentCommit(repo, env(home, extra), LINE);
      expect(result.status, `${JSON.stringify(extra)}\n${result.stderr}`).toBe(1);
      expect(result.stderr).toContain('model: unknown (agent claude-code)');
      expect(result.stderr).toContain('a gateway on this machine');
      expect(result.stderr).not.toMatch(/model: anthropic/);
    }
  });

  it('a ccr config at 3456 and another gateway on :4000: the :4000 endpoint is not read as ccr nor as the Claude model', () => {
    const repo = hooked(DENY);
    const home = homeWith({ '.claude/settings.json': OPUS, '.claude-code-router/config.json': CCR });
    const result = agentCommit(repo, env(home, { ANTHROPIC_BASE_URL: 'http://127.0.0.1:4000' }), LINE);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain('model: unknown (agent claude-code)');
  });

  it("the default policy: a warning, the commit recorded claude-code:unknown; Anthropic's API and a remote gateway keep the settings' model", () => {
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');
    const home = homeWith({ '.claude/settings.json': OPUS });
    const warned = agentCommit(repo, env(home, { ANTHROPIC_BASE_URL: 'http://127.0.0.1:4000' }), LINE);
    expect(warned.status, warned.stderr).toBe(0);
    expect(warned.message).toContain('Assisted-by: claude-code:unknown');
    expect(warned.stderr).toContain('[unknown-model]');
    for (const url of ['https://api.anthropic.com', 'https://gateway.example.com/']) {
      const commit = agentCommit(repo, env(home, { ANTHROPIC_BASE_URL: url }), LINE);
      expect(commit.status, commit.stderr).toBe(0);
      expect(commit.message).toContain('Assisted-by: claude-code:anthropic/claude-opus');
    }
  });

  it("Ollama's Anthropic endpoint serving the model Claude Code names (`--model qwen3-coder`): that model is recorded, not unknown; a Claude name beside it still adds the unknown", () => {
    const home = homeWith({});
    const open = hooked('policy:\n  unknownModel: deny\n');
    const ollama = agentCommit(open, env(home, { ANTHROPIC_BASE_URL: 'http://localhost:11434', ANTHROPIC_MODEL: 'qwen3-coder', ANTHROPIC_DEFAULT_HAIKU_MODEL: 'qwen3-coder' }), LINE);
    expect(ollama.status, ollama.stderr).toBe(0);
    expect(ollama.message).toMatch(/Assisted-by: claude-code:qwen\/qwen3-coder/);
    expect(ollama.message).not.toContain('unknown');
    const repo = hooked(DENY);
    const denied = agentCommit(repo, env(home, { ANTHROPIC_BASE_URL: 'http://localhost:11434', ANTHROPIC_MODEL: 'qwen3-coder' }), LINE);
    expect(denied.status, denied.stderr).toBe(1);
    expect(denied.stderr).toMatch(/qwen\/qwen3-coder/);
    const mixed = agentCommit(open, env(homeWith({ '.claude/settings.json': OPUS }), { ANTHROPIC_BASE_URL: 'http://localhost:11434', ANTHROPIC_DEFAULT_SONNET_MODEL: 'qwen3-coder' }), LINE);
    expect(mixed.status, `${mixed.message}\n${mixed.stderr}`).toBe(1);
    expect(mixed.stderr).toContain('model: unknown (agent claude-code)');
  });
});

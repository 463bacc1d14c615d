// Claude Code through claude-code-router (`ccr code`): ccr points Claude Code at its local port
// (ANTHROPIC_BASE_URL=http://127.0.0.1:3456) and sends every request to the model its
// ~/.claude-code-router/config.json Router names, whatever Claude model Claude Code asks for. No
// variable named the model, so the commit read as `claude-code:unknown` (a warning under the default
// unknownModel: warn) and passed every layer under `deny: ["qwen/*"]`. Committed for real through
// the installed hooks with the agent's environment; the pushed trailer is what pre-push, check and
// pre-receive judge.
import { describe, expect, it } from 'vitest';
import { agentCommit, hooked, homeWith } from '../helpers/agent-home.js';
import { policyServer, tryGit } from '../helpers/enforce-repos.js';

const DENY = 'policy:\n  deny: ["qwen/*"]\n';
const CLAUDE_LINE = 'feat: parser\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n';

function ccr(config: object | string, url = 'http://127.0.0.1:3456'): NodeJS.ProcessEnv {
  const text = typeof config === 'string' ? config : JSON.stringify(config);
  return { HOME: homeWith({ '.claude-code-router/config.json': text }), CLAUDECODE: '1', ANTHROPIC_BASE_URL: url, ANTHROPIC_AUTH_TOKEN: 'test', ANTHROPIC_MODEL: undefined, CLAUDE_CONFIG_DIR: undefined, CLAUDE_CODE_SESSION_ID: undefined };
}

describe('Claude Code through claude-code-router', () => {
  it("the Router's default (and think, longContext) model is the commit's: refused at commit, and the trailer written under --no-verify", () => {
    const router = { Providers: [{ name: 'openrouter', models: ['qwen/qwen3-coder'] }], Router: { default: 'openrouter,qwen/qwen3-coder' } };
    const refused = agentCommit(hooked(DENY), ccr(router), CLAUDE_LINE);
    expect(refused.status, refused.message).toBe(1);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via claude-code\) is denied/);
    expect(refused.stderr).toContain('claude-code-router ~/.claude-code-router/config.json Router.default="openrouter,qwen/qwen3-coder"');
    // ccr's own PORT, a JSON5-ish file with a comment, a `think` route of DashScope's Qwen.
    const think = agentCommit(hooked(DENY), ccr('{\n  // ccr\n  "PORT": 8080,\n  "Router": {"default": "anthropic,claude-sonnet-4-5", "think": "dashscope,qwen3-coder-plus",},\n}', 'http://localhost:8080'), CLAUDE_LINE);
    expect(think.status, think.message).toBe(1);
    expect(think.stderr).toMatch(/qwen\/qwen3-coder-plus \(via claude-code\) is denied/);
    // JSON5 this reader cannot take (unquoted keys): no model is known, the agent still is.
    const json5 = agentCommit(hooked(DENY), ccr('{PORT: 8080, Router: {default: "openrouter,qwen/qwen3-coder"}}', 'http://127.0.0.1:8080'), CLAUDE_LINE);
    expect(json5.status, json5.stderr).toBe(0);
    expect(json5.message).toContain('Assisted-by: claude-code:unknown\n');
    const skipped = agentCommit(hooked(DENY), ccr(router), CLAUDE_LINE, ['--no-verify']);
    expect(skipped.status, skipped.stderr).toBe(0);
    expect(skipped.message).toContain('Assisted-by: claude-code:qwen/qwen3-coder\n');
  });

  it('what held: the recorded trailer is refused by the server', () => {
    const { work } = policyServer(DENY);
    work.commit('feat: parser\n\nAssisted-by: claude-code:qwen/qwen3-coder\n', { 'src/parser.ts': 'x\n' });
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'main']);
    expect(push.code, push.stderr).not.toBe(0);
  });

  it('what held: another port, a remote host, a background-only route, an allowed default', () => {
    const router = { Router: { default: 'openrouter,qwen/qwen3-coder' } };
    for (const url of ['http://127.0.0.1:4000', 'https://gateway.example.com/']) {
      const other = agentCommit(hooked(DENY), ccr(router, url), CLAUDE_LINE);
      expect(other.status, other.stderr).toBe(0);
      expect(other.message).not.toContain('qwen');
    }
    const claude = agentCommit(hooked(DENY), ccr({ Router: { default: 'anthropic,claude-sonnet-4-5', background: 'ollama,qwen2.5-coder:latest' } }), CLAUDE_LINE);
    expect(claude.status, claude.stderr).toBe(0);
    expect(claude.message).toContain('Assisted-by: claude-code:anthropic/claude-sonnet-4.5\n');
    expect(claude.message).not.toContain('qwen');
  });
});

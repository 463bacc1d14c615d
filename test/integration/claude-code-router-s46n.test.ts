// claude-code-router's custom router script (`CUSTOM_ROUTER_PATH` in ~/.claude-code-router/config.json):
// ccr `require`s it and sends each request to whatever `provider,model` it returns, before its Router
// (the Router only when the script returns nothing). The script is code, never run by a hook: the
// commit used to be recorded with the Router's models alone (`anthropic,claude-sonnet-4-5`), so a
// script sending every request to Qwen passed `deny: ["qwen/*"]` as Claude.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { agentCommit, hooked, homeWith, writeFile } from '../helpers/agent-home.js';

const DENY = 'policy:\n  deny: ["qwen/*"]\n  unknownModel: deny\n';
const CLAUDE_LINE = 'feat: parser\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n';

function ccr(config: object): NodeJS.ProcessEnv {
  return { HOME: homeWith({ '.claude-code-router/config.json': JSON.stringify(config), '.claude-code-router/router.js': 'module.exports = async () => "openrouter,qwen/qwen3-coder";\n' }), CLAUDECODE: '1', ANTHROPIC_BASE_URL: 'http://127.0.0.1:3456', ANTHROPIC_AUTH_TOKEN: 'test', ANTHROPIC_MODEL: undefined, CLAUDE_CONFIG_DIR: undefined, CLAUDE_CODE_SESSION_ID: undefined };
}

describe('claude-code-router with a custom router script', () => {
  it('names no model it can read: claude-code:unknown, not the Router default, refused under unknownModel: deny', () => {
    const config = { CUSTOM_ROUTER_PATH: '$HOME/.claude-code-router/router.js', Router: { default: 'anthropic,claude-sonnet-4-5' } };
    const made = agentCommit(hooked(DENY), ccr(config), CLAUDE_LINE, ['--no-verify']);
    expect(made.status, made.stderr).toBe(0);
    expect(made.message).toContain('Assisted-by: claude-code:unknown\n');
    expect(made.message).not.toContain('claude-sonnet-4.5');
    const refused = agentCommit(hooked(DENY), ccr(config), CLAUDE_LINE);
    expect(refused.status, refused.message).toBe(1);
    expect(refused.stderr).toContain('CUSTOM_ROUTER_PATH');
  });

  it('what held: an empty CUSTOM_ROUTER_PATH is no script (ccr reads the Router)', () => {
    const made = agentCommit(hooked(DENY), ccr({ CUSTOM_ROUTER_PATH: '', Router: { default: 'anthropic,claude-sonnet-4-5' } }), CLAUDE_LINE);
    expect(made.status, made.stderr).toBe(0);
    expect(made.message).toContain('Assisted-by: claude-code:anthropic/claude-sonnet-4.5\n');
  });

  it("a model Claude Code names in ccr's `provider,model` form is that model (ccr sends it as named): refused under deny", () => {
    const env = { ...ccr({ Router: { default: 'anthropic,claude-sonnet-4-5' } }), ANTHROPIC_MODEL: 'dashscope,qwen3-coder-plus' };
    const refused = agentCommit(hooked('policy:\n  deny: ["qwen/*"]\n'), env, CLAUDE_LINE);
    expect(refused.status, refused.message).toBe(1);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder-plus \(via claude-code\) is denied/);
  });

  it("a session's own Router (<project>/<session id>.json) is read when the commit names no session (Claude Code before 2.1.132, env -u CLAUDE_CODE_SESSION_ID)", () => {
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');
    const project = repo.dir.replace(/[^a-zA-Z0-9]/g, '-');
    const home = homeWith({
      '.claude-code-router/config.json': JSON.stringify({ Router: { default: 'anthropic,claude-sonnet-4-5' } }),
      [`.claude-code-router/${project}/0b6e2f4c-1d2a-4e3b-9c8d-7f6a5b4c3d2e.json`]: JSON.stringify({ Router: { default: 'openrouter,qwen/qwen3-coder' } }),
    });
    const base = { HOME: home, CLAUDECODE: '1', ANTHROPIC_BASE_URL: 'http://127.0.0.1:3456', ANTHROPIC_AUTH_TOKEN: 'test', ANTHROPIC_MODEL: undefined, CLAUDE_CONFIG_DIR: undefined, CLAUDE_CODE_SESSION_ID: undefined };
    const refused = agentCommit(repo, base, CLAUDE_LINE);
    expect(refused.status, refused.message).toBe(1);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via claude-code\) is denied/);
    // What held: another session named by the commit reads its own file, not this one (ccr reads that one).
    const named = agentCommit(repo, { ...base, CLAUDE_CODE_SESSION_ID: '11111111-2222-4333-8444-555555555555' }, CLAUDE_LINE);
    expect(named.status, named.stderr).toBe(0);
    expect(named.message).toContain('Assisted-by: claude-code:anthropic/claude-sonnet-4.5\n');
  });

  it('what held: a transcript naming Qwen beside an unreadable ccr config is still refused by deny', () => {
    const session = '0b6e2f4c-1d2a-4e3b-9c8d-7f6a5b4c3d2e';
    const line = `${JSON.stringify({ type: 'assistant', sessionId: session, message: { model: 'qwen/qwen3-coder', role: 'assistant', content: [{ type: 'text', text: 'ok' }] }, timestamp: new Date().toISOString() })}\n`;
    const home = homeWith({ '.claude-code-router/config.json': '{PORT: 3456}', [`.claude/projects/-work/${session}.jsonl`]: line });
    const env = { HOME: home, CLAUDECODE: '1', ANTHROPIC_BASE_URL: 'http://127.0.0.1:3456', ANTHROPIC_AUTH_TOKEN: 'test', ANTHROPIC_MODEL: undefined, CLAUDE_CONFIG_DIR: undefined, CLAUDE_CODE_SESSION_ID: session };
    const refused = agentCommit(hooked('policy:\n  deny: ["qwen/*"]\n'), env, CLAUDE_LINE);
    expect(refused.status, refused.message).toBe(1);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via claude-code\) is denied/);
  });

  it("a subagent file routed by ccr's <CCR-SUBAGENT-MODEL> tag (its body is the subagent's prompt) records that model: refused under deny", () => {
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');
    writeFile(join(repo.dir, '.claude/agents/coder.md'), '---\nname: coder\ndescription: writes code\nmodel: sonnet\n---\n<CCR-SUBAGENT-MODEL>openrouter,qwen/qwen3-coder</CCR-SUBAGENT-MODEL>\nYou write the code.\n');
    const refused = agentCommit(repo, ccr({ Router: { default: 'anthropic,claude-sonnet-4-5' } }), CLAUDE_LINE);
    expect(refused.status, refused.message).toBe(1);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via claude-code\) is denied/);
    expect(refused.stderr).toContain('claude-code-router subagent .claude/agents/coder.md');
    // What held: without ccr at the endpoint the tag routes nothing (no ccr reads it).
    const direct = agentCommit(repo, { ...ccr({ Router: { default: 'anthropic,claude-sonnet-4-5' } }), ANTHROPIC_BASE_URL: undefined }, CLAUDE_LINE);
    expect(direct.status, direct.stderr).toBe(0);
  });

  it("what held: CLAUDE_CODE_SUBAGENT_MODEL in ccr's provider,model form is read as 809 reads it", () => {
    const refused = agentCommit(hooked('policy:\n  deny: ["qwen/*"]\n'), { ...ccr({ Router: { default: 'anthropic,claude-sonnet-4-5' } }), CLAUDE_CODE_SUBAGENT_MODEL: 'dashscope,qwen3-coder-plus' }, CLAUDE_LINE);
    expect(refused.status, refused.message).toBe(1);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder-plus \(via claude-code\) is denied/);
  });
});

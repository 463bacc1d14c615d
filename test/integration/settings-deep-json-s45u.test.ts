// A settings text nesting deeper than 64 levels anywhere (row 758): the hooks read such a file
// (or Claude Code's `--settings` JSON) as naming no model, while the agent's own JSON.parse reads it
// whole, its top-level `model` too: `{"model": "qwen3-coder-plus", "pad": [[[…65…]]]}` was
// `claude-code:unknown`, past `deny: ["qwen/*"]`. Committed for real through init's hooks, by a
// program named `claude` and with Claude Code's environment.
import { describe, expect, it } from 'vitest';
import { agentCommit as commit, hooked, homeWith } from '../helpers/agent-home.js';
import { agentBin, runAgent } from '../helpers/fake-agent.js';
import { hookEnv } from '../helpers/hooks.js';

const DENY = 'policy:\n  deny: ["qwen/*"]\n';
const deep = (model: string) => `{"model": "${model}", "permissions": {"allow": ${'['.repeat(80)}"Bash(ls)"${']'.repeat(80)}}}`;
const GATEWAY = { CLAUDECODE: '1', ANTHROPIC_BASE_URL: 'https://llm-gateway.example.com', ANTHROPIC_MODEL: undefined, CLAUDE_CODE_SESSION_ID: undefined };

describe('settings nested deeper than 64 levels', () => {
  it("claude --settings JSON, the project's or the user's settings file naming qwen3-coder-plus beside a deep value: refused", () => {
    const repo = hooked(DENY);
    const flag = runAgent(repo, agentBin('claude'), ['--settings', deep('qwen3-coder-plus')], hookEnv({ ...GATEWAY, HOME: homeWith() }));
    expect(flag.status, flag.message).toBe(1);
    expect(flag.stderr).toMatch(/qwen\/qwen3-coder-plus \(via claude-code\) is denied/);
    const user = commit(repo, { ...GATEWAY, HOME: homeWith({ '.claude/settings.json': deep('qwen3-coder-plus') }) });
    expect(user.status, user.message).not.toBe(0);
    expect(user.stderr).toMatch(/qwen\/qwen3-coder-plus \(via claude-code\) is denied/);
  });

  it('what held: a Claude model beside a deep value is recorded, and unclosed brackets name nothing', () => {
    const repo = hooked(DENY);
    const claude = commit(repo, { ...GATEWAY, HOME: homeWith({ '.claude/settings.json': deep('claude-opus-4-7') }) });
    expect(claude.status, claude.stderr).toBe(0);
    expect(claude.message).toBe('feat: parser\n\nAssisted-by: claude-code:anthropic/claude-opus-4.7\n');
    const broken = commit(repo, { ...GATEWAY, HOME: homeWith({ '.claude/settings.json': `{"model": "claude-opus-4-7", "a": ${'['.repeat(100)}` }) });
    expect(broken.status, broken.stderr).toBe(0);
    expect(broken.message).toBe('feat: parser\n\nAssisted-by: claude-code:unknown\n');
  });
});

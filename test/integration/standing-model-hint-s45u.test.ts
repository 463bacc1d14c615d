// A refusal for a model a file names for a subagent, a custom agent or a fallback (row 759): the
// hooks record it on every commit of that agent, whether or not it ran, and the refusal only said
// "redo it by hand or with an allowed model" and "run `aitrail use --clear`, unset AITRAIL_MODEL, or
// remove the trailer", none of which helps a developer whose project ships `.gemini/agents/coder.md`
// naming a denied model for a subagent they never call. It now names the entry to change.
// Committed for real through the installed hooks with each agent's environment.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCommit as commit, hooked, homeWith } from '../helpers/agent-home.js';
import { agentBin, runAgent } from '../helpers/fake-agent.js';
import { hookEnv } from '../helpers/hooks.js';

const DENY = 'policy:\n  deny: ["google/gemini-3-pro-preview", "qwen/*"]\n';
const HINT = /names a model for a subagent, a custom agent or a fallback: it is recorded on every commit that agent makes, whether or not that model ran/;
const GATEWAY = { CLAUDECODE: '1', ANTHROPIC_BASE_URL: 'https://llm-gateway.example.com', ANTHROPIC_MODEL: 'claude-opus-4-7', CLAUDE_CODE_SESSION_ID: undefined };

describe('a refusal for a subagent\'s or a fallback\'s model', () => {
  it("names the file and entry: a committed Gemini CLI agent file, Claude Code's fallbackModel, claude --fallback-model", () => {
    const repo = hooked(DENY, { '.gemini/agents/coder.md': '---\nname: coder\ndescription: Writes.\nmodel: gemini-3-pro-preview\n---\nYou write code.\n' });
    const dir = homeWith({ '.gemini/settings.json': '{"model": {"name": "gemini-2.5-flash"}}' });
    const gemini = commit(repo, { HOME: dir, GEMINI_CLI: '1', GEMINI_MODEL: undefined, GEMINI_CLI_SYSTEM_SETTINGS_PATH: join(dir, 'none.json'), GEMINI_CLI_SYSTEM_DEFAULTS_PATH: join(dir, 'none2.json'), GEMINI_CLI_TRUSTED_FOLDERS_PATH: undefined });
    expect(gemini.status, gemini.message).not.toBe(0);
    expect(gemini.stderr).toContain('.gemini/agents/coder.md (model) names a model');
    expect(gemini.stderr).toMatch(HINT);
    const fallback = commit(repo, { ...GATEWAY, HOME: homeWith({ '.claude/settings.json': '{"fallbackModel": ["qwen3-coder-plus"]}' }) });
    expect(fallback.status, fallback.message).not.toBe(0);
    expect(fallback.stderr).toContain('~/.claude/settings.json (fallbackModel) names a model');
    const flag = runAgent(repo, agentBin('claude'), ['--fallback-model', 'qwen3-coder-plus'], hookEnv({ ...GATEWAY, HOME: homeWith() }));
    expect(flag.status, flag.message).toBe(1);
    expect(flag.stderr).toContain('claude --fallback-model names a model');
  });

  it('what held: a session model denied gets no such line', () => {
    const repo = hooked(DENY);
    const main = commit(repo, { ...GATEWAY, ANTHROPIC_MODEL: 'qwen3-coder-plus', HOME: homeWith() });
    expect(main.status, main.message).not.toBe(0);
    expect(main.stderr).toMatch(/qwen\/qwen3-coder-plus/);
    expect(main.stderr).not.toMatch(HINT);
  });
});

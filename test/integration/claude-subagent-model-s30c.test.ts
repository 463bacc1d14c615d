// A Claude Code subagent (`.claude/agents/*.md` `model:`, `CLAUDE_CODE_SUBAGENT_MODEL`, or a gateway's
// mapping) writes its own transcript, `<session id>/subagents/agent-<id>.jsonl`; the commit recorded
// only the main session's model and passed `deny: ["qwen/*"]`. Committed for real through the
// installed hooks by an executable named `claude` on PATH.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hooked, homeWith } from '../helpers/agent-home.js';
import { agentsOnPath, commitThrough } from '../helpers/agent-on-path.js';
import { hookEnv } from '../helpers/hooks.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

const SESSION = '0f8fad5b-d9cb-469f-a165-70867728950e';
const OTHER = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

function assistant(model: string, sidechain = false): string {
  return `${JSON.stringify({ type: 'assistant', isSidechain: sidechain, sessionId: SESSION, message: { model, role: 'assistant', content: [{ type: 'text', text: 'ok' }] } })}\n`;
}

const HOME = {
  '.claude/settings.json': '{"model": "claude-sonnet-4-5"}',
  [`.claude/projects/-work-app/${SESSION}.jsonl`]: assistant('claude-sonnet-4-5'),
  [`.claude/projects/-work-app/${SESSION}/subagents/agent-a1b2c3d4.jsonl`]: assistant('qwen3-coder', true),
  [`.claude/projects/-work-app/${SESSION}/subagents/agent-a1b2c3d4.meta.json`]: '{"agentType":"coder"}',
  // Another session's subagent: never read for this one.
  [`.claude/projects/-work-app/${OTHER}/subagents/agent-e5f6.jsonl`]: assistant('deepseek-chat', true),
};

function claudeEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const base = hookEnv({ HOME: homeWith(HOME), CLAUDECODE: '1', CLAUDE_CODE_ENTRYPOINT: 'cli', CLAUDE_CODE_SESSION_ID: SESSION, ...extra });
  return { ...base, PATH: `${agentsOnPath([{ name: 'claude', title: 'claude' }])}:${base.PATH ?? ''}` };
}

describe("Claude Code's subagents' models", () => {
  it("the session's subagent transcripts are recorded beside its own model, and deny qwen/* refuses them", () => {
    const refused = commitThrough(hooked('policy:\n  deny: ["qwen/*"]\n'), 'claude', [], claudeEnv());
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via claude-code\) is denied/);

    const open = hooked('policy: {}\n');
    const recorded = commitThrough(open, 'claude', [], claudeEnv());
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: claude-code:anthropic/claude-sonnet-4.5\nAssisted-by: claude-code:qwen/qwen3-coder\n');

    // The other session: its own subagent; no session id: none is guessed.
    const other = commitThrough(open, 'claude', [], claudeEnv({ CLAUDE_CODE_SESSION_ID: OTHER }));
    expect(other.message).toBe('feat: parser\n\nAssisted-by: claude-code:anthropic/claude-sonnet-4.5\nAssisted-by: claude-code:deepseek/deepseek-chat\n');
    const none = commitThrough(open, 'claude', [], claudeEnv({ CLAUDE_CODE_SESSION_ID: undefined }));
    expect(none.message).toBe('feat: parser\n\nAssisted-by: claude-code:anthropic/claude-sonnet-4.5\n');
  });

  it("a person's commit with a session id in the environment is unchanged, and starts no node", () => {
    const { repo, env, started } = hookedRepo();
    const before = readFileSync(started, 'utf8');
    const bin = agentsOnPath([{ name: 'claude', title: 'claude' }]);
    const person = commitThrough(repo, 'claude', [], { ...env, PATH: `${bin}:${env.PATH ?? ''}`, HOME: homeWith(HOME), CLAUDE_CODE_SESSION_ID: SESSION });
    expect(person.status, person.stderr).toBe(0);
    expect(person.message).toBe('feat: parser\n');
    expect(readFileSync(started, 'utf8')).toBe(before);
  });
});

// Claude Code's `--model` is hidden from a hook on Linux (its process title overwrites its arguments),
// and `/model` or a gateway is seen by no file or variable: the commit read as the settings' model
// and passed `deny: ["qwen/*"]`. Claude Code exports its session id to its Bash tool
// (`CLAUDE_CODE_SESSION_ID`); that session's own transcript names the model it answered with.
// Committed for real through the installed hooks by an executable named `claude` on PATH.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hooked, homeWith } from '../helpers/agent-home.js';
import { agentsOnPath, commitThrough } from '../helpers/agent-on-path.js';
import type { TestRepo } from '../helpers/gitdir.js';
import { hookEnv } from '../helpers/hooks.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

const SESSION = '0f8fad5b-d9cb-469f-a165-70867728950e';
const OTHER = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

/** A transcript line as Claude Code writes an assistant's answer. */
function assistant(model: string): string {
  return `${JSON.stringify({ type: 'assistant', sessionId: SESSION, message: { model, role: 'assistant', content: [{ type: 'text', text: 'ok' }] } })}\n`;
}

function claudeOnPath(): string {
  return agentsOnPath([{ name: 'claude', title: 'claude' }]);
}

function runClaude(repo: TestRepo, env: NodeJS.ProcessEnv) {
  return commitThrough(repo, 'claude', ['--model', 'qwen3-coder'], env);
}

const HOME = {
  '.claude/settings.json': '{"model": "claude-sonnet-4-5"}',
  [`.claude/projects/-work-app/${SESSION}.jsonl`]: assistant('claude-sonnet-4-5') + assistant('qwen3-coder'),
  // Another session, newer and elsewhere: never read for this one.
  [`.claude/projects/-work-other/${OTHER}.jsonl`]: assistant('claude-opus-4-5'),
};

describe("Claude Code's own session's model", () => {
  it('the transcript CLAUDE_CODE_SESSION_ID names is recorded over the settings, and deny qwen/* refuses it', () => {
    const base = hookEnv({ HOME: homeWith(HOME), CLAUDECODE: '1', CLAUDE_CODE_ENTRYPOINT: 'cli', CLAUDE_CODE_SESSION_ID: SESSION, ANTHROPIC_MODEL: 'claude-sonnet-4-5' });
    const env = { ...base, PATH: `${claudeOnPath()}:${base.PATH ?? ''}` };

    const denied = hooked('policy:\n  deny: ["qwen/*"]\n');
    const refused = runClaude(denied, env);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via claude-code\) is denied/);

    const open = hooked('policy: {}\n');
    const recorded = runClaude(open, env);
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: claude-code:qwen/qwen3-coder\n');

    // Another session's id: its own transcript; no id, or one no transcript has: the settings, as before.
    const other = runClaude(open, { ...env, CLAUDE_CODE_SESSION_ID: OTHER });
    expect(other.message).toBe('feat: parser\n\nAssisted-by: claude-code:anthropic/claude-opus-4.5\n');
    const none = runClaude(open, { ...env, CLAUDE_CODE_SESSION_ID: undefined, ANTHROPIC_MODEL: undefined });
    expect(none.message).toBe('feat: parser\n\nAssisted-by: claude-code:anthropic/claude-sonnet-4.5\n');
    const unknown = runClaude(open, { ...env, CLAUDE_CODE_SESSION_ID: '11111111-2222-4333-8444-555555555555', ANTHROPIC_MODEL: undefined });
    expect(unknown.message).toBe('feat: parser\n\nAssisted-by: claude-code:anthropic/claude-sonnet-4.5\n');
  });

  it("a person's commit with a session id in the environment is unchanged, and starts no node", () => {
    const { repo, env, started } = hookedRepo();
    const before = readFileSync(started, 'utf8');
    const person = runClaude(repo, { ...env, PATH: `${claudeOnPath()}:${env.PATH ?? ''}`, HOME: homeWith(HOME), CLAUDE_CODE_SESSION_ID: SESSION });
    expect(person.status, person.stderr).toBe(0);
    expect(person.message).toBe('feat: parser\n');
    expect(readFileSync(started, 'utf8')).toBe(before);
  });
});

// Red team: a person picks qwen/qwen3-coder in OpenCode's TUI (`/models`), which no config names,
// while the project's opencode.json says Claude. OpenCode keeps the pick in its own storage (each
// assistant message's `providerID`/`modelID` under ~/.local/share/opencode/storage/message/, and
// ~/.local/state/opencode/model.json `recent`); aitrail read the configs only, recorded
// `opencode:anthropic/claude-sonnet-4.5` and passed `deny: ["qwen/*"]`. Every test here failed
// before its fix, except the "what held" one.
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCommit as commit, hooked, homeWith } from '../helpers/agent-home.js';
import { agentBin, runAgent } from '../helpers/fake-agent.js';
import type { TestRepo } from '../helpers/gitdir.js';
import { hookEnv } from '../helpers/hooks.js';

const QWEN_DENIED = 'policy:\n  deny: ["qwen/*"]\n';
const CLAUDE_CONFIG = { 'opencode.json': '{"model": "anthropic/claude-sonnet-4-5"}' };

/** OpenCode's JSON storage under a home of the test's own: `repo`'s project, one session whose last assistant message ran `provider/model`. */
function storage(repo: TestRepo, provider: string, model: string, worktree = realpathSync(repo.dir)): Record<string, string> {
  const at = '.local/share/opencode/storage';
  return {
    [`${at}/project/4f1e0c.json`]: JSON.stringify({ id: '4f1e0c', worktree, vcs: 'git', time: { created: 1 } }),
    [`${at}/session/4f1e0c/ses_7a1b2c3d4e5f.json`]: JSON.stringify({ id: 'ses_7a1b2c3d4e5f', projectID: '4f1e0c', directory: worktree, title: 'fix parser' }),
    [`${at}/message/ses_7a1b2c3d4e5f/msg_9a0b1c2d3e4f01.json`]: JSON.stringify({ id: 'msg_9a0b1c2d3e4f01', sessionID: 'ses_7a1b2c3d4e5f', role: 'user', agent: 'build', model: { providerID: 'anthropic', modelID: 'claude-sonnet-4-5' } }),
    [`${at}/message/ses_7a1b2c3d4e5f/msg_9a0b1c2d3e5002.json`]: JSON.stringify({ id: 'msg_9a0b1c2d3e5002', sessionID: 'ses_7a1b2c3d4e5f', role: 'assistant', providerID: provider, modelID: model, mode: 'build', agent: 'build', path: { cwd: worktree, root: worktree }, time: { created: 2 } }),
  };
}

/** A home of the test's own, nothing of the machine's OpenCode leaking in, as OpenCode's bash tool runs a command (`OPENCODE=1`). */
function home(files: Record<string, string>): NodeJS.ProcessEnv {
  const dir = homeWith(files);
  return { HOME: dir, XDG_CONFIG_HOME: undefined, XDG_DATA_HOME: undefined, XDG_STATE_HOME: undefined, OPENCODE_CONFIG: undefined, OPENCODE_CONFIG_CONTENT: undefined, OPENCODE_CONFIG_DIR: undefined, OPENCODE_SESSION_ID: undefined, OPENCODE: '1' };
}

describe('OpenCode\'s model picked in its TUI (its session storage and state)', () => {
  it("the session's last assistant message ran qwen/qwen3-coder while opencode.json says Claude: refused under deny, recorded beside", () => {
    const repo = hooked(QWEN_DENIED, CLAUDE_CONFIG);
    const env = home(storage(repo, 'qwen', 'qwen3-coder'));
    // `git commit` as OpenCode's bash tool runs it: the opencode process is the hook's ancestor.
    const refused = runAgent(repo, agentBin('opencode'), ['fix it'], hookEnv(env));
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toMatch(/model qwen\/qwen3-coder \(via opencode\) is denied/);
    const recorded = commit(repo, env, 'feat: parser\n', ['--no-verify']);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: opencode:anthropic/claude-sonnet-4.5\nAssisted-by: opencode:qwen/qwen3-coder\n');
  });

  it("the TUI's last pick in ~/.local/state/opencode/model.json, no model in any config (OpenCode's default then): refused", () => {
    const repo = hooked(QWEN_DENIED);
    const env = home({ '.local/state/opencode/model.json': '{"recent": [{"providerID": "openrouter", "modelID": "qwen/qwen3-coder"}], "favorite": [], "variant": {}}' });
    const refused = commit(repo, env);
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder/);
  });

  it("what held: a person's commit reads no OpenCode storage; another project's session adds nothing", () => {
    const repo = hooked(QWEN_DENIED, CLAUDE_CONFIG);
    const env = home(storage(repo, 'qwen', 'qwen3-coder'));
    const person = commit(repo, { ...env, OPENCODE: undefined }, 'fix: by hand\n');
    expect(person.status, person.stderr).toBe(0);
    expect(person.message).toBe('fix: by hand\n');
    const other = hooked(QWEN_DENIED, CLAUDE_CONFIG);
    const elsewhere = home(storage(other, 'qwen', 'qwen3-coder', join(realpathSync(other.dir), 'not-this-one')));
    const passed = commit(other, elsewhere);
    expect(passed.status, passed.stderr).toBe(0);
    expect(passed.message).toBe('feat: parser\n\nAssisted-by: opencode:anthropic/claude-sonnet-4.5\n');
  });
});

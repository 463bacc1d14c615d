// Claude Code without `CLAUDE_CODE_SESSION_ID` (older than 2.1.132, or `git commit` run with it
// unset): its transcript was not read, so a `/model` switch to a gateway-mapped Qwen model was seen
// by nothing and the commit passed `deny: ["qwen/*"]` with the settings' model. The newest
// transcript of the project written within the hour is now read, its models recorded beside.
// Committed for real through the installed hooks by an executable named `claude` on PATH.
import { realpathSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { homeWith, hookedCommittedAt } from '../helpers/agent-home.js';
import { agentsOnPath, commitThrough } from '../helpers/agent-on-path.js';
import type { TestRepo } from '../helpers/gitdir.js';
import { hookEnv } from '../helpers/hooks.js';

const SESSION = '0f8fad5b-d9cb-469f-a165-70867728950e';
const PREVIOUS = '2026-01-01T12:00:00Z';
const BEFORE = '2026-01-01T11:00:00.000Z';
const AFTER = '2026-01-01T12:30:00.000Z';
const LATER = '2026-01-01T13:00:00.000Z';
const DENY = 'policy:\n  deny: ["qwen/*"]\n';

/** A Claude Code assistant line as its transcript holds it, dated. */
function assistant(model: string, timestamp: string): string {
  return `${JSON.stringify({ parentUuid: null, isSidechain: false, sessionId: SESSION, message: { model, role: 'assistant', content: [{ type: 'text', text: 'ok' }] }, type: 'assistant', uuid: 'u', timestamp })}\n`;
}

/** Claude Code's project directory name for the repository (its path, every non-alphanumeric a `-`). */
function projectOf(repo: TestRepo): string {
  return realpathSync(repo.dir).replace(/[^a-zA-Z0-9]/g, '-');
}

/** Claude Code's environment with no session id, a home holding `files` (`{project}` in a path: the repository's project directory). */
function claudeEnv(repo: TestRepo, files: Record<string, string>, extra: NodeJS.ProcessEnv = {}): { env: NodeJS.ProcessEnv; home: string } {
  const named = Object.fromEntries(Object.entries(files).map(([path, text]) => [path.replace('{project}', projectOf(repo)), text]));
  const home = homeWith({ '.claude/settings.json': '{"model": "claude-sonnet-4-5"}', ...named });
  const base = hookEnv({ HOME: home, CLAUDECODE: '1', CLAUDE_CODE_ENTRYPOINT: 'cli', ...extra });
  return { env: { ...base, PATH: `${agentsOnPath([{ name: 'claude', title: 'claude' }])}:${base.PATH ?? ''}` }, home };
}

const SWITCHED = assistant('qwen3-coder', AFTER) + assistant('claude-sonnet-4-5', LATER);

describe('Claude Code without CLAUDE_CODE_SESSION_ID: the newest recent transcript of the project', () => {
  it('a qwen answer after HEAD in it is recorded beside the settings, and deny qwen/* refuses the commit', () => {
    const denied = hookedCommittedAt(DENY, PREVIOUS);
    const refused = commitThrough(denied, 'claude', [], claudeEnv(denied, { [`.claude/projects/{project}/${SESSION}.jsonl`]: SWITCHED }).env);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via claude-code\) is denied/);

    const open = hookedCommittedAt('policy: {}\n', PREVIOUS);
    const recorded = commitThrough(open, 'claude', [], claudeEnv(open, { [`.claude/projects/{project}/${SESSION}.jsonl`]: SWITCHED }).env);
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: claude-code:anthropic/claude-sonnet-4.5\nAssisted-by: claude-code:qwen/qwen3-coder\n');
  });

  it('a session id no transcript has is no session id: the guess is read too', () => {
    const denied = hookedCommittedAt(DENY, PREVIOUS);
    const { env } = claudeEnv(denied, { [`.claude/projects/{project}/${SESSION}.jsonl`]: SWITCHED }, { CLAUDE_CODE_SESSION_ID: '11111111-2222-4333-8444-555555555555' });
    const refused = commitThrough(denied, 'claude', [], env);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via claude-code\) is denied/);
  });

  it('a transcript written over an hour ago is not read: the settings, as before', () => {
    const repo = hookedCommittedAt(DENY, PREVIOUS);
    const { env, home } = claudeEnv(repo, { [`.claude/projects/{project}/${SESSION}.jsonl`]: SWITCHED });
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(join(home, '.claude/projects', projectOf(repo), `${SESSION}.jsonl`), old, old);
    const passed = commitThrough(repo, 'claude', [], env);
    expect(passed.status, passed.stderr).toBe(0);
    expect(passed.message).toBe('feat: parser\n\nAssisted-by: claude-code:anthropic/claude-sonnet-4.5\n');
  });

  it("another project's transcript is not read", () => {
    const repo = hookedCommittedAt(DENY, PREVIOUS);
    const passed = commitThrough(repo, 'claude', [], claudeEnv(repo, { [`.claude/projects/-work-other/${SESSION}.jsonl`]: SWITCHED }).env);
    expect(passed.status, passed.stderr).toBe(0);
    expect(passed.message).toBe('feat: parser\n\nAssisted-by: claude-code:anthropic/claude-sonnet-4.5\n');
  });

  it("qwen answers only before HEAD's commit are not recorded (the last model, the settings', is)", () => {
    const repo = hookedCommittedAt(DENY, PREVIOUS);
    const text = assistant('qwen3-coder', BEFORE) + assistant('claude-sonnet-4-5', LATER);
    const passed = commitThrough(repo, 'claude', [], claudeEnv(repo, { [`.claude/projects/{project}/${SESSION}.jsonl`]: text }).env);
    expect(passed.status, passed.stderr).toBe(0);
    expect(passed.message).toBe('feat: parser\n\nAssisted-by: claude-code:anthropic/claude-sonnet-4.5\n');
  });
});

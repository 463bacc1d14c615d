// A previous commit dated ahead of now (row 609) bounded no session window: every record of the
// session was read. Honest repositories hold such commits (a colleague's clock ahead, a hardware clock
// kept in local time), so an agent's ordinary commit after one read its session whole: a model it used
// days ago, for earlier commits, was recorded again, and refused under a deny. The window now starts at
// the newest first-parent commit not dated ahead of now; the way past row 609 closed stays closed.
// Committed for real through the installed hooks, from real ancestor processes named after the agents.
import { describe, expect, it } from 'vitest';
import { hooked, homeWith } from '../helpers/agent-home.js';
import { agentsOnPath, commitThrough } from '../helpers/agent-on-path.js';
import { agentBin, runAgent } from '../helpers/fake-agent.js';
import type { TestRepo } from '../helpers/gitdir.js';
import { hookEnv } from '../helpers/hooks.js';

const THREAD = '019a3f2e-7b41-7c2d-9e8f-0a1b2c3d4e5f';
const SESSION = '0f8fad5b-d9cb-469f-a165-70867728950e';
const DENY = 'policy:\n  deny: ["qwen/*"]\n';
const NOW = Date.now();
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();
const gitDate = (minutes: number) => `${Math.floor((NOW + minutes * 60_000) / 1000)} +0000`;

/** A hooked repository whose commits are dated `minutes` from now, the last one HEAD (made by a person, no hook reading anything). */
function withCommits(config: string, ...minutes: number[]): TestRepo {
  const repo = hooked(config);
  minutes.forEach((m, i) => repo.commit(`chore: earlier ${i}\n`, { [`earlier-${i}.txt`]: `${i}\n` }, { AITRAIL: '0', GIT_AUTHOR_DATE: gitDate(m), GIT_COMMITTER_DATE: gitDate(m) }));
  return repo;
}

function line(timestamp: string, type: string, payload: object): string {
  return `${JSON.stringify({ timestamp, type, payload })}\n`;
}

/** A Codex rollout begun `start` minutes from now, one turn per `[minutes, model]`. */
function rollout(start: number, ...turns: [number, string][]): string {
  return (
    line(at(start), 'session_meta', { id: THREAD, timestamp: at(start), cwd: '/elsewhere', originator: 'codex_cli_rs', cli_version: '0.130.0', model_provider: 'openrouter' }) +
    turns.map(([m, model]) => line(at(m), 'turn_context', { cwd: '/elsewhere', approval_policy: 'on-request', sandbox_policy: { type: 'workspace-write' }, model, summary: 'auto' }) + line(at(m + 0.02), 'event_msg', { type: 'user_message', message: 'go on' })).join('')
  );
}

function codexEnv(text: string): NodeJS.ProcessEnv {
  const d = new Date(NOW);
  const day = `${d.getFullYear()}/${String(d.getMonth() + 1).padStart(2, '0')}/${String(d.getDate()).padStart(2, '0')}`;
  const home = homeWith({ 'config.toml': 'model = "gpt-5"\n', [`sessions/${day}/rollout-2026-01-01T11-00-00-${THREAD}.jsonl`]: text });
  return hookEnv({ HOME: homeWith(), CODEX_HOME: home, CODEX_SANDBOX: 'seatbelt', CODEX_THREAD_ID: THREAD });
}

function assistant(model: string, minutes: number): string {
  return `${JSON.stringify({ parentUuid: null, isSidechain: false, sessionId: SESSION, message: { model, role: 'assistant', content: [{ type: 'text', text: 'ok' }] }, type: 'assistant', uuid: 'u', timestamp: at(minutes) })}\n`;
}

function claudeEnv(transcript: string): NodeJS.ProcessEnv {
  const base = hookEnv({ HOME: homeWith({ '.claude/settings.json': '{"model": "claude-sonnet-4-5"}', [`.claude/projects/-work-app/${SESSION}.jsonl`]: transcript }), CLAUDECODE: '1', CLAUDE_CODE_ENTRYPOINT: 'cli', CLAUDE_CODE_SESSION_ID: SESSION });
  return { ...base, PATH: `${agentsOnPath([{ name: 'claude', title: 'claude' }])}:${base.PATH ?? ''}` };
}

const DAY = 24 * 60;

describe("a previous commit from a clock ahead (a colleague's, pulled): the window starts at the newest commit not ahead", () => {
  it('Codex: a qwen turn three days ago, before the commits, is not read again; the gpt-5 commit passes the deny', () => {
    const env = codexEnv(rollout(-3 * DAY, [-3 * DAY + 1, 'qwen/qwen3-coder'], [-10, 'gpt-5']));
    const run = runAgent(withCommits(DENY, -2 * DAY, 60), agentBin('codex'), [], env);
    expect(run.status, run.stderr).toBe(0);
    expect(run.message).toBe('feat: parser\n\nAssisted-by: codex:openai/gpt-5\n');
  });

  it('Claude Code: three commits in a row from a clock 5 hours ahead; a qwen answer of yesterday is not recorded', () => {
    const env = claudeEnv(assistant('qwen3-coder', -DAY) + assistant('claude-sonnet-4-5', -5));
    const run = commitThrough(withCommits('policy: {}\n', -DAY + 30, 300, 301, 302), 'claude', [], env);
    expect(run.status, run.stderr).toBe(0);
    expect(run.message).toBe('feat: parser\n\nAssisted-by: claude-code:anthropic/claude-sonnet-4.5\n');
  });

  it("row 609's way past stays closed: a throwaway commit dated 2099 after an honest one, the qwen turn after the honest one: refused", () => {
    const repo = withCommits(DENY, -60);
    repo.commit('chore: throwaway\n', { 't.txt': 't\n' }, { AITRAIL: '0', GIT_AUTHOR_DATE: '2099-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2099-01-01T00:00:00Z' });
    const run = runAgent(repo, agentBin('codex'), [], codexEnv(rollout(-120, [-30, 'qwen/qwen3-coder'], [-5, 'gpt-5'])));
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/qwen\/qwen3-coder \(via codex\) is denied/);
  });

  it('the 32 first-parent commits listed all dated ahead: every record read, as row 609 made it', () => {
    const run = runAgent(withCommits(DENY, ...Array.from({ length: 32 }, (_, i) => 60 * 24 * 365 * 70 + i)), agentBin('codex'), [], codexEnv(rollout(-120, [-30, 'qwen/qwen3-coder'], [-5, 'gpt-5'])));
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/qwen\/qwen3-coder \(via codex\) is denied/);
  });
});

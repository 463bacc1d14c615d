// GitHub Copilot CLI's model was read only from `COPILOT_MODEL`: started as `copilot --model
// claude-sonnet-4.5`, with its model in `~/.copilot/settings.json` (or the older `config.json`), or
// switched with `/model` mid-session, its commit (`COPILOT_CLI=1`) recorded `copilot:unknown` (or the
// variable's stale model) and passed `deny: ["anthropic/*"]` with only the unknown-model warning.
// Copilot CLI exports its session id to its commands (`COPILOT_AGENT_SESSION_ID`) and logs the
// session's events to `~/.copilot/session-state/<id>/events.jsonl` (`session.start` `selectedModel`,
// `session.model_change` `newModel`). Committed for real through the installed hooks, from a real
// ancestor process named `copilot`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agentCommit, hooked, homeWith } from '../helpers/agent-home.js';
import { agentBin, runAgent } from '../helpers/fake-agent.js';
import type { TestRepo } from '../helpers/gitdir.js';
import { hookedRepo } from '../helpers/hooked-repo.js';
import { hookEnv } from '../helpers/hooks.js';

const SESSION = '3c1d7a52-8e4b-4f0a-9d6e-2b7c5a1f0e93';
const EVENTS = `.copilot/session-state/${SESSION}/events.jsonl`;
const DENY = 'policy:\n  deny: ["anthropic/*"]\n';
/** The previous commit's time (HEAD's committer date), and the session's times around it. */
const PREVIOUS = '2026-01-01T12:00:00Z';
const BEFORE = '2026-01-01T11:00:00.000Z';
const AFTER = '2026-01-01T12:30:00.000Z';
const LATER = '2026-01-01T13:00:00.000Z';

/** One event line as Copilot CLI logs it (`{"type","data","id","timestamp","parentId"}`). */
function event(type: string, data: object, timestamp = BEFORE): string {
  return `${JSON.stringify({ type, data, id: `${type}-${timestamp}`, timestamp, parentId: null })}\n`;
}

function start(model: string, timestamp = BEFORE): string {
  return event('session.start', { sessionId: SESSION, version: 1, producer: 'copilot-agent', copilotVersion: '0.0.400', startTime: timestamp, selectedModel: model, context: { cwd: '/work/app' } }, timestamp);
}

function change(from: string, to: string, timestamp: string): string {
  return event('session.model_change', { previousModel: from, newModel: to }, timestamp) + event('user.message', { content: 'go on' }, timestamp) + event('tool.execution_start', { toolName: 'bash', arguments: { command: 'git commit' } }, timestamp);
}

/** A hooked repository whose HEAD was committed at `PREVIOUS`. */
function withPrevious(config: string): TestRepo {
  const repo = hooked(config);
  repo.commit('chore: previous\n', { 'previous.txt': 'x\n' }, { AITRAIL: '0', GIT_AUTHOR_DATE: PREVIOUS, GIT_COMMITTER_DATE: PREVIOUS });
  return repo;
}

describe("GitHub Copilot CLI's model (settings, command line, session events)", () => {
  it("settings.json's model is recorded, deny anthropic/* refuses it naming the file, and COPILOT_MODEL comes before it", () => {
    const home = homeWith({ '.copilot/settings.json': '// the /settings command\n{ "model": "claude-sonnet-4.5", }\n' });
    const refused = agentCommit(hooked(DENY), hookEnv({ HOME: home, COPILOT_CLI: '1' }));
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/anthropic\/claude-sonnet-4\.5 \(via copilot\) is denied/);
    expect(refused.stderr).toContain('env COPILOT_CLI="1" settings ~/.copilot/settings.json model="claude-sonnet-4.5"');

    const open = hooked('policy: {}\n');
    expect(agentCommit(open, hookEnv({ HOME: home, COPILOT_CLI: '1' })).message).toBe('feat: parser\n\nAssisted-by: copilot:anthropic/claude-sonnet-4.5\n');
    expect(agentCommit(open, hookEnv({ HOME: home, COPILOT_CLI: '1', COPILOT_MODEL: 'gpt-5' })).message).toBe('feat: parser\n\nAssisted-by: copilot:openai/gpt-5\n');
    // The older config.json (where /model wrote it), and COPILOT_HOME moving the directory.
    const legacy = homeWith({ 'config.json': '{ "model": "gpt-5-codex", "trusted_folders": [] }\n' });
    expect(agentCommit(open, hookEnv({ HOME: homeWith(), COPILOT_HOME: legacy, COPILOT_CLI: '1' })).message).toBe('feat: parser\n\nAssisted-by: copilot:openai/gpt-5-codex\n');
  });

  it("a repository's .github/copilot/settings.json model counts only in a folder the person trusted", () => {
    const repo = hooked('policy: {}\n', { '.github/copilot/settings.json': '{ "model": "claude-opus-4.5" }\n' });
    const untrusted = homeWith({ '.copilot/config.json': '{ "model": "gpt-5", "trusted_folders": ["/elsewhere"] }\n' });
    expect(agentCommit(repo, hookEnv({ HOME: untrusted, COPILOT_CLI: '1' })).message).toBe('feat: parser\n\nAssisted-by: copilot:openai/gpt-5\n');
    const trusted = homeWith({ '.copilot/config.json': JSON.stringify({ model: 'gpt-5', trusted_folders: [repo.dir] }) });
    expect(agentCommit(repo, hookEnv({ HOME: trusted, COPILOT_CLI: '1' })).message).toBe('feat: parser\n\nAssisted-by: copilot:anthropic/claude-opus-4.5\n');
  });

  it('`copilot --model claude-sonnet-4.5` is read from its process, before the settings, COPILOT_MODEL beside it', () => {
    const home = homeWith({ '.copilot/settings.json': '{ "model": "gpt-5" }\n' });
    const env = hookEnv({ HOME: home, COPILOT_CLI: '1', COPILOT_MODEL: 'gpt-5-mini' });
    const refused = runAgent(hooked(DENY), agentBin('copilot'), ['--model', 'claude-sonnet-4.5', '-p', 'fix the parser'], env);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('argv copilot --model="claude-sonnet-4.5"');

    const open = hooked('policy: {}\n');
    // Which of `--model` and COPILOT_MODEL Copilot CLI takes is not documented: both are recorded; the settings' gpt-5 is not.
    expect(runAgent(open, agentBin('copilot'), ['--model=claude-sonnet-4.5'], env).message).toBe('feat: parser\n\nAssisted-by: copilot:openai/gpt-5-mini\nAssisted-by: copilot:anthropic/claude-sonnet-4.5\n');
    const { COPILOT_MODEL: _unset, ...plain } = env;
    expect(runAgent(open, agentBin('copilot'), ['--model', 'claude-sonnet-4.5'], plain).message).toBe('feat: parser\n\nAssisted-by: copilot:anthropic/claude-sonnet-4.5\n');
  });

  it("the session's model (COPILOT_AGENT_SESSION_ID's events) is recorded beside, a /model switch and back since the previous commit too", () => {
    const home = homeWith({ '.copilot/settings.json': '{ "model": "gpt-5" }\n', [EVENTS]: start('gpt-5') + change('gpt-5', 'claude-sonnet-4.5', AFTER) });
    const env = hookEnv({ HOME: home, COPILOT_CLI: '1', COPILOT_AGENT_SESSION_ID: SESSION });
    const refused = agentCommit(withPrevious(DENY), env);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain(`session ~/${EVENTS} model="claude-sonnet-4.5"`);
    expect(agentCommit(withPrevious('policy: {}\n'), env).message).toBe('feat: parser\n\nAssisted-by: copilot:openai/gpt-5\nAssisted-by: copilot:anthropic/claude-sonnet-4.5\n');

    // Switched to Claude after the previous commit and back to gpt-5 before this one: both wrote some of it.
    const back = homeWith({ [EVENTS]: start('gpt-5') + change('gpt-5', 'claude-sonnet-4.5', AFTER) + change('claude-sonnet-4.5', 'gpt-5', LATER) });
    const backEnv = hookEnv({ HOME: back, COPILOT_CLI: '1', COPILOT_AGENT_SESSION_ID: SESSION });
    const switched = agentCommit(withPrevious(DENY), backEnv);
    expect(switched.status).not.toBe(0);
    expect(switched.stderr).toContain(`session ~/${EVENTS} model="claude-sonnet-4.5" used at 2026-01-01T12:30:00.000Z`);

    // Switched before the previous commit: that commit's, not this one's.
    const old = homeWith({ [EVENTS]: start('gpt-5') + change('gpt-5', 'claude-sonnet-4.5', BEFORE) + change('claude-sonnet-4.5', 'gpt-5', '2026-01-01T11:30:00.000Z') });
    expect(agentCommit(withPrevious(DENY), hookEnv({ HOME: old, COPILOT_CLI: '1', COPILOT_AGENT_SESSION_ID: SESSION })).message).toBe('feat: parser\n\nAssisted-by: copilot:openai/gpt-5\n');
    // Another session id, or none: no session is read.
    expect(agentCommit(withPrevious(DENY), hookEnv({ HOME: home, COPILOT_CLI: '1', COPILOT_AGENT_SESSION_ID: '00000000-0000-4000-8000-000000000000' })).message).toBe('feat: parser\n\nAssisted-by: copilot:openai/gpt-5\n');
    expect(agentCommit(withPrevious(DENY), hookEnv({ HOME: home, COPILOT_CLI: '1' })).message).toBe('feat: parser\n\nAssisted-by: copilot:openai/gpt-5\n');
  });

  it("a person's commit beside Copilot CLI's settings and session is unchanged, and starts no node", () => {
    const { repo, env, started } = hookedRepo();
    const before = readFileSync(started, 'utf8');
    const home = homeWith({ '.copilot/settings.json': '{ "model": "claude-sonnet-4.5" }\n', [EVENTS]: start('claude-sonnet-4.5') });
    const person = runAgent(repo, agentBin('copilot'), ['--model', 'claude-sonnet-4.5'], { ...env, HOME: home, COPILOT_AGENT_SESSION_ID: SESSION });
    expect(person.status, person.stderr).toBe(0);
    expect(person.message).toBe('feat: parser\n');
    expect(readFileSync(started, 'utf8')).toBe(before);
  });
});

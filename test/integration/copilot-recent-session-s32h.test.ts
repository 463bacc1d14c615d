// Two limits of GitHub Copilot CLI's model (row 380). Without `COPILOT_AGENT_SESSION_ID` (older
// Copilot CLI, or `env -u COPILOT_AGENT_SESSION_ID git commit`) no session's events were read, so a
// `/model` switch to a denied model was unseen: the commit recorded the settings' model and passed
// `deny: ["anthropic/*"]`. Now the work tree's most recent session (its `session.start` context, or
// its `workspace.yaml`, naming the work tree) is guessed, its models only added beside. And with
// bring-your-own-key (`COPILOT_PROVIDER_BASE_URL`, docs.github.com), a Claude name sent to Z.ai's
// Anthropic-compatible API was recorded as Anthropic's and passed `deny: ["z-ai/*"]`. Committed for
// real through the installed hooks.
import { readFileSync, symlinkSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCommit, hooked, homeWith, writeFile } from '../helpers/agent-home.js';
import type { TestRepo } from '../helpers/gitdir.js';
import { hookedRepo } from '../helpers/hooked-repo.js';
import { hookEnv } from '../helpers/hooks.js';

const SESSION = '5b2e8c41-7d3a-4e9f-8a1b-0c6d2f4e7a95';
const OTHER = '9f1a3c5e-2b4d-4c6e-8f0a-1b3d5f7a9c2e';
const EVENTS = `.copilot/session-state/${SESSION}/events.jsonl`;
const DENY = 'policy:\n  deny: ["anthropic/*"]\n';
const PREVIOUS = '2026-01-01T12:00:00Z';
const BEFORE = '2026-01-01T11:00:00.000Z';
const AFTER = '2026-01-01T12:30:00.000Z';

function event(type: string, data: object, timestamp = BEFORE): string {
  return `${JSON.stringify({ type, data, id: `${type}-${timestamp}`, timestamp, parentId: null })}\n`;
}

/** A session started in `cwd` (its `context`, as Copilot CLI logs it), switched to Claude after the previous commit. */
function switched(context: object | undefined): string {
  const started = event('session.start', { sessionId: SESSION, version: 1, producer: 'copilot-agent', copilotVersion: '0.0.400', startTime: BEFORE, selectedModel: 'gpt-5', ...(context ? { context } : {}) });
  return started + event('session.model_change', { previousModel: 'gpt-5', newModel: 'claude-sonnet-4.5' }, AFTER) + event('session.model_change', { previousModel: 'claude-sonnet-4.5', newModel: 'gpt-5' }, AFTER);
}

function withPrevious(config: string): TestRepo {
  const repo = hooked(config);
  repo.commit('chore: previous\n', { 'previous.txt': 'x\n' }, { AITRAIL: '0', GIT_AUTHOR_DATE: PREVIOUS, GIT_COMMITTER_DATE: PREVIOUS });
  return repo;
}

/** Sets a file's times `minutes` ago. */
function age(path: string, minutes: number): void {
  const when = new Date(Date.now() - minutes * 60_000);
  utimesSync(path, when, when);
}

describe("GitHub Copilot CLI's recent session guessed without COPILOT_AGENT_SESSION_ID", () => {
  it("the work tree's recent session's /model switch is recorded beside the settings', and denied", () => {
    const repo = withPrevious(DENY);
    const home = homeWith({ '.copilot/settings.json': '{ "model": "gpt-5" }\n', [EVENTS]: switched({ cwd: join(repo.dir, 'packages/web'), gitRoot: repo.dir }) });
    const refused = agentCommit(repo, hookEnv({ HOME: home, COPILOT_CLI: '1' }));
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain(`recent session ~/${EVENTS} model="claude-sonnet-4.5" used at 2026-01-01T12:30:00.000Z`);
    // An exported id no session has is not a way past it.
    expect(agentCommit(repo, hookEnv({ HOME: home, COPILOT_CLI: '1', COPILOT_AGENT_SESSION_ID: OTHER })).status).not.toBe(0);

    const open = withPrevious('policy: {}\n');
    const openHome = homeWith({ '.copilot/settings.json': '{ "model": "gpt-5" }\n', [EVENTS]: switched({ cwd: open.dir }) });
    expect(agentCommit(open, hookEnv({ HOME: openHome, COPILOT_CLI: '1' })).message).toBe('feat: parser\n\nAssisted-by: copilot:openai/gpt-5\nAssisted-by: copilot:anthropic/claude-sonnet-4.5\n');
  });

  it("a session's workspace.yaml and the older <id>.jsonl name the work tree too; another directory's, an hour-old or a linked session is not read", () => {
    const repo = withPrevious(DENY);
    const yaml = homeWith({ [EVENTS]: switched(undefined), [`.copilot/session-state/${SESSION}/workspace.yaml`]: `id: ${SESSION}\ncwd: ${repo.dir}\nsummary: fix the parser\n` });
    expect(agentCommit(repo, hookEnv({ HOME: yaml, COPILOT_CLI: '1' })).status).not.toBe(0);
    const older = homeWith({ [`.copilot/session-state/${SESSION}.jsonl`]: switched({ cwd: repo.dir }) });
    expect(agentCommit(repo, hookEnv({ HOME: older, COPILOT_CLI: '1' })).status).not.toBe(0);

    const settings = { '.copilot/settings.json': '{ "model": "gpt-5" }\n' };
    const elsewhere = homeWith({ ...settings, [EVENTS]: switched({ cwd: '/elsewhere/app', gitRoot: '/elsewhere/app' }) });
    expect(agentCommit(repo, hookEnv({ HOME: elsewhere, COPILOT_CLI: '1' })).message).toBe('feat: parser\n\nAssisted-by: copilot:openai/gpt-5\n');
    const stale = homeWith({ ...settings, [EVENTS]: switched({ cwd: repo.dir }) });
    age(join(stale, EVENTS), 61);
    expect(agentCommit(repo, hookEnv({ HOME: stale, COPILOT_CLI: '1' })).message).toBe('feat: parser\n\nAssisted-by: copilot:openai/gpt-5\n');
    const linked = homeWith(settings);
    writeFile(join(linked, 'elsewhere/events.jsonl'), switched({ cwd: repo.dir }));
    writeFile(join(linked, `.copilot/session-state/${SESSION}/workspace.yaml`), `cwd: ${repo.dir}\n`);
    symlinkSync(join(linked, 'elsewhere/events.jsonl'), join(linked, EVENTS));
    expect(agentCommit(repo, hookEnv({ HOME: linked, COPILOT_CLI: '1' })).message).toBe('feat: parser\n\nAssisted-by: copilot:openai/gpt-5\n');
  });

  it("a newer session of another directory does not hide the work tree's", () => {
    const repo = withPrevious(DENY);
    const home = homeWith({
      [EVENTS]: switched({ cwd: repo.dir }),
      [`.copilot/session-state/${OTHER}/events.jsonl`]: event('session.start', { sessionId: OTHER, selectedModel: 'gpt-5', context: { cwd: '/elsewhere' } }),
    });
    age(join(home, EVENTS), 5);
    const refused = agentCommit(repo, hookEnv({ HOME: home, COPILOT_CLI: '1' }));
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain(`recent session ~/${EVENTS} model="claude-sonnet-4.5"`);
  });
});

describe("GitHub Copilot CLI's own provider (COPILOT_PROVIDER_BASE_URL)", () => {
  it("a Claude name sent to a vendor's own Anthropic-compatible API is that vendor's model; a gateway changes nothing", () => {
    const byok = { HOME: homeWith(), COPILOT_CLI: '1', COPILOT_PROVIDER_TYPE: 'anthropic', COPILOT_MODEL: 'claude-sonnet-4.5' };
    const refused = agentCommit(hooked('policy:\n  deny: ["z-ai/*"]\n'), hookEnv({ ...byok, COPILOT_PROVIDER_BASE_URL: 'https://api.z.ai/api/anthropic' }));
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('COPILOT_PROVIDER_BASE_URL="https://api.z.ai/"');

    const open = hooked('policy: {}\n');
    expect(agentCommit(open, hookEnv({ ...byok, COPILOT_PROVIDER_BASE_URL: 'https://api.z.ai/api/anthropic' })).message).toBe('feat: parser\n\nAssisted-by: copilot:z-ai/unknown\n');
    expect(agentCommit(open, hookEnv({ ...byok, COPILOT_PROVIDER_BASE_URL: 'https://api.anthropic.com' })).message).toBe('feat: parser\n\nAssisted-by: copilot:anthropic/claude-sonnet-4.5\n');
    expect(agentCommit(open, hookEnv({ ...byok, COPILOT_PROVIDER_TYPE: 'openai', COPILOT_MODEL: 'gpt-5', COPILOT_PROVIDER_BASE_URL: 'https://api.anthropic.com' })).message).toBe('feat: parser\n\nAssisted-by: copilot:anthropic/unknown\n');
    expect(agentCommit(open, hookEnv({ ...byok, COPILOT_PROVIDER_BASE_URL: 'https://openrouter.ai/api/v1' })).message).toBe('feat: parser\n\nAssisted-by: copilot:anthropic/claude-sonnet-4.5\n');
    // row 868: a server on this machine (Ollama) answers a Claude name with whatever model it runs.
    expect(agentCommit(open, hookEnv({ ...byok, COPILOT_PROVIDER_BASE_URL: 'http://localhost:11434' })).message).toBe('feat: parser\n\nAssisted-by: copilot:unknown\n');
  });

  it("a person's commit beside a provider URL and a recent session of the work tree is unchanged, and starts no node", () => {
    const { repo, env, started } = hookedRepo();
    const before = readFileSync(started, 'utf8');
    const home = homeWith({ [EVENTS]: switched({ cwd: repo.dir }) });
    const person = agentCommit(repo, { ...env, HOME: home, COPILOT_PROVIDER_BASE_URL: 'https://api.z.ai/api/anthropic', COPILOT_MODEL: 'claude-sonnet-4.5' });
    expect(person.status, person.stderr).toBe(0);
    expect(person.message).toBe('feat: parser\n');
    expect(readFileSync(started, 'utf8')).toBe(before);
  });
});

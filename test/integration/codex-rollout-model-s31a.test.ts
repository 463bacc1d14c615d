// Codex's `/model` (or a custom provider's model picked mid-session) is seen by no config file and no
// command line: the commit read as config.toml's model and passed `deny: ["qwen/*"]`. Codex writes
// each session to `$CODEX_HOME/sessions/YYYY/MM/DD/rollout-<time>-<thread id>.jsonl`, a
// `turn_context` record (with the turn's `model`) at each turn's start, and exports the thread id to
// its commands (`CODEX_THREAD_ID`). Committed for real through the installed hooks, from a real
// ancestor process named `codex`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hooked, homeWith } from '../helpers/agent-home.js';
import { agentBin, runAgent } from '../helpers/fake-agent.js';
import type { TestRepo } from '../helpers/gitdir.js';
import { hookEnv } from '../helpers/hooks.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

const THREAD = '019a3f2e-7b41-7c2d-9e8f-0a1b2c3d4e5f';
const OTHER = '019a3f2e-0000-7000-8000-000000000001';

/** A rollout line as Codex writes it (`{"timestamp":…,"type":…,"payload":…}`). */
function line(type: string, payload: object): string {
  return `${JSON.stringify({ timestamp: '2026-12-04T10:00:00.000Z', type, payload })}\n`;
}

function rollout(cwd: string, ...models: string[]): string {
  return (
    line('session_meta', { id: THREAD, timestamp: '2026-12-04T10:00:00.000Z', cwd, originator: 'codex_cli_rs', cli_version: '0.130.0', model_provider: 'openrouter' }) +
    models.map((model) => line('turn_context', { cwd, approval_policy: 'on-request', sandbox_policy: { type: 'workspace-write' }, model, summary: 'auto' }) + line('event_msg', { type: 'user_message', message: 'commit it' })).join('')
  );
}

/** A CODEX_HOME with config.toml naming gpt-5, and the given rollouts (thread id → text). */
function codexHome(rollouts: Record<string, string>): string {
  const files: Record<string, string> = { 'config.toml': 'model = "gpt-5"\n' };
  for (const [id, text] of Object.entries(rollouts)) files[`sessions/2026/12/04/rollout-2026-12-04T10-00-00-${id}.jsonl`] = text;
  return homeWith(files);
}

function runCodex(repo: TestRepo, env: NodeJS.ProcessEnv) {
  return runAgent(repo, agentBin('codex'), ['fix the parser'], env);
}

describe("Codex's model switched mid-session (its rollout)", () => {
  it("the last turn's model of CODEX_THREAD_ID's rollout is recorded beside config.toml's, and deny qwen/* refuses it", () => {
    const denied = hooked('policy:\n  deny: ["qwen/*"]\n');
    const open = hooked('policy: {}\n');
    const home = codexHome({ [THREAD]: rollout('/elsewhere', 'gpt-5', 'qwen/qwen3-coder'), [OTHER]: rollout('/elsewhere', 'o3') });
    const env = hookEnv({ HOME: homeWith(), CODEX_HOME: home, CODEX_SANDBOX: 'seatbelt', CODEX_THREAD_ID: THREAD });

    const refused = runCodex(denied, env);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via codex\) is denied/);

    const recorded = runCodex(open, env);
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: codex:openai/gpt-5\nAssisted-by: codex:qwen/qwen3-coder\n');

    // Another thread: its own rollout; a rollout naming the config's model, or no rollout: the config alone.
    expect(runCodex(open, { ...env, CODEX_THREAD_ID: OTHER }).message).toBe('feat: parser\n\nAssisted-by: codex:openai/gpt-5\nAssisted-by: codex:openai/o3\n');
    const same = hookEnv({ ...env, CODEX_HOME: codexHome({ [THREAD]: rollout('/elsewhere', 'qwen/qwen3-coder', 'gpt-5') }) });
    expect(runCodex(denied, same).message).toBe('feat: parser\n\nAssisted-by: codex:openai/gpt-5\n');
    expect(runCodex(denied, { ...env, CODEX_THREAD_ID: '019a3f2e-ffff-7fff-8fff-ffffffffffff' }).message).toBe('feat: parser\n\nAssisted-by: codex:openai/gpt-5\n');
  });

  it('without CODEX_THREAD_ID, the rollout written last whose last turn ran in this work tree is recorded beside', () => {
    const denied = hooked('policy:\n  deny: ["qwen/*"]\n');
    const env = hookEnv({ HOME: homeWith(), CODEX_SANDBOX: 'seatbelt' });

    const here = runCodex(denied, { ...env, CODEX_HOME: codexHome({ [THREAD]: rollout(join(denied.dir, 'src'), 'qwen/qwen3-coder') }) });
    expect(here.status).not.toBe(0);
    expect(here.stderr).toMatch(/qwen\/qwen3-coder \(via codex\) is denied/);

    // A session working in another directory is not this commit's.
    const elsewhere = runCodex(denied, { ...env, CODEX_HOME: codexHome({ [THREAD]: rollout('/elsewhere', 'qwen/qwen3-coder') }) });
    expect(elsewhere.status, elsewhere.stderr).toBe(0);
    expect(elsewhere.message).toBe('feat: parser\n\nAssisted-by: codex:openai/gpt-5\n');
  });

  it("a person's commit beside a recent rollout of this work tree is unchanged, and starts no node", () => {
    const { repo, env, started } = hookedRepo();
    const before = readFileSync(started, 'utf8');
    const home = codexHome({ [THREAD]: rollout(repo.dir, 'qwen/qwen3-coder') });
    const person = runAgent(repo, agentBin('codex'), [], { ...env, HOME: homeWith(), CODEX_HOME: home });
    expect(person.status, person.stderr).toBe(0);
    expect(person.message).toBe('feat: parser\n');
    expect(readFileSync(started, 'utf8')).toBe(before);
  });
});

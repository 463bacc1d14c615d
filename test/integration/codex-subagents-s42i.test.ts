// Row 588 looked for a Codex session's sub-agents' rollouts in the newest two day directories
// only; a sub-agent's rollout stays in the day directory of its spawning, appended to as long as it
// runs: a session that crossed midnight twice (a sub-agent spawned on day 1, still writing on day 3,
// other sub-agents' or sessions' rollouts in days 2 and 3) had its first sub-agent's model unread,
// and its commit passed `deny: ["qwen/*"]`. Committed for real through the installed hooks.
import { describe, expect, it } from 'vitest';
import { hooked, homeWith, hookedCommittedAt } from '../helpers/agent-home.js';
import { codexRollout } from '../helpers/codex-rollout.js';
import { agentBin, runAgent } from '../helpers/fake-agent.js';
import { hookEnv } from '../helpers/hooks.js';

const PARENT = '019a3f2e-7b41-7c2d-9e8f-0a1b2c3d4e5f';
const CHILD = '019a3f30-1111-7222-8333-944455556666';
const LATER_CHILD = '019a3f31-aaaa-7bbb-8ccc-9dddeeeeffff';
const OTHER = '019a3f32-0000-7000-8000-900000000000';
const PREVIOUS = '2026-01-02T12:00:00Z';
const START = '2026-01-01T23:50:00.000Z';
const AFTER = '2026-01-03T09:30:00.000Z';
const LATER = '2026-01-03T10:00:00.000Z';
const DENY = 'policy:\n  deny: ["qwen/*"]\n';

function rollout(id: string, parent: string | null, ...turns: [string, string][]): string {
  return longRollout(id, parent, '', ...turns);
}

/** A rollout started at START whose `session_meta` carries `instructions` as its base instructions (codex-rs writes them after `source`). */
function longRollout(id: string, parent: string | null, instructions: string, ...turns: [string, string][]): string {
  return codexRollout({ id, parent, start: START, instructions }, ...turns);
}

describe("a Codex session's sub-agent spawned two days before the commit", () => {
  it("is read in its own day directory (back to the parent's day): qwen recorded, deny qwen/* refuses", () => {
    const files: Record<string, string> = {
      'config.toml': 'model = "gpt-5"\n',
      // Day 1, just before midnight: the session and its qwen sub-agent start; the sub-agent still works on day 3.
      [`sessions/2026/01/01/rollout-2026-01-01T23-50-00-${PARENT}.jsonl`]: rollout(PARENT, null, [START, 'gpt-5'], [LATER, 'gpt-5']),
      [`sessions/2026/01/01/rollout-2026-01-01T23-55-00-${CHILD}.jsonl`]: rollout(CHILD, PARENT, [START, 'qwen/qwen3-coder'], [AFTER, 'qwen/qwen3-coder']),
      // Days 2 and 3: another sub-agent of the session, another session.
      [`sessions/2026/01/02/rollout-2026-01-02T10-00-00-${LATER_CHILD}.jsonl`]: rollout(LATER_CHILD, PARENT, [AFTER, 'gpt-5-mini']),
      [`sessions/2026/01/03/rollout-2026-01-03T08-00-00-${OTHER}.jsonl`]: rollout(OTHER, null, [AFTER, 'gpt-5']),
    };
    const env = hookEnv({ HOME: homeWith(), CODEX_HOME: homeWith(files), CODEX_SANDBOX: 'seatbelt', CODEX_THREAD_ID: PARENT });
    const refused = runAgent(hookedCommittedAt(DENY, PREVIOUS), agentBin('codex'), [], env);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via codex\) is denied/);

    const recorded = runAgent(hookedCommittedAt('policy: {}\n', PREVIOUS), agentBin('codex'), [], env);
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(recorded.message).toContain('Assisted-by: codex:qwen/qwen3-coder\n');
    expect(recorded.message).toContain('Assisted-by: codex:openai/gpt-5-mini\n');
  });

  it("a sub-agent whose session_meta line is over 256 KiB (a role's long instructions) is read by its first keys", () => {
    const day = '2026/01/03';
    const files: Record<string, string> = {
      'config.toml': 'model = "gpt-5"\n',
      [`sessions/${day}/rollout-2026-01-03T08-00-00-${PARENT}.jsonl`]: rollout(PARENT, null, [LATER, 'gpt-5']),
      [`sessions/${day}/rollout-2026-01-03T08-05-00-${CHILD}.jsonl`]: longRollout(CHILD, PARENT, `"parent_thread_id":"${OTHER}" ${'x'.repeat(300 * 1024)}`, [AFTER, 'qwen/qwen3-coder']),
      // Another session's sub-agent, as long: not this commit's.
      [`sessions/${day}/rollout-2026-01-03T08-06-00-${LATER_CHILD}.jsonl`]: longRollout(LATER_CHILD, OTHER, 'y'.repeat(300 * 1024), [AFTER, 'qwen/qwen3-coder-plus']),
    };
    const env = hookEnv({ HOME: homeWith(), CODEX_HOME: homeWith(files), CODEX_SANDBOX: 'seatbelt', CODEX_THREAD_ID: PARENT });
    const refused = runAgent(hookedCommittedAt(DENY, PREVIOUS), agentBin('codex'), [], env);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via codex\) is denied/);
    expect(refused.stderr).not.toContain('qwen3-coder-plus');
  });

  it('a previous commit dated ahead of now (GIT_COMMITTER_DATE) bounds nothing: the sub-agent is read', () => {
    const day = '2026/01/03';
    const files: Record<string, string> = {
      'config.toml': 'model = "gpt-5"\n',
      [`sessions/${day}/rollout-2026-01-03T08-00-00-${PARENT}.jsonl`]: rollout(PARENT, null, [LATER, 'gpt-5']),
      [`sessions/${day}/rollout-2026-01-03T08-05-00-${CHILD}.jsonl`]: rollout(CHILD, PARENT, [AFTER, 'qwen/qwen3-coder']),
    };
    const env = hookEnv({ HOME: homeWith(), CODEX_HOME: homeWith(files), CODEX_SANDBOX: 'seatbelt', CODEX_THREAD_ID: PARENT });
    const repo = hooked(DENY);
    // The agent's previous honest commit (the newest not dated ahead bounds the window, row 625), then
    // its own throwaway commit, dated years ahead, before its sub-agent runs.
    repo.commit('chore: honest\n', { 'honest.txt': 'x\n' }, { AITRAIL: '0', GIT_AUTHOR_DATE: PREVIOUS, GIT_COMMITTER_DATE: PREVIOUS });
    const ahead = '2099-01-01T00:00:00Z';
    repo.commit('chore: previous\n', { 'previous.txt': 'x\n' }, { AITRAIL: '0', GIT_AUTHOR_DATE: ahead, GIT_COMMITTER_DATE: ahead });
    const refused = runAgent(repo, agentBin('codex'), [], env);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via codex\) is denied/);
  });
});

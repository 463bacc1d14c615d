// Row 653's search by name follows a Codex session's sub-agents to their own sub-agents, through a
// worker not written since the previous commit too (it spawned its own worker and its turn ended
// while that one ran on): the grandchild it found was then dropped, its parent not being among the
// rollouts counted, and the gpt-5 parent's commit passed `deny: ["qwen/*"]`. Committed for real
// through the installed hooks.
import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { homeWith, hookedCommittedAt } from '../helpers/agent-home.js';
import { codexDayDir, codexRollout, spawnAgentLines } from '../helpers/codex-rollout.js';
import { agentBin, runAgent } from '../helpers/fake-agent.js';
import { hookEnv } from '../helpers/hooks.js';

const PARENT = '019a3f2e-7b41-7c2d-9e8f-0a1b2c3d4e5f';
const CHILD = '019a3f30-1111-7222-8333-944455556666';
const GRANDCHILD = '019a3f31-3333-7444-8555-966677778888';
const PREVIOUS = '2026-03-02T12:00:00Z';
const AFTER = '2026-03-03T09:30:00.000Z';
const LATER = '2026-03-03T10:00:00.000Z';

describe("a Codex sub-agent's own sub-agent, found by name", () => {
  it('through a worker last written before the previous commit: the qwen grandchild is read', () => {
    const start = '2026-01-10T12:00:00.000Z';
    const spawned = '2026-01-10T12:05:00.000Z';
    const deeper = '2026-01-10T12:06:00.000Z';
    const childPath = `${codexDayDir(spawned)}/rollout-2026-01-10T12-05-00-${CHILD}.jsonl`;
    const files: Record<string, string> = { 'config.toml': 'model = "gpt-5"\n' };
    files[`${codexDayDir(start)}/rollout-2026-01-10T12-00-00-${PARENT}.jsonl`] = codexRollout({ id: PARENT, parent: null, start }, [start, 'gpt-5']) + spawnAgentLines(spawned, CHILD) + codexRollout({ id: PARENT, parent: null, start }, [LATER, 'gpt-5']).split('\n').slice(1).join('\n');
    files[childPath] = codexRollout({ id: CHILD, parent: PARENT, start: spawned }, [spawned, 'gpt-5-mini']) + spawnAgentLines(deeper, GRANDCHILD);
    files[`${codexDayDir(deeper)}/rollout-2026-01-10T12-06-00-${GRANDCHILD}.jsonl`] = codexRollout({ id: GRANDCHILD, parent: CHILD, start: deeper }, [deeper, 'qwen/qwen3-coder'], [AFTER, 'qwen/qwen3-coder']);
    // 40 days of other sessions since: the parent's day is past the days searched (row 653's path).
    for (let day = 0; day < 40; day += 1) {
      const at = new Date(Date.parse('2026-01-20T12:00:00Z') + day * 86_400_000).toISOString();
      const id = `019a3f40-0000-7000-8000-${String(day).padStart(12, '0')}`;
      files[`${codexDayDir(at)}/rollout-x-${id}.jsonl`] = codexRollout({ id, parent: null, start: at }, [at, 'gpt-5']);
    }
    const run = (policy: string) => {
      const home = homeWith(files);
      // The worker's last line came before the previous commit.
      const before = new Date('2026-03-01T12:00:00Z');
      utimesSync(join(home, childPath), before, before);
      const env = hookEnv({ HOME: homeWith(), CODEX_HOME: home, CODEX_SANDBOX: 'seatbelt', CODEX_THREAD_ID: PARENT });
      return runAgent(hookedCommittedAt(policy, PREVIOUS), agentBin('codex'), [], env);
    };
    const deny = run('policy:\n  deny: ["qwen/*"]\n');
    expect(deny.status).not.toBe(0);
    expect(deny.stderr).toMatch(/qwen\/qwen3-coder \(via codex\) is denied/);
    const open = run('policy: {}\n');
    expect(open.status, open.stderr).toBe(0);
    expect(open.message).toContain('Assisted-by: codex:qwen/qwen3-coder\n');
    expect(open.message).not.toContain('gpt-5-mini');
  });
});

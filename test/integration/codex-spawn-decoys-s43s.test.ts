// Row 653 looks a Codex sub-agent up by the ids its parent's rollout names (`agent_id` in a
// `spawn_agent` answer) when the search by day was incomplete: the first 256 ids named were taken,
// and the first 64 recent rollouts found by them counted, whatever thread spawned them. Anything the
// rollout quotes names ids too (a tool's output: a file the agent read, a command it ran), so 256
// ids quoted before the real answer, or 64 other sessions' ids, left the qwen sub-agent unread and
// the gpt-5 parent's commit passed `deny: ["qwen/*"]`. Committed for real through the installed hooks.
import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { homeWith, hookedCommittedAt } from '../helpers/agent-home.js';
import { codexDayDir, codexRollout, spawnAgentLines } from '../helpers/codex-rollout.js';
import { agentBin, runAgent } from '../helpers/fake-agent.js';
import { hookEnv } from '../helpers/hooks.js';

const PARENT = '019a3f2e-7b41-7c2d-9e8f-0a1b2c3d4e5f';
const CHILD = '019a3f30-1111-7222-8333-944455556666';
const PREVIOUS = '2026-03-02T12:00:00Z';
const START = '2026-03-03T08:00:00.000Z';
const AFTER = '2026-03-03T09:30:00.000Z';
const LATER = '2026-03-03T10:00:00.000Z';
const DENY = 'policy:\n  deny: ["qwen/*"]\n';

/** A shell tool's output the rollout keeps: the text a command printed (a file the agent read). */
function toolOutput(at: string, text: string): string {
  return `${JSON.stringify({ timestamp: at, type: 'response_item', payload: { type: 'function_call_output', call_id: 'call_0', output: text } })}\n`;
}

/** The event codex-rs records for a spawn (`collab_agent_spawn_end`): its key in the record itself, never escaped as quoted text is. */
function spawnEnd(at: string, child: string): string {
  return `${JSON.stringify({ timestamp: at, type: 'event_msg', payload: { type: 'collab_agent_spawn_end', call_id: 'call_1', sender_thread_id: PARENT, new_thread_id: child } })}\n`;
}

const otherId = (n: number): string => `019a3f50-0000-7000-8000-${String(n).padStart(12, '0')}`;

/** The parent (quoting `quoted` before its spawn of CHILD), the qwen CHILD, and 70 other sessions' rollouts written after it (the search by day incomplete). */
function commitWith(quoted: string, others = 70, spawnEvent = false): { deny: ReturnType<typeof runAgent>; open: ReturnType<typeof runAgent> } {
  const dir = codexDayDir(START);
  const childPath = `${dir}/rollout-2026-03-03T08-05-00-${CHILD}.jsonl`;
  const files: Record<string, string> = {
    'config.toml': 'model = "gpt-5"\n',
    [`${dir}/rollout-2026-03-03T08-00-00-${PARENT}.jsonl`]: codexRollout({ id: PARENT, parent: null, start: START }, [START, 'gpt-5']) + toolOutput(START, quoted) + spawnAgentLines(START, CHILD) + (spawnEvent ? spawnEnd(START, CHILD) : '') + codexRollout({ id: PARENT, parent: null, start: START }, [LATER, 'gpt-5']).split('\n').slice(1).join('\n'),
    [childPath]: codexRollout({ id: CHILD, parent: PARENT, start: START }, [AFTER, 'qwen/qwen3-coder']),
  };
  for (let n = 0; n < others; n += 1) files[`${dir}/rollout-2026-03-03T09-00-00-${otherId(n)}.jsonl`] = codexRollout({ id: otherId(n), parent: null, start: START }, [AFTER, 'gpt-5']);
  const home = homeWith(files);
  const minuteAgo = new Date(Date.now() - 60_000);
  utimesSync(join(home, childPath), minuteAgo, minuteAgo);
  const env = hookEnv({ HOME: homeWith(), CODEX_HOME: home, CODEX_SANDBOX: 'seatbelt', CODEX_THREAD_ID: PARENT });
  return { deny: runAgent(hookedCommittedAt(DENY, PREVIOUS), agentBin('codex'), [], env), open: runAgent(hookedCommittedAt('policy: {}\n', PREVIOUS), agentBin('codex'), [], env) };
}

function expectQwenRead(run: { deny: ReturnType<typeof runAgent>; open: ReturnType<typeof runAgent> }): void {
  expect(run.deny.status).not.toBe(0);
  expect(run.deny.stderr).toMatch(/qwen\/qwen3-coder \(via codex\) is denied/);
  expect(run.open.status, run.open.stderr).toBe(0);
  expect(run.open.message).toContain('Assisted-by: codex:qwen/qwen3-coder\n');
}

describe("ids a Codex parent's rollout quotes before its real spawn_agent answer", () => {
  it('256 made-up ids quoted in a tool output first: the qwen sub-agent is still read', () => {
    const fake = Array.from({ length: 300 }, (_, n) => JSON.stringify({ agent_id: `019a3f70-0000-7000-8000-${String(n).padStart(12, '0')}` })).join('\n');
    expectQwenRead(commitWith(fake));
  });

  it("64 other sessions' ids quoted first (their rollouts recent, none spawned by this thread): the qwen sub-agent is still read", () => {
    const others = Array.from({ length: 70 }, (_, n) => JSON.stringify({ agent_id: otherId(n) })).join('\n');
    expectQwenRead(commitWith(others));
  });

  it("300 other sessions' ids quoted first, each with a rollout: the qwen sub-agent Codex's own spawn event names is still read", () => {
    const others = Array.from({ length: 300 }, (_, n) => JSON.stringify({ agent_id: otherId(n) })).join('\n');
    expectQwenRead(commitWith(others, 300, true));
  });

  it('a resumed session that spawned a worker on each of 40 days, the qwen one last: it is still read', () => {
    const start = '2026-01-10T12:00:00.000Z';
    const files: Record<string, string> = { 'config.toml': 'model = "gpt-5"\n' };
    let parent = codexRollout({ id: PARENT, parent: null, start }, [start, 'gpt-5']);
    for (let day = 0; day < 40; day += 1) {
      const at = new Date(Date.parse(start) + day * 86_400_000 + 300_000).toISOString();
      const id = day === 39 ? CHILD : `019a3f80-0000-7000-8000-${String(day).padStart(12, '0')}`;
      parent += spawnAgentLines(at, id);
      files[`${codexDayDir(at)}/rollout-x-${id}.jsonl`] = codexRollout({ id, parent: PARENT, start: at }, [AFTER, day === 39 ? 'qwen/qwen3-coder' : 'gpt-5-mini']);
    }
    files[`${codexDayDir(start)}/rollout-2026-01-10T12-00-00-${PARENT}.jsonl`] = parent + codexRollout({ id: PARENT, parent: null, start }, [LATER, 'gpt-5']).split('\n').slice(1).join('\n');
    // 70 other sessions written after the workers: the search by day reads none of them.
    const last = new Date(Date.parse(start) + 39 * 86_400_000).toISOString();
    for (let n = 0; n < 70; n += 1) files[`${codexDayDir(last)}/rollout-y-${otherId(n)}.jsonl`] = codexRollout({ id: otherId(n), parent: null, start: last }, [AFTER, 'gpt-5']);
    const home = homeWith(files);
    const minuteAgo = new Date(Date.now() - 60_000);
    for (const path of Object.keys(files)) if (path.includes('/rollout-x-')) utimesSync(join(home, path), minuteAgo, minuteAgo);
    const env = hookEnv({ HOME: homeWith(), CODEX_HOME: home, CODEX_SANDBOX: 'seatbelt', CODEX_THREAD_ID: PARENT });
    expectQwenRead({ deny: runAgent(hookedCommittedAt(DENY, PREVIOUS), agentBin('codex'), [], env), open: runAgent(hookedCommittedAt('policy: {}\n', PREVIOUS), agentBin('codex'), [], env) });
  });
});

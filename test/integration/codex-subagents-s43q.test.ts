// Rows 588/606 looked for a Codex session's sub-agents among the rollouts of the day directories back
// to the parent's (at most 31) written since the previous commit (at most the 64 newest): a resumed
// session whose first day is more than 31 day directories back, or 64 other rollouts written after
// the sub-agent's last line (a batch of other sessions, the session's own other workers), left the
// qwen sub-agent unread and the gpt-5 parent's commit passed `deny: ["qwen/*"]`. The parent's rollout
// names each sub-agent it spawned (`spawn_agent` answers `{"agent_id":"<uuid>"}`), which locates
// its rollout exactly. Committed for real through the installed hooks.
import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { homeWith, hookedCommittedAt } from '../helpers/agent-home.js';
import { codexDayDir, codexRollout, spawnAgentLines } from '../helpers/codex-rollout.js';
import { agentBin, runAgent } from '../helpers/fake-agent.js';
import { hookEnv } from '../helpers/hooks.js';

const PARENT = '019a3f2e-7b41-7c2d-9e8f-0a1b2c3d4e5f';
const CHILD = '019a3f30-1111-7222-8333-944455556666';
const STRANGER = '019a3f33-2222-7333-8444-955566667777';
const PREVIOUS = '2026-03-02T12:00:00Z';
const AFTER = '2026-03-03T09:30:00.000Z';
const LATER = '2026-03-03T10:00:00.000Z';
const DENY = 'policy:\n  deny: ["qwen/*"]\n';

function commitAs(files: Record<string, string>, touch?: (home: string) => void): { deny: ReturnType<typeof runAgent>; open: ReturnType<typeof runAgent> } {
  const home = homeWith(files);
  touch?.(home);
  const env = hookEnv({ HOME: homeWith(), CODEX_HOME: home, CODEX_SANDBOX: 'seatbelt', CODEX_THREAD_ID: PARENT });
  const deny = runAgent(hookedCommittedAt(DENY, PREVIOUS), agentBin('codex'), [], env);
  const open = runAgent(hookedCommittedAt('policy: {}\n', PREVIOUS), agentBin('codex'), [], env);
  return { deny, open };
}

describe("a Codex session's sub-agent named by its parent's spawn_agent answer", () => {
  it('a resumed session whose first day is 40 day directories back: its resumed qwen sub-agent is read', () => {
    const start = '2026-01-10T12:00:00.000Z';
    const spawned = '2026-01-10T12:05:00.000Z';
    const files: Record<string, string> = { 'config.toml': 'model = "gpt-5"\n' };
    files[`${codexDayDir(start)}/rollout-2026-01-10T12-00-00-${PARENT}.jsonl`] = codexRollout({ id: PARENT, parent: null, start }, [start, 'gpt-5']) + spawnAgentLines(spawned, CHILD) + codexRollout({ id: PARENT, parent: null, start }, [LATER, 'gpt-5']).split('\n').slice(1).join('\n');
    files[`${codexDayDir(spawned)}/rollout-2026-01-10T12-05-00-${CHILD}.jsonl`] = codexRollout({ id: CHILD, parent: PARENT, start: spawned }, [spawned, 'qwen/qwen3-coder'], [AFTER, 'qwen/qwen3-coder']);
    // 40 days of other sessions since.
    for (let day = 0; day < 40; day += 1) {
      const at = new Date(Date.parse('2026-01-20T12:00:00Z') + day * 86_400_000).toISOString();
      const id = `019a3f40-0000-7000-8000-${String(day).padStart(12, '0')}`;
      files[`${codexDayDir(at)}/rollout-x-${id}.jsonl`] = codexRollout({ id, parent: null, start: at }, [at, 'gpt-5']);
    }
    const { deny, open } = commitAs(files);
    expect(deny.status).not.toBe(0);
    expect(deny.stderr).toMatch(/qwen\/qwen3-coder \(via codex\) is denied/);
    expect(open.status, open.stderr).toBe(0);
    expect(open.message).toContain('Assisted-by: codex:qwen/qwen3-coder\n');
  });

  it('past 64 rollouts written after it: the qwen sub-agent is read; an id the rollout merely quotes adds nothing', () => {
    const start = '2026-03-03T08:00:00.000Z';
    const parentPath = `${codexDayDir(start)}/rollout-2026-03-03T08-00-00-${PARENT}.jsonl`;
    const childPath = `${codexDayDir(start)}/rollout-2026-03-03T08-05-00-${CHILD}.jsonl`;
    const files: Record<string, string> = {
      'config.toml': 'model = "gpt-5"\n',
      // The parent's rollout also quotes another session's worker's id (a message, a file it read).
      [parentPath]: codexRollout({ id: PARENT, parent: null, start }, [start, 'gpt-5']) + spawnAgentLines(start, CHILD) + spawnAgentLines(start, STRANGER) + codexRollout({ id: PARENT, parent: null, start }, [LATER, 'gpt-5']).split('\n').slice(1).join('\n'),
      [childPath]: codexRollout({ id: CHILD, parent: PARENT, start }, [AFTER, 'qwen/qwen3-coder']),
      [`${codexDayDir(start)}/rollout-2026-03-03T08-06-00-${STRANGER}.jsonl`]: codexRollout({ id: STRANGER, parent: '019a3f34-0000-7000-8000-000000000001', start }, [AFTER, 'qwen/qwen3-coder-plus']),
    };
    for (let n = 0; n < 70; n += 1) {
      const id = `019a3f50-0000-7000-8000-${String(n).padStart(12, '0')}`;
      files[`${codexDayDir(start)}/rollout-2026-03-03T09-00-00-${id}.jsonl`] = codexRollout({ id, parent: null, start }, [AFTER, 'gpt-5']);
    }
    const { deny, open } = commitAs(files, (home) => {
      // The sub-agent's and the stranger's last lines a minute before the 70 others'.
      const minuteAgo = new Date(Date.now() - 60_000);
      utimesSync(join(home, childPath), minuteAgo, minuteAgo);
      utimesSync(join(home, `${codexDayDir(start)}/rollout-2026-03-03T08-06-00-${STRANGER}.jsonl`), minuteAgo, minuteAgo);
    });
    expect(deny.status).not.toBe(0);
    expect(deny.stderr).toMatch(/qwen\/qwen3-coder \(via codex\) is denied/);
    expect(open.status, open.stderr).toBe(0);
    expect(open.message).toContain('Assisted-by: codex:qwen/qwen3-coder\n');
    expect(open.message).not.toContain('qwen3-coder-plus');
  });

  it('a session with 17 sub-agents since the previous commit: the first one, on qwen, is read beside the 16 later ones', () => {
    const start = '2026-03-03T08:00:00.000Z';
    const dir = codexDayDir(start);
    const files: Record<string, string> = {
      'config.toml': 'model = "gpt-5"\n',
      [`${dir}/rollout-2026-03-03T08-00-00-${PARENT}.jsonl`]: codexRollout({ id: PARENT, parent: null, start }, [start, 'gpt-5'], [LATER, 'gpt-5']),
      [`${dir}/rollout-2026-03-03T08-05-00-${CHILD}.jsonl`]: codexRollout({ id: CHILD, parent: PARENT, start }, [AFTER, 'qwen/qwen3-coder']),
    };
    const later: string[] = [];
    for (let n = 0; n < 16; n += 1) {
      const id = `019a3f60-0000-7000-8000-${String(n).padStart(12, '0')}`;
      const path = `${dir}/rollout-2026-03-03T09-00-00-${id}.jsonl`;
      files[path] = codexRollout({ id, parent: PARENT, start }, [AFTER, 'gpt-5-mini']);
      later.push(path);
    }
    const { deny, open } = commitAs(files, (home) => {
      // The qwen worker ran first; the 16 others wrote after it.
      const minuteAgo = new Date(Date.now() - 60_000);
      utimesSync(join(home, `${dir}/rollout-2026-03-03T08-05-00-${CHILD}.jsonl`), minuteAgo, minuteAgo);
    });
    expect(later).toHaveLength(16);
    expect(deny.status).not.toBe(0);
    expect(deny.stderr).toMatch(/qwen\/qwen3-coder \(via codex\) is denied/);
    expect(open.status, open.stderr).toBe(0);
    expect(open.message).toContain('Assisted-by: codex:qwen/qwen3-coder\n');
  });
});

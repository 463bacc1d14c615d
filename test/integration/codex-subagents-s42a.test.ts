// Codex's sub-agents: Codex runs each sub-agent (`spawn_agent`; a custom agent's role file
// `~/.codex/agents/worker.toml` with `model = …`, or the tool call's own `model`) as a thread of its
// own, whose rollout records the model it ran on (`turn_context`) and names the thread that spawned
// it (`session_meta` `source.subagent.thread_spawn.parent_thread_id`). The sub-agent writes the code,
// the parent thread (gpt-5) commits: the hooks read the parent's rollout only (`CODEX_THREAD_ID`),
// so the commit recorded gpt-5 and passed `deny: ["qwen/*"]`. Committed for real through the
// installed hooks, from a process named after the agent.
import { describe, expect, it } from 'vitest';
import { homeWith, hookedCommittedAt } from '../helpers/agent-home.js';
import { codexRollout } from '../helpers/codex-rollout.js';
import { agentBin, runAgent } from '../helpers/fake-agent.js';
import { hookEnv } from '../helpers/hooks.js';

const PARENT = '019a3f2e-7b41-7c2d-9e8f-0a1b2c3d4e5f';
const CHILD = '019a3f30-1111-7222-8333-944455556666';
const GRANDCHILD = '019a3f31-aaaa-7bbb-8ccc-9dddeeeeffff';
const OTHER = '019a3f32-0000-7000-8000-900000000000';
const PREVIOUS = '2026-01-01T12:00:00Z';
const BEFORE = '2026-01-01T11:00:00.000Z';
const AFTER = '2026-01-01T12:30:00.000Z';
const LATER = '2026-01-01T13:00:00.000Z';
const DENY = 'policy:\n  deny: ["qwen/*"]\n';

/** A rollout of thread `id` (spawned by `parent`, when given) started at BEFORE, with one turn per `[time, model]`. */
function rollout(id: string, parent: string | null, ...turns: [string, string][]): string {
  return codexRollout({ id, parent, start: BEFORE, instructions: 'x'.repeat(20000) }, ...turns);
}

function codexEnv(rollouts: Record<string, string>): NodeJS.ProcessEnv {
  const files: Record<string, string> = { 'config.toml': 'model = "gpt-5"\n' };
  for (const [id, text] of Object.entries(rollouts)) files[`sessions/2026/01/01/rollout-2026-01-01T11-00-00-${id}.jsonl`] = text;
  return hookEnv({ HOME: homeWith(), CODEX_HOME: homeWith(files), CODEX_SANDBOX: 'seatbelt', CODEX_THREAD_ID: PARENT });
}

describe("the models of a Codex session's sub-agents", () => {
  it('a sub-agent on qwen wrote the code, the gpt-5 parent commits: qwen is recorded beside and deny qwen/* refuses it', () => {
    const env = codexEnv({ [PARENT]: rollout(PARENT, null, [AFTER, 'gpt-5'], [LATER, 'gpt-5']), [CHILD]: rollout(CHILD, PARENT, [AFTER, 'qwen/qwen3-coder']) });
    const refused = runAgent(hookedCommittedAt(DENY, PREVIOUS), agentBin('codex'), [], env);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via codex\) is denied/);
    expect(refused.stderr).toContain(`subagent rollout`);

    const recorded = runAgent(hookedCommittedAt('policy: {}\n', PREVIOUS), agentBin('codex'), [], env);
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: codex:openai/gpt-5\nAssisted-by: codex:qwen/qwen3-coder\n');
  });

  it("a sub-agent's own sub-agent (depth 2) counts too, listed in either order", () => {
    const env = codexEnv({
      [PARENT]: rollout(PARENT, null, [LATER, 'gpt-5']),
      [CHILD]: rollout(CHILD, PARENT, [AFTER, 'gpt-5-mini']),
      [GRANDCHILD]: rollout(GRANDCHILD, CHILD, [AFTER, 'qwen/qwen3-coder']),
    });
    const refused = runAgent(hookedCommittedAt(DENY, PREVIOUS), agentBin('codex'), [], env);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via codex\) is denied/);
  });

  it("another session's sub-agent, and a sub-agent whose turns all ran before the previous commit, are not this commit's", () => {
    const env = codexEnv({
      [PARENT]: rollout(PARENT, null, [LATER, 'gpt-5']),
      [CHILD]: rollout(CHILD, PARENT, [BEFORE, 'qwen/qwen3-coder']),
      [GRANDCHILD]: rollout(GRANDCHILD, OTHER, [AFTER, 'qwen/qwen3-coder']),
    });
    const passed = runAgent(hookedCommittedAt(DENY, PREVIOUS), agentBin('codex'), [], env);
    expect(passed.status, passed.stderr).toBe(0);
    expect(passed.message).toBe('feat: parser\n\nAssisted-by: codex:openai/gpt-5\n');
  });
});

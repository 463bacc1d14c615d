/**
 * Codex CLI session rollouts (`$CODEX_HOME/sessions/YYYY/MM/DD/rollout-…-<id>.jsonl`) as codex-rs
 * writes them: a `session_meta` line, then per turn a `turn_context` (the model it ran on) and a
 * `user_message` event.
 */

/** One rollout line: `{ timestamp, type, payload }`. */
function line(timestamp: string, type: string, payload: object): string {
  return `${JSON.stringify({ timestamp, type, payload })}\n`;
}

/**
 * A rollout of thread `id`, started at `start`, spawned by `parent` when given (codex-rs's
 * `session_meta.source.subagent.thread_spawn`), `instructions` (when given) as its base instructions
 * (codex-rs writes them after `source`), with one turn per `[time, model]`.
 */
export function codexRollout(thread: { id: string; parent: string | null; start: string; instructions?: string }, ...turns: [string, string][]): string {
  const { id, parent, start, instructions } = thread;
  const source = parent === null ? 'cli' : { subagent: { thread_spawn: { parent_thread_id: parent, depth: 1, agent_nickname: 'Euler', agent_role: 'worker' } } };
  return (
    line(start, 'session_meta', { id, timestamp: start, cwd: '/work/app', originator: 'codex_cli_rs', cli_version: '0.140.0', source, model_provider: 'openrouter', ...(instructions ? { base_instructions: { text: instructions } } : {}) }) +
    turns.map(([time, model]) => line(time, 'turn_context', { cwd: '/work/app', approval_policy: 'never', sandbox_policy: { type: 'workspace-write' }, model, summary: 'auto' }) + line(time, 'event_msg', { type: 'user_message', message: 'go' })).join('')
  );
}

/** `sessions/YYYY/MM/DD` of `iso`'s local day, as Codex names its day directories. */
export function codexDayDir(iso: string): string {
  const at = new Date(iso);
  const two = (value: number): string => String(value).padStart(2, '0');
  return `sessions/${at.getFullYear()}/${two(at.getMonth() + 1)}/${two(at.getDate())}`;
}

/** codex-rs's rollout lines for a `spawn_agent` call and its answer (a `function_call_output` whose text is the JSON result). */
export function spawnAgentLines(at: string, child: string): string {
  const call = { timestamp: at, type: 'response_item', payload: { type: 'function_call', name: 'spawn_agent', arguments: JSON.stringify({ message: 'do it', agent_type: 'worker' }), call_id: 'call_1' } };
  const output = { timestamp: at, type: 'response_item', payload: { type: 'function_call_output', call_id: 'call_1', output: JSON.stringify({ agent_id: child, nickname: 'Euler' }) } };
  return `${JSON.stringify(call)}\n${JSON.stringify(output)}\n`;
}

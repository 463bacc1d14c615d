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

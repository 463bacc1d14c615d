import type { AgentEvent } from '../types.js';
import { claudeCodeEvent } from './claude-code.js';
import { codexEvent } from './codex.js';
import { cursorEvent } from './cursor.js';
import { fields, type Fields } from './fields.js';
import { geminiCliEvent } from './gemini-cli.js';

/** Agents whose hook payloads `aitrail checkpoint` reads: slug → its reader and git-ai's `agent_id.tool`. */
export const CHECKPOINT_AGENTS: Record<string, { read: (payload: Fields) => AgentEvent | null; tool: string }> = {
  'claude-code': { read: claudeCodeEvent, tool: 'claude' },
  'gemini-cli': { read: geminiCliEvent, tool: 'gemini' },
  cursor: { read: cursorEvent, tool: 'cursor' },
  codex: { read: codexEvent, tool: 'codex' },
};

/**
 * The event in an agent's hook payload (JSON text), or null when it is about something else
 * (another tool, another event); an error for what is not a payload at all.
 */
export function readPayload(agent: string, json: string): { event: AgentEvent | null } | { error: string } {
  const reader = Object.hasOwn(CHECKPOINT_AGENTS, agent) ? CHECKPOINT_AGENTS[agent] : undefined;
  if (!reader) return { error: `unknown agent '${agent.slice(0, 40)}' (known: ${Object.keys(CHECKPOINT_AGENTS).join(', ')})` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { error: 'the hook payload on stdin is not JSON' };
  }
  const payload = fields(parsed);
  if (!payload) return { error: 'the hook payload on stdin is not a JSON object' };
  return { event: reader.read(payload) };
}

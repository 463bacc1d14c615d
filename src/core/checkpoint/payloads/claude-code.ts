import type { AgentEvent } from '../types.js';
import { baseInput, fields, text, textEdits, type Fields } from './fields.js';

/**
 * Claude Code hook input (https://code.claude.com/docs/en/hooks, "PreToolUse input" / "PostToolUse
 * input"): `session_id`, `transcript_path`, `cwd`, `hook_event_name`, `tool_name`, `tool_input`
 * (`tool_response` after). File tools: Write `{file_path, content}`, Edit `{file_path, old_string,
 * new_string, replace_all?}`, MultiEdit `{file_path, edits: [{old_string, new_string,
 * replace_all?}]}`, NotebookEdit `{notebook_path, new_source, …}`. No model in the payload: it is
 * read from the transcript; a tool a subagent calls adds `agent_id` (2.1.64+; `session_id` and
 * `transcript_path` stay the parent's), whose own transcript names its model (row 1138).
 * Other tools: null (nothing to record).
 */
export function claudeCodeEvent(payload: Fields): AgentEvent | null {
  const event = text(payload, 'hook_event_name');
  const phase = event === 'PreToolUse' ? 'pre' : event === 'PostToolUse' ? 'post' : null;
  const tool = text(payload, 'tool_name');
  if (!phase || !tool || !['Write', 'Edit', 'MultiEdit', 'NotebookEdit'].includes(tool)) return null;
  const input = fields(payload.tool_input);
  const path = text(input, tool === 'NotebookEdit' ? 'notebook_path' : 'file_path');
  if (!path) return null;
  const edit = tool === 'Edit' ? textEdits([input]) : null;
  const subagent = text(payload, 'agent_id');
  return {
    phase,
    tool,
    paths: [path],
    ...baseInput(payload),
    ...(subagent === null ? {} : { subagent }),
    edits: tool === 'MultiEdit' ? textEdits(input?.edits) : edit,
    wholeFile: tool === 'Write',
  };
}

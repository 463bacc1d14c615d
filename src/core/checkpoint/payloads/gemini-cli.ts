import type { AgentEvent } from '../types.js';
import { baseInput, fields, text, type Fields } from './fields.js';

/**
 * Gemini CLI hook input (google-gemini/gemini-cli docs/hooks/reference.md, "Base input schema",
 * `BeforeTool` / `AfterTool`): `session_id`, `transcript_path`, `cwd`, `hook_event_name`,
 * `timestamp`, `tool_name`, `tool_input` (the model's arguments), `tool_response` after. File
 * tools: `write_file {file_path, content}`, `replace {file_path, old_string, new_string,
 * expected_replacements?}`. No model in the payload: it is read from the transcript.
 */
export function geminiCliEvent(payload: Fields): AgentEvent | null {
  const event = text(payload, 'hook_event_name');
  const phase = event === 'BeforeTool' ? 'pre' : event === 'AfterTool' ? 'post' : null;
  const tool = text(payload, 'tool_name');
  if (!phase || !tool || !['write_file', 'replace'].includes(tool)) return null;
  const input = fields(payload.tool_input);
  const path = text(input, 'file_path', 'absolute_path');
  if (!path) return null;
  const old = text(input, 'old_string');
  const replacement = text(input, 'new_string');
  const count = input?.expected_replacements;
  return {
    phase,
    tool,
    paths: [path],
    ...baseInput(payload),
    edits: tool === 'replace' && old !== null && replacement !== null ? [{ old, new: replacement, all: typeof count === 'number' && count > 1 }] : null,
    wholeFile: tool === 'write_file',
  };
}

import type { AgentEvent } from '../types.js';
import { fields, text, textEdits, type Fields } from './fields.js';

/**
 * Cursor hook input (https://cursor.com/docs/agent/hooks; `.cursor/hooks.json`): common fields
 * `conversation_id`, `generation_id`, `model`, `hook_event_name`, `cursor_version`,
 * `workspace_roots`, `user_email`, `transcript_path`. `afterFileEdit` adds `file_path` (absolute)
 * and `edits: [{old_string, new_string}]`. `preToolUse` / `postToolUse` (file tools Write,
 * StrReplace, Delete, Edit) name the file in `tool_input.file_path` or `.path`.
 */
export function cursorEvent(payload: Fields): AgentEvent | null {
  const event = text(payload, 'hook_event_name');
  const roots = Array.isArray(payload.workspace_roots) ? payload.workspace_roots.filter((root): root is string => typeof root === 'string') : [];
  // Multi-root workspaces: the root holding the file is its project.
  const rootOf = (path: string) => roots.find((root) => path.startsWith(root.endsWith('/') ? root : `${root}/`)) ?? roots[0] ?? null;
  const common = { session: text(payload, 'conversation_id'), model: text(payload, 'model'), transcriptPath: text(payload, 'transcript_path') };
  if (event === 'afterFileEdit') {
    const path = text(payload, 'file_path');
    return path ? { phase: 'post', tool: 'afterFileEdit', paths: [path], cwd: rootOf(path), ...common, edits: textEdits(payload.edits), wholeFile: false } : null;
  }
  const phase = event === 'preToolUse' ? 'pre' : event === 'postToolUse' ? 'post' : null;
  const tool = text(payload, 'tool_name');
  if (!phase || !tool || !['Write', 'StrReplace', 'Delete', 'Edit'].includes(tool)) return null;
  const path = text(fields(payload.tool_input), 'file_path', 'path');
  return path ? { phase, tool, paths: [path], cwd: rootOf(path), ...common, edits: null, wholeFile: tool === 'Write' } : null;
}

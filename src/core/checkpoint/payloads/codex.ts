import type { AgentEvent } from '../types.js';
import { fields, text, type Fields } from './fields.js';

const MAX_PATHS = 200;
const FILE_LINE = /^\*\*\* (?:Add|Update|Delete) File: (.+)$|^\*\*\* Move to: (.+)$/gm;

/** The files an apply_patch envelope touches (`*** Add File: p`, `*** Update File: p`, `*** Delete File: p`, `*** Move to: p`), in any string of the input. */
function patchPaths(value: unknown, found: Set<string>, depth = 0): void {
  if (typeof value === 'string') {
    for (const match of value.matchAll(FILE_LINE)) {
      if (found.size >= MAX_PATHS) return;
      found.add((match[1] ?? match[2] ?? '').trim());
    }
  } else if (depth < 4 && typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) patchPaths(item, found, depth + 1);
  }
}

/**
 * Codex hook input (`.codex/hooks.json`, the Claude Code shape; git-ai's codex preset reads the
 * same): `session_id` (or `thread_id`), `cwd`, `hook_event_name` `PreToolUse` / `PostToolUse`,
 * `tool_name`, `tool_input`, `model`, `transcript_path`. File edits go through `apply_patch`,
 * whose envelope names each file; Write/Edit-style tools name `file_path`.
 */
export function codexEvent(payload: Fields): AgentEvent | null {
  const event = text(payload, 'hook_event_name');
  const phase = event === 'PreToolUse' ? 'pre' : event === 'PostToolUse' ? 'post' : null;
  const tool = text(payload, 'tool_name');
  if (!phase || !tool) return null;
  const input = payload.tool_input;
  const found = new Set<string>();
  const direct = text(fields(input), 'file_path');
  if (direct) found.add(direct);
  else if (/^(apply_patch|ApplyPatch|apply-patch)$/.test(tool)) patchPaths(input, found);
  const paths = [...found].filter((path) => path.length > 0);
  if (paths.length === 0) return null;
  return { phase, tool, paths, cwd: text(payload, 'cwd'), session: text(payload, 'session_id', 'thread_id'), model: text(payload, 'model'), transcriptPath: text(payload, 'transcript_path'), edits: null, wholeFile: false };
}

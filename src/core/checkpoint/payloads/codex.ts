import type { AgentEvent } from '../types.js';
import { fields, text, type Fields } from './fields.js';

const MAX_PATHS = 200;
const FILE_LINE = /^\*\*\* (Add|Update|Delete) File: (.+)$|^\*\*\* Move to: (.+)$/gm;

type Move = { from: string; to: string };

/**
 * The files an apply_patch envelope touches (`*** Add File: p`, `*** Update File: p`, `*** Delete
 * File: p`, `*** Move to: p`), in any string of the input, and its renames: a `*** Move to: q`
 * under `*** Update File: p` (openai/codex codex-rs/apply-patch, apply_patch_tool_instructions.md)
 * moves p to q with the hunks applied.
 */
function patchPaths(value: unknown, found: Set<string>, moves: Move[], depth = 0): void {
  if (typeof value === 'string') {
    let updated: string | null = null;
    for (const match of value.matchAll(FILE_LINE)) {
      if (found.size >= MAX_PATHS) return;
      const path = (match[2] ?? match[3] ?? '').trim();
      found.add(path);
      if (match[3] !== undefined && updated !== null && path !== '') moves.push({ from: updated, to: path });
      updated = match[1] === 'Update' ? path : null;
    }
  } else if (depth < 4 && typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) patchPaths(item, found, moves, depth + 1);
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
  const moves: Move[] = [];
  const direct = text(fields(input), 'file_path');
  if (direct) found.add(direct);
  else if (/^(apply_patch|ApplyPatch|apply-patch)$/.test(tool)) patchPaths(input, found, moves);
  const paths = [...found].filter((path) => path.length > 0);
  if (paths.length === 0) return null;
  return { phase, tool, paths, moves, cwd: text(payload, 'cwd'), session: text(payload, 'session_id', 'thread_id'), model: text(payload, 'model'), transcriptPath: text(payload, 'transcript_path'), edits: null, wholeFile: false };
}

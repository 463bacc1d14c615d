import type { AgentEvent, TextEdit } from '../types.js';

/** Reading one hook payload: JSON from an agent, every field optional and of any type until checked. */
export type Fields = Record<string, unknown>;

export function fields(value: unknown): Fields | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : null;
}

/** A string field (the first of `names` that is one), or null. */
export function text(object: Fields | null, ...names: string[]): string | null {
  for (const name of names) {
    const value = object?.[name];
    if (typeof value === 'string') return value;
  }
  return null;
}

/** `{old_string, new_string[, replace_all]}` objects as edits; null when any is not one. */
export function textEdits(value: unknown): TextEdit[] | null {
  if (!Array.isArray(value)) return null;
  const edits: TextEdit[] = [];
  for (const item of value) {
    const edit = fields(item);
    const old = text(edit, 'old_string');
    const replacement = text(edit, 'new_string');
    if (old === null || replacement === null) return null;
    edits.push({ old, new: replacement, all: edit?.replace_all === true });
  }
  return edits;
}

/**
 * The fields of the hook input Claude Code and Gemini CLI share (`session_id`, `transcript_path`,
 * `cwd`): neither carries the model, which is read from the transcript.
 */
export function baseInput(payload: Fields): Pick<AgentEvent, 'cwd' | 'session' | 'model' | 'transcriptPath'> {
  return { cwd: text(payload, 'cwd'), session: text(payload, 'session_id'), model: null, transcriptPath: text(payload, 'transcript_path') };
}

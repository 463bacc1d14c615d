import { transcriptModel } from '../checkpoint/transcript-model.js';
import { readUnlinkedJson } from '../io/read-regular-file.js';
import { answerModel, type SessionRecords } from './session-window.js';

/** Gemini CLI's chat recording (JSONL, 0.3x): each `gemini` message's `model` (written after its content: a line too long to parse names none). */
export const GEMINI_RECORDING: SessionRecords = {
  marker: Buffer.from('"model"'),
  model: (record) => (record.type === 'gemini' ? answerModel(record.model) : null),
};

/**
 * The model of the last `gemini` message of Gemini CLI's recording: a JSONL one (0.3x) read backwards
 * ({@link transcriptModel}); one JSON document (`session-*.json`, before 0.3x; or a file whose lines
 * name none) parsed whole when at most `furthest` bytes (else none): its `messages`' own `model`
 * keys only, never a tool call's argument or result (row s54q-1). A regular file only, never through a link.
 */
export function geminiRecordingModel(path: string | null, furthest: number, flags: number): string | null {
  if (!path) return null;
  // JSONL first (a document's lines are no records); a document by its name, or when no record names a model.
  const recorded = path.endsWith('.json') ? null : transcriptModel(path, GEMINI_RECORDING, furthest, flags);
  return recorded ?? documentModel(path, furthest);
}

/** The last `gemini` message's own `model` of a recording that is one JSON document of at most `furthest` bytes, or null. */
function documentModel(path: string, furthest: number): string | null {
  const messages = (readUnlinkedJson(path, furthest) as { messages?: unknown } | null | undefined)?.messages;
  if (!Array.isArray(messages)) return null;
  for (let at = messages.length - 1; at >= 0; at--) {
    const message: unknown = messages[at];
    if (message === null || typeof message !== 'object') continue;
    const { type, model } = message as { type?: unknown; model?: unknown };
    const name = type === 'gemini' ? answerModel(model) : null;
    if (name !== null) return name;
  }
  return null;
}

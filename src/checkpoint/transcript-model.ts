import { lastRecordModel, type SessionRecords } from '../agent-settings/session-window.js';

/** How far back the model is looked for (one line of a Write of a big file, or megabytes of tool output after the last answer). */
const FURTHEST = 16 * 1024 * 1024;
/** A line past this is not parsed: its model read from its head, as the agent's format allows. */
const MAX_LINE = 1024 * 1024;

/**
 * The model of the last record of an agent's transcript (JSONL) that names one as `records` defines
 * it (Claude Code: an assistant line's `message.model`; Gemini CLI: a `gemini` record's own `model`;
 * Qwen Code: an `assistant` record's `model`; Codex: a `turn_context`'s `payload.model`), names such
 * as `<synthetic>` skipped: a `"model"` key in a tool's input, a tool's result or a file the agent
 * read is none (row 1150). Read backwards from the end, at most `furthest` bytes, a regular file
 * only (a FIFO or device is never read); `flags` (`O_NOFOLLOW`) are added to the open. Null when none is found.
 */
export function transcriptModel(path: string | null, records: SessionRecords, furthest = FURTHEST, flags = 0): string | null {
  if (!path) return null;
  return lastRecordModel(path, records, { furthest, maxLine: MAX_LINE, flags });
}

import { closeSync } from 'node:fs';
import { openRegularFile, readBytes } from '../io/read-regular-file.js';
import { isAbsolute } from 'node:path';

/** How far back the model is looked for: the tail first; then, when the tail names none (one long line, e.g. a Write of a big file: the model sits at its start), further back. */
const WINDOWS = [256 * 1024, 16 * 1024 * 1024];
const MODEL = /"model"\s*:\s*"([^"\\]{1,120})"/g;

/** The last model named in `text`, names such as `<synthetic>` skipped. */
function lastModel(text: string): string | null {
  let found: string | null = null;
  for (const match of text.matchAll(MODEL)) {
    if (!match[1]!.startsWith('<')) found = match[1]!;
  }
  return found;
}

/**
 * The model named last in the tail of an agent's transcript (Claude Code's JSONL: assistant
 * lines carry `message.model` before their content; Gemini CLI's session JSON: `model` on its
 * messages): the last 256 KB of a regular file (a FIFO or device is never read), else the last
 * 16 MB, names such as `<synthetic>` skipped. Null when none is found.
 */
export function transcriptModel(path: string | null): string | null {
  if (!path || !isAbsolute(path)) return null;
  const opened = openRegularFile(path);
  if (!opened) return null;
  try {
    for (const window of WINDOWS) {
      const length = Math.min(opened.size, window);
      const found = lastModel(readBytes(opened.fd, length, opened.size - length).toString('utf8'));
      if (found !== null || length === opened.size) return found;
    }
    return null;
  } catch {
    return null;
  } finally {
    closeSync(opened.fd);
  }
}

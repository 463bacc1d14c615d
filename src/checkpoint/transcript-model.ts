import { closeSync } from 'node:fs';
import { openRegularFile, readBytes } from '../io/read-regular-file.js';
import { isAbsolute } from 'node:path';

const TAIL_BYTES = 256 * 1024;
const MODEL = /"model"\s*:\s*"([^"\\]{1,120})"/g;

/**
 * The model named last in the tail of an agent's transcript (Claude Code's JSONL: assistant
 * lines carry `message.model`; Gemini CLI's session JSON: `model` on its messages): at most the
 * last 256 KB of a regular file (a FIFO or device is never read), names such as `<synthetic>`
 * skipped. Null when none is found.
 */
export function transcriptModel(path: string | null): string | null {
  if (!path || !isAbsolute(path)) return null;
  const opened = openRegularFile(path);
  if (!opened) return null;
  try {
    const length = Math.min(opened.size, TAIL_BYTES);
    let found: string | null = null;
    for (const match of readBytes(opened.fd, length, opened.size - length).toString('utf8').matchAll(MODEL)) {
      if (!match[1]!.startsWith('<')) found = match[1]!;
    }
    return found;
  } catch {
    return null;
  } finally {
    closeSync(opened.fd);
  }
}

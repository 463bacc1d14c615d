import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
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
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return null;
    const length = Math.min(stat.size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    const read = readSync(fd, buffer, 0, length, stat.size - length);
    let found: string | null = null;
    for (const match of buffer.subarray(0, read).toString('utf8').matchAll(MODEL)) {
      if (!match[1]!.startsWith('<')) found = match[1]!;
    }
    return found;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

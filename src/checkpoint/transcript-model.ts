import { closeSync } from 'node:fs';
import { openRegularFile, readBytes } from '../io/read-regular-file.js';
import { isAbsolute } from 'node:path';

/** How far back the model is looked for: the tail first; then, when the tail names none (one long line, e.g. a Write of a big file: the model sits at its start), further back. */
const TAIL = 256 * 1024;
const FURTHEST = 16 * 1024 * 1024;
const KEY = Buffer.from('"model"');
/** A `"model": "<name>"` at the start of a slice; the slice is long enough for any name read. */
const MODEL_AT = /^"model"\s*:\s*"([^"\\]{1,120})"/;
const SLICE = 192;

/**
 * The last model named in `bytes`, names such as `<synthetic>` skipped: searched backwards for the
 * key's bytes (native, no decoding of megabytes into a string), each candidate read in a short slice.
 */
function lastModel(bytes: Buffer): string | null {
  for (let at = bytes.lastIndexOf(KEY); at >= 0; at = at === 0 ? -1 : bytes.lastIndexOf(KEY, at - 1)) {
    const name = MODEL_AT.exec(bytes.subarray(at, at + SLICE).toString('utf8'))?.[1];
    if (name !== undefined && !name.startsWith('<')) return name;
  }
  return null;
}

/**
 * The model named last in the tail of an agent's transcript (Claude Code's JSONL: assistant
 * lines carry `message.model` before their content; Gemini CLI's session JSON: `model` on its
 * messages): the last 256 KB of a regular file (a FIFO or device is never read), else the last
 * 16 MB (`furthest`), names such as `<synthetic>` skipped. Null when none is found. `flags`
 * (`O_NOFOLLOW`) are added to the open: a link in place of the file is then not read.
 */
export function transcriptModel(path: string | null, furthest = FURTHEST, flags = 0): string | null {
  if (!path || !isAbsolute(path)) return null;
  const opened = openRegularFile(path, flags);
  if (!opened) return null;
  try {
    const tail = Math.min(opened.size, TAIL);
    const found = lastModel(readBytes(opened.fd, tail, opened.size - tail));
    if (found !== null || tail === opened.size) return found;
    // Further back, only what the tail left unread (and a slice into it, for a name the tail's start cut).
    const start = Math.max(0, opened.size - Math.max(furthest, tail));
    const end = Math.min(opened.size, opened.size - tail + SLICE);
    return lastModel(readBytes(opened.fd, end - start, start));
  } catch {
    return null;
  } finally {
    closeSync(opened.fd);
  }
}

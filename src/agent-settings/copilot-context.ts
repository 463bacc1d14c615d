import { closeSync, constants } from 'node:fs';
import { openRegularFile, readBytes } from '../io/read-regular-file.js';
import { valueAt } from './parse-settings.js';

/** The end read first, then (no event that places the session there) further back. */
const TAIL = 256 * 1024;
const FURTHEST = 16 * 1024 * 1024;
/** An event line longer than this (a tool's output) is not parsed: no context event is. */
const MAX_LINE = 1024 * 1024;

/**
 * The events that say where a session runs: its start and each resume (`data.context`), and each
 * change of its working directory (`session.context_changed`, whose `data` is the new context:
 * github/copilot-sdk `session-events.schema.json`, "Updated working directory and git context after
 * the change", which Copilot CLI's `/cwd` makes). A type's quotes inside a string are escaped, so
 * these bytes with both quotes are only ever an event's own type (or a value, read and checked).
 */
const PLACES = ['"session.context_changed"', '"session.resume"', '"session.start"'].map((type) => Buffer.from(type));

/** The start of the last of {@link PLACES} in `bytes` before `end`, or -1. */
function lastPlace(bytes: Buffer, end: number): number {
  return Math.max(...PLACES.map((marker) => (end < 0 ? -1 : bytes.lastIndexOf(marker, end))));
}

/** The directories an event names (not yet checked), and whether each is the working directory (else the git root). */
export type Place = { dir: unknown; cwd: boolean }[];

/**
 * The working directory and git root of the last `session.context_changed` in `bytes` (which start
 * `start` bytes into the file) when no start or resume comes after it; `'start'` when one does; null
 * when none is read whole.
 */
function lastChange(bytes: Buffer, start: number): Place | 'start' | null {
  for (let at = lastPlace(bytes, bytes.length); at >= 0; at = lastPlace(bytes, at - 1)) {
    const newline = at === 0 ? -1 : bytes.lastIndexOf(0x0a, at - 1);
    // A line cut by the read's start is not judged on its end.
    if (newline < 0 && start > 0) return null;
    const end = bytes.indexOf(0x0a, at);
    const line = bytes.subarray(newline + 1, end < 0 ? bytes.length : end);
    if (line.length > MAX_LINE) continue;
    let record: unknown;
    try {
      record = JSON.parse(line.toString('utf8'));
    } catch {
      continue;
    }
    const type = valueAt(record, 'type');
    if (type === 'session.start' || type === 'session.resume') return 'start';
    if (type !== 'session.context_changed') continue;
    return [
      { dir: valueAt(record, 'data', 'cwd'), cwd: true },
      { dir: valueAt(record, 'data', 'gitRoot'), cwd: false },
    ];
  }
  return null;
}

/**
 * Where a Copilot CLI session runs now when its working directory changed after it started or
 * resumed (`/cwd`): the `cwd` and `gitRoot` of its events file's last `session.context_changed`
 * that no `session.start` or `session.resume` follows, read from the file's end (its last 256 KB,
 * then its last 16 MB); null when the last such event is a start or resume, or none is read (the
 * session runs where it started or resumed). A regular file only, never through a link.
 */
export function changedPlace(path: string): Place | null {
  const opened = openRegularFile(path, constants.O_NOFOLLOW);
  if (!opened) return null;
  try {
    const tail = Math.min(opened.size, TAIL);
    const found = lastChange(readBytes(opened.fd, tail, opened.size - tail), opened.size - tail);
    if (found !== null || tail === opened.size) return found === 'start' ? null : found;
    const start = Math.max(0, opened.size - FURTHEST);
    // Up to the tail's first line end, so a line the tail's start cut is read whole.
    const end = Math.min(opened.size, opened.size - tail + MAX_LINE);
    const further = lastChange(readBytes(opened.fd, end - start, start), start);
    return further === 'start' ? null : further;
  } catch {
    return null;
  } finally {
    closeSync(opened.fd);
  }
}

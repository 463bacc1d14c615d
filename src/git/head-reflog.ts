import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';

/** The newest entry of a worktree's HEAD reflog: the commit HEAD moved to and git's message for the move. */
export interface ReflogEntry {
  newOid: string;
  message: string;
}

/** How much of the reflog's end is read: one entry is two ids, an identity, a date and a subject. */
const TAIL_BYTES = 8192;

/**
 * The last entry of `<git dir>/logs/HEAD` (the worktree's own), read from the file's end without
 * git, or null: no reflog (core.logAllRefUpdates=false, a bare repository), an entry longer than
 * the tail read, or a line that is not `<old> <new> <ident> <time> <zone>\t<message>`.
 */
export function lastHeadReflogEntry(gitDir: string): ReflogEntry | null {
  let fd: number;
  try {
    fd = openSync(join(gitDir, 'logs', 'HEAD'), 'r');
  } catch {
    return null;
  }
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, TAIL_BYTES);
    const tail = Buffer.alloc(length);
    if (readSync(fd, tail, 0, length, size - length) !== length) return null;
    const text = tail.toString('utf8');
    if (!text.endsWith('\n')) return null;
    const start = text.lastIndexOf('\n', text.length - 2) + 1;
    // A whole line only: its start is the file's start or follows a line feed inside the tail.
    if (start === 0 && length < size) return null;
    const line = text.slice(start, -1);
    const match = /^([0-9a-f]{40,64}) ([0-9a-f]{40,64}) [^\t\n]* \d+ [+-]\d{4}\t(.*)$/.exec(line);
    return match ? { newOid: match[2]!, message: match[3]! } : null;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

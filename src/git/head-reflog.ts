import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';

/** The newest entry of a worktree's HEAD reflog: the commit HEAD moved to and git's message for the move. */
export interface ReflogEntry {
  /** The commit HEAD moved from (all zeros for the first entry). */
  oldOid: string;
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
  return lastHeadReflogEntries(gitDir, 1)[0] ?? null;
}

/**
 * The last `count` entries of the worktree's HEAD reflog, oldest first, read from the file's end
 * (lastHeadReflogEntry's rules): fewer when the reflog holds fewer, or when one of them cannot be
 * read whole (a line longer than the tail, or one with no message: `git update-ref` without `-m`
 * writes no tab): then only the entries after it. (Before row 962 none at all: such a line
 * among the last 21 cut row 931's carry of a reset just before the commit.)
 */
export function lastHeadReflogEntries(gitDir: string, count: number): ReflogEntry[] {
  let fd: number;
  try {
    fd = openSync(join(gitDir, 'logs', 'HEAD'), 'r');
  } catch {
    return [];
  }
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, TAIL_BYTES * count);
    const tail = Buffer.alloc(length);
    if (readSync(fd, tail, 0, length, size - length) !== length) return [];
    const text = tail.toString('utf8');
    if (!text.endsWith('\n')) return [];
    const entries: ReflogEntry[] = [];
    let end = text.length - 1;
    while (entries.length < count && end > 0) {
      const start = text.lastIndexOf('\n', end - 1) + 1;
      // A whole line only: its start is the file's start or follows a line feed inside the tail.
      if (start === 0 && length < size) break;
      const match = /^([0-9a-f]{40,64}) ([0-9a-f]{40,64}) [^\t\n]* \d+ [+-]\d{4}\t(.*)$/.exec(text.slice(start, end));
      if (!match) break;
      entries.unshift({ oldOid: match[1]!, newOid: match[2]!, message: match[3]! });
      end = start - 1;
    }
    return entries;
  } catch {
    return [];
  } finally {
    closeSync(fd);
  }
}

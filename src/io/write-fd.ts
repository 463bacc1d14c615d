import { writeSync } from 'node:fs';

/** How long a write waits, in all, for the reader of a full non-blocking pipe. */
const MAX_WAIT_MS = 10_000;
let sleeper: Int32Array | undefined;

/**
 * Write `text` to stdout (1) or stderr (2) at once through the file descriptor: what a hook or
 * `aitrail checkpoint` prints, without process.stdout/stderr, whose first use builds a stream over
 * the terminal or pipe (node's tty, net and stream modules: ~4-5 ms of a hook that prints one
 * warning line). Synchronous to the end, so nothing is left pending when the run ends (bin exits
 * at once after a hook that succeeded): a full non-blocking pipe is waited for (5 ms at a time, 10
 * s in all, or as long as its reader lives when `patient`: a report nothing may be cut from); a
 * descriptor that is closed gets nothing (there is nobody to tell). False when not all was written.
 */
export function writeFd(fd: 1 | 2, text: string, options: { patient?: boolean } = {}): boolean {
  const data = Buffer.from(text, 'utf8');
  let at = 0;
  let waited = 0;
  while (at < data.length) {
    try {
      at += writeSync(fd, data, at);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN' || (waited >= MAX_WAIT_MS && options.patient !== true)) return false;
      sleeper ??= new Int32Array(new SharedArrayBuffer(4));
      Atomics.wait(sleeper, 0, 0, 5);
      waited += 5;
    }
  }
  return true;
}

/** writeFd(2, text). */
export function writeStderr(text: string): void {
  writeFd(2, text);
}

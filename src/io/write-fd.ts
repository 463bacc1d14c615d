import { writeSync } from 'node:fs';

/**
 * Write `text` to stdout (1) or stderr (2) at once through the file descriptor: what a hook or
 * `aitrail checkpoint` prints, without process.stdout/stderr, whose first use builds a stream over
 * the terminal or pipe (node's tty, net and stream modules: ~4-5 ms of a hook that prints one
 * warning line). A descriptor that would block (a full non-blocking pipe) gets the rest through the
 * stream; one that is closed gets nothing (there is nobody to tell).
 */
export function writeFd(fd: 1 | 2, text: string): void {
  const data = Buffer.from(text, 'utf8');
  let at = 0;
  try {
    while (at < data.length) at += writeSync(fd, data, at);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') return;
    (fd === 1 ? process.stdout : process.stderr).write(data.subarray(at));
  }
}

/** writeFd(2, text). */
export function writeStderr(text: string): void {
  writeFd(2, text);
}

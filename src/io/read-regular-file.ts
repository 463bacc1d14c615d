import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/**
 * The text of `path` when it is a regular file (links followed) of at most `limit` bytes, else null
 * (also when it is missing or unreadable). Never blocks and never reads past the size it was
 * opened at: a repository's `package.json -> /dev/zero` would fill the heap, a link to a FIFO or
 * to `/dev/stdin` would wait forever.
 */
export function readRegularFile(path: string, limit: number): string | null {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > limit) return null;
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < buffer.length) {
      const got = readSync(fd, buffer, read, buffer.length - read, read);
      if (got === 0) break;
      read += got;
    }
    return buffer.subarray(0, read).toString('utf8');
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

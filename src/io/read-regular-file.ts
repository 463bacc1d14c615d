import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/**
 * `path` opened for reading without ever blocking (a FIFO is not waited on), when it is a regular
 * file (links followed, unless `flags` holds O_NOFOLLOW): its descriptor and size; null otherwise
 * (missing, unreadable, a FIFO, a device, a directory). The caller closes the descriptor.
 */
export function openRegularFile(path: string, flags = 0): { fd: number; size: number } | null {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | flags);
  } catch {
    return null;
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isFile()) return { fd, size: stat.size };
  } catch {
    // unreadable: as if missing
  }
  closeSync(fd);
  return null;
}

/** `length` bytes of `fd` from `position` (fewer when the file is shorter now): never past the size the caller saw. */
export function readBytes(fd: number, length: number, position = 0): Buffer {
  const buffer = Buffer.alloc(length);
  let read = 0;
  while (read < length) {
    const got = readSync(fd, buffer, read, length - read, position + read);
    if (got === 0) break;
    read += got;
  }
  return buffer.subarray(0, read);
}

/**
 * The text of `path` when it is a regular file (links followed) of at most `limit` bytes, else null
 * (also when it is missing or unreadable). Never blocks and never reads past the size it was
 * opened at: a repository's `package.json -> /dev/zero` would fill the heap, a link to a FIFO or
 * to `/dev/stdin` would wait forever.
 */
export function readRegularFile(path: string, limit: number): string | null;
/** As {@link readRegularFile}, `tooLarge` for a regular file past `limit` (an agent's settings file it reads whole: row 938). */
export function readRegularFile<T>(path: string, limit: number, tooLarge: T): string | null | T;
export function readRegularFile(path: string, limit: number, tooLarge: unknown = null): unknown {
  const opened = openRegularFile(path);
  if (!opened) return null;
  try {
    return opened.size > limit ? tooLarge : readBytes(opened.fd, opened.size).toString('utf8');
  } catch {
    return null;
  } finally {
    closeSync(opened.fd);
  }
}

/**
 * The first `bytes` bytes of `path` as text when it is a regular file (links followed) of any size,
 * else null: for a file whose head is all that is read (an agent file's frontmatter), so padding its
 * body does not hide it. Never blocks, as {@link readRegularFile}.
 */
export function readRegularFileHead(path: string, bytes: number): string | null {
  const opened = openRegularFile(path);
  if (!opened) return null;
  try {
    return readBytes(opened.fd, Math.min(opened.size, bytes)).toString('utf8');
  } catch {
    return null;
  } finally {
    closeSync(opened.fd);
  }
}

/**
 * The JSON of `path` when it is a regular file of at most `limit` bytes, never through a link
 * (O_NOFOLLOW: an agent's record of the person's own, read as it lies); undefined otherwise, or
 * when it does not parse.
 */
export function readUnlinkedJson(path: string, limit: number): unknown {
  const opened = openRegularFile(path, constants.O_NOFOLLOW);
  if (!opened) return undefined;
  try {
    return opened.size > limit ? undefined : (JSON.parse(readBytes(opened.fd, opened.size).toString('utf8')) as unknown);
  } catch {
    return undefined;
  } finally {
    closeSync(opened.fd);
  }
}

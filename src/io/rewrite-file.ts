import { closeSync, ftruncateSync, openSync, writeSync } from 'node:fs';

/**
 * Replace the content of `path` (made when missing) without first truncating it to nothing: opened
 * for update, the new bytes written from the start, then cut to their length. ext4 (auto_da_alloc)
 * flushes a file truncated to zero and written again to disk before the next open: git has just
 * written the message file a hook rewrites, and `writeFileSync` (O_TRUNC) then cost each AI commit's
 * prepare-commit-msg ~1-3 ms of waiting. A crash midway leaves the new text first and, when it is
 * shorter, part of the old after it; never an empty file.
 */
export function rewriteFile(path: string, data: Buffer | string): void {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  let fd: number;
  try {
    fd = openSync(path, 'r+');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    fd = openSync(path, 'w');
  }
  try {
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at, at);
    ftruncateSync(fd, bytes.length);
  } finally {
    closeSync(fd);
  }
}

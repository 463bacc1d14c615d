import { readSync } from 'node:fs';

/**
 * stdin, whole, or null past `limit` bytes (the rest is drained, so the writer never blocks
 * writing it). Read with readSync on fd 0: no stream machinery to load on every agent edit or
 * push hook (node's net and the streams, ~5 ms); a non-blocking stdin (EAGAIN) falls back to the
 * stream for the rest.
 */
export async function readStdin(limit = Number.POSITIVE_INFINITY): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  const take = (chunk: Buffer) => {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  };
  const buffer = Buffer.alloc(1 << 16);
  let streamed = false;
  for (;;) {
    let read: number;
    try {
      read = readSync(0, buffer, 0, buffer.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') streamed = true;
      else if ((error as NodeJS.ErrnoException).code !== 'EOF') throw error;
      break;
    }
    if (read === 0) break;
    take(Buffer.from(buffer.subarray(0, read)));
  }
  if (streamed) for await (const chunk of process.stdin) take(chunk as Buffer);
  return size > limit ? null : Buffer.concat(chunks).toString('utf8');
}

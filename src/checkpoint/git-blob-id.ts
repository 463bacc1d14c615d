import { createHash } from 'node:crypto';

/** The git blob id (SHA-1 object format) of `bytes`: what `git hash-object` prints for a file holding them. */
export function gitBlobId(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

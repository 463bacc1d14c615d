import { runGitRaw, type ObjectView } from './exec.js';

/** A file at a revision: its blob id and bytes; null when the revision has no blob there. */
export type RevisionBlob = { oid: string; content: Buffer } | null;

/**
 * The blobs named `<rev>:<path>` (or any object name), read with ONE `git cat-file --batch`, in
 * the order asked. A name that resolves to nothing, or to something that is not a blob, is null.
 * Names holding a line break cannot be asked (the batch protocol is line-based): TypeError.
 */
export async function readRevisionBlobs(cwd: string, names: readonly string[], view: ObjectView = {}): Promise<RevisionBlob[]> {
  if (names.length === 0) return [];
  for (const name of names) if (/[\n\r]/.test(name)) throw new TypeError(`an object name cannot hold a line break: ${JSON.stringify(name.slice(0, 80))}`);
  const out = await runGitRaw(['cat-file', '--batch'], { cwd, input: `${names.join('\n')}\n`, ...view });
  const blobs: RevisionBlob[] = [];
  let at = 0;
  for (let index = 0; index < names.length; index += 1) {
    const newline = out.indexOf(10, at);
    if (newline === -1) break;
    const header = out.subarray(at, newline).toString('utf8');
    at = newline + 1;
    const match = /^([0-9a-f]{40,64}) ([a-z]+) (\d+)$/.exec(header);
    if (!match) {
      blobs.push(null);
      continue;
    }
    const size = Number(match[3]);
    blobs.push(match[2] === 'blob' ? { oid: match[1]!, content: out.subarray(at, at + size) } : null);
    at += size + 1;
  }
  while (blobs.length < names.length) blobs.push(null);
  return blobs;
}

import { runGitRaw, type ObjectView } from './exec.js';

/** A file at a revision: its blob id and bytes; null when the revision has no blob there. */
export type RevisionBlob = { oid: string; content: Buffer } | null;

/** An object named `<rev>`, `<rev>:<path>`…: its id, type and bytes; null when the name resolves to nothing. */
export type RevisionObject = { oid: string; type: string; content: Buffer } | null;

/**
 * The objects named (any object name: `HEAD^{commit}`, `<rev>:<path>`), read with ONE
 * `git cat-file --batch`, in the order asked; a name that resolves to nothing is null. Names
 * holding a line break cannot be asked (the batch protocol is line-based): TypeError.
 */
export async function readRevisionObjects(cwd: string, names: readonly string[], view: ObjectView = {}): Promise<RevisionObject[]> {
  if (names.length === 0) return [];
  for (const name of names) if (/[\n\r]/.test(name)) throw new TypeError(`an object name cannot hold a line break: ${JSON.stringify(name.slice(0, 80))}`);
  const out = await runGitRaw(['cat-file', '--batch'], { cwd, input: `${names.join('\n')}\n`, ...view });
  const objects: RevisionObject[] = [];
  let at = 0;
  for (let index = 0; index < names.length; index += 1) {
    const newline = out.indexOf(10, at);
    if (newline === -1) break;
    const header = out.subarray(at, newline).toString('utf8');
    at = newline + 1;
    const match = /^([0-9a-f]{40,64}) ([a-z]+) (\d+)$/.exec(header);
    if (!match) {
      objects.push(null);
      continue;
    }
    const size = Number(match[3]);
    objects.push({ oid: match[1]!, type: match[2]!, content: out.subarray(at, at + size) });
    at += size + 1;
  }
  while (objects.length < names.length) objects.push(null);
  return objects;
}

/**
 * The blobs named `<rev>:<path>` (or any object name), read with ONE `git cat-file --batch`, in
 * the order asked. A name that resolves to nothing, or to something that is not a blob, is null.
 */
export async function readRevisionBlobs(cwd: string, names: readonly string[], view: ObjectView = {}): Promise<RevisionBlob[]> {
  return (await readRevisionObjects(cwd, names, view)).map((object) => (object?.type === 'blob' ? { oid: object.oid, content: object.content } : null));
}

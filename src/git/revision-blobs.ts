import { runGitRawSync, type ObjectView } from './exec.js';
import { foundObject, objectContents } from './object-batch.js';

/** A file at a revision: its blob id and bytes; null when the revision has no blob there. */
export type RevisionBlob = { oid: string; content: Buffer } | null;

/** An object named `<rev>`, `<rev>:<path>`…: its id, type and bytes; null when the name resolves to nothing. */
export type RevisionObject = { oid: string; type: string; content: Buffer } | null;

/**
 * The `git cat-file --batch` input asking for `names`; a name holding a line feed cannot be asked
 * (the protocol is line-based): TypeError. git takes one CR off a line's end (`strbuf_getline`):
 * a name ending in CR (`HEAD:src/a.ts\r`, else read as `HEAD:src/a.ts`) gets one more to lose.
 */
function batchInput(names: readonly string[]): string {
  for (const name of names) if (name.includes('\n')) throw new TypeError(`an object name cannot hold a line feed: ${JSON.stringify(name.slice(0, 80))}`);
  return names.map((name) => (name.endsWith('\r') ? `${name}\r\n` : `${name}\n`)).join('');
}

/** `git cat-file --batch`'s answers to `count` names, in order: null for a name that resolved to nothing. */
function parseBatch(out: Buffer, count: number): RevisionObject[] {
  const objects: RevisionObject[] = [];
  let at = 0;
  for (let index = 0; index < count; index += 1) {
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
  while (objects.length < count) objects.push(null);
  return objects;
}

/**
 * The objects named (any object name: `HEAD^{commit}`, `<rev>:<path>`), read with ONE
 * `git cat-file --batch`, in the order asked; a name that resolves to nothing is null. Names
 * holding a line feed cannot be asked (the batch protocol is line-based): TypeError.
 */
export async function readRevisionObjects(cwd: string, names: readonly string[], view: ObjectView = {}): Promise<RevisionObject[]> {
  if (names.length === 0) return [];
  batchInput(names);
  const answers = await objectContents(cwd, names.map((name) => (name.endsWith('\r') ? `${name}\r` : name)), view);
  return answers.map((answer) => {
    const found = answer.content === null ? null : foundObject(answer.header);
    return found && answer.content ? { oid: found.oid, type: found.type, content: answer.content } : null;
  });
}

/** readRevisionObjects, synchronously (a hook: no asynchronous child process machinery to set up). */
export function readRevisionObjectsSync(cwd: string, names: readonly string[], view: ObjectView = {}): RevisionObject[] {
  if (names.length === 0) return [];
  return parseBatch(runGitRawSync(['cat-file', '--batch'], { cwd, input: batchInput(names), ...view }), names.length);
}

/**
 * The blobs named `<rev>:<path>` (or any object name), read with ONE `git cat-file --batch`, in
 * the order asked. A name that resolves to nothing, or to something that is not a blob, is null.
 */
export async function readRevisionBlobs(cwd: string, names: readonly string[], view: ObjectView = {}): Promise<RevisionBlob[]> {
  return (await readRevisionObjects(cwd, names, view)).map((object) => (object?.type === 'blob' ? { oid: object.oid, content: object.content } : null));
}

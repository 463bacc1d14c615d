import type { ObjectView } from './exec.js';
import { foundObject, objectContents, type BatchAnswer } from './object-batch.js';

/** One object of `git cat-file --batch`: a blob's content, or why there is none. */
export type CatResult = { oid: string; type: 'blob'; content: Buffer } | { oid: string; type: string; content: null };

export interface BlobReader {
  /** The object `oid` (answers come in the order asked). Only blobs carry their content. */
  read(oid: string): Promise<CatResult>;
  /** The object named `<oid>:<path>`, `<oid>^:<path>`… (no line break; a name git cannot resolve is `missing`). */
  readName(name: string): Promise<CatResult>;
  /** No more reads: let git exit. */
  close(): Promise<void>;
}

/**
 * The run's one `git cat-file --batch` (object-batch.ts) answering reads as they come, so a
 * streamed walk (log, check) can read the note of each commit it meets without a process per
 * note, and the walks of one run share it. `close` asks nothing more of it (git exits with node).
 */
export function openBlobReader(cwd: string, view: ObjectView = {}): BlobReader {
  const result = (asked: string, answer: BatchAnswer): CatResult => {
    const found = answer.content === null ? null : foundObject(answer.header);
    if (!found) return { oid: answer.header.slice(0, answer.header.lastIndexOf(' ')), type: 'missing', content: null };
    return found.type === 'blob' ? { oid: found.oid, type: 'blob', content: answer.content as Buffer } : { oid: found.oid, type: found.type, content: null };
  };
  const ask = async (name: string) => result(name, (await objectContents(cwd, [name], view))[0] as BatchAnswer);
  return {
    read(oid) {
      if (!/^[0-9a-f]{40,64}$/.test(oid)) return Promise.reject(new TypeError(`not an object id: ${JSON.stringify(oid.slice(0, 80))}`));
      return ask(oid);
    },
    readName(name) {
      if (/[\0\n\r]/.test(name) || !/^[0-9a-f]{40,64}/.test(name)) return Promise.reject(new TypeError(`not an object name this reader asks: ${JSON.stringify(name.slice(0, 80))}`));
      return ask(name);
    },
    async close() {},
  };
}

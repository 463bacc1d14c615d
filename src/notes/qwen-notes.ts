import { QWEN_NOTE_LIMIT, QWEN_NOTES_REF, qwenNoteGenerators, withQwenNote } from '../core/notes/qwen-attribution.js';
import type { Attribution } from '../core/types.js';
import { openBlobReader, type BlobReader } from '../git/blob-reader.js';
import { GitError, type ObjectView } from '../git/exec.js';
import { promisorFetchFailure } from '../git/partial-clone.js';
import { listNotes, notesTip, type NoteEntry } from '../git/notes.js';

/** Qwen Code's attribution notes of a repository (refs/notes/ai-attribution), for a walk over its commits. */
export interface QwenNotes {
  /** `attributions` with the Qwen Code note of `sha` added (as they are without one). */
  add(sha: string, attributions: Attribution[]): Promise<Attribution[]>;
  /** `sha` has a note of Qwen Code's shape (one that adds something). */
  noted(sha: string): Promise<boolean>;
  /** Stop git. */
  close(): Promise<void>;
}

const NONE: QwenNotes = { add: async (_sha, attributions) => attributions, noted: async () => false, close: async () => {} };

/**
 * Open refs/notes/ai-attribution as stored in this repository: one `for-each-ref`, one `ls-tree`
 * when the ref exists, then one `cat-file --batch` reading a walked commit's note when met. A note
 * that is not a blob, is over QWEN_NOTE_LIMIT, is not JSON or not of Qwen Code's shape adds
 * nothing (notes only add: the commit is judged by itself, as without the note). `tip`: read the
 * notes commit the ref is about to point at instead (pre-receive: the notes a push brings).
 */
export async function openQwenNotes(root: string, options: ObjectView & { aliases?: Record<string, string>; tip?: string } = {}): Promise<QwenNotes> {
  let entries: Map<string, NoteEntry>;
  try {
    const tip = options.tip ?? (await notesTip(root, QWEN_NOTES_REF, options));
    if (!tip) return NONE;
    entries = await listNotes(root, tip, options);
  } catch (error) {
    // A partial clone that cannot fetch the notes it never downloaded: an error (what they add is not knowable).
    if (error instanceof GitError && promisorFetchFailure(error) === null) return NONE;
    throw error;
  }
  if (entries.size === 0) return NONE;
  let reader: BlobReader | null = null;
  // One read per note blob, also when asked for several commits at once (notes of equal text share a blob).
  const parsed = new Map<string, Promise<string[] | null>>();
  const generatorsOf = (sha: string): Promise<string[] | null> => {
    const entry = entries.get(sha);
    if (!entry || entry.type !== 'blob' || entry.size < 0 || entry.size > QWEN_NOTE_LIMIT) return Promise.resolve(null);
    let generators = parsed.get(entry.oid);
    if (generators === undefined) {
      reader ??= openBlobReader(root, options);
      generators = reader.read(entry.oid).then((object) => (object.content && object.content.length <= QWEN_NOTE_LIMIT ? qwenNoteGenerators(object.content.toString('utf8')) : null));
      parsed.set(entry.oid, generators);
    }
    return generators;
  };
  return {
    async add(sha, attributions) {
      const generators = await generatorsOf(sha);
      return generators ? withQwenNote(attributions, generators, options.aliases) : attributions;
    },
    noted: async (sha) => (await generatorsOf(sha)) !== null,
    close: async () => {
      await reader?.close();
    },
  };
}

import { notesMessages } from '../core/notes/messages.js';
import { noteLines, type NoteLines } from '../core/notes/note-lines.js';
import { parseAuthorshipLog } from '../core/notes/parse-authorship-log.js';
import { openBlobReader, type BlobReader } from '../git/blob-reader.js';
import type { ObjectView } from '../git/exec.js';
import { grepNotes, type NoteEntry } from '../git/notes.js';
import type { AgentRecord, AuthorshipLog } from '../core/notes/types.js';
import { NOTE_SIZE_LIMIT } from './note-size-limit.js';

/** Warnings shown one by one; the rest are counted in one line. */
const SHOWN_WARNINGS = 5;
/** Reads in flight at once: bounds the memory held by notes read but not parsed yet. */
const WINDOW = 32;

export interface ReadNotesOptions extends ObjectView {
  aliases?: Record<string, string>;
  onWarning?: (message: string) => void;
  limit?: number;
  /** The notes commit `entries` come from: records a note leaves out are looked for in its other notes (git grep). */
  tip?: string;
}

/** Searches of the other notes per reader (each one `git grep` over the notes tree), records per search, notes read per record. */
const MAX_FOREIGN_SEARCHES = 8;
const MAX_FOREIGN_RECORDS = 64;
const MAX_FOREIGN_NOTES = 4;

/** Notes of a notes tree, read and parsed on demand through ONE `git cat-file --batch`. */
export interface NotesReader {
  /** The parsed note of `commit`, or undefined when it has none or it cannot be used (warned). */
  of(commit: string): Promise<NoteLines | undefined>;
  /** Emit the warnings held back (past the first few, one line counts them) and stop git. */
  close(): Promise<void>;
}

/**
 * A reader of the notes `entries` (from listNotes). A note that is not a blob, is over the size
 * limit or is malformed is left out with one warning naming its commit: that commit keeps its
 * commit-level attribution. Notes shared by several commits (same blob) are parsed once.
 */
export function notesReader(root: string, entries: ReadonlyMap<string, NoteEntry>, options: ReadNotesOptions = {}): NotesReader {
  const limit = options.limit ?? NOTE_SIZE_LIMIT;
  let reader: BlobReader | null = null;
  // A blob several commits share is parsed once and kept until its last commit asked for it.
  const parsed = new Map<string, Promise<NoteLines | string>>();
  let sharing: Map<string, number> | null = null;
  const release = (oid: string) => {
    sharing ??= [...entries.values()].reduce((counts, entry) => counts.set(entry.oid, (counts.get(entry.oid) ?? 0) + 1), new Map<string, number>());
    const left = (sharing.get(oid) ?? 1) - 1;
    sharing.set(oid, left);
    if (left <= 0) parsed.delete(oid);
  };
  let warned = 0;
  const warn = (message: string) => {
    warned += 1;
    if (warned <= SHOWN_WARNINGS) options.onWarning?.(message);
  };
  const parse = async (oid: string): Promise<NoteLines | string> => {
    reader ??= openBlobReader(root, { asStored: options.asStored === true });
    const object = await reader.read(oid);
    if (!object.content) return object.type;
    const result = parseAuthorshipLog(object.content.toString('utf8'));
    if (!result.ok) return `malformed:${result.error.message}`;
    if (options.tip) await adoptForeignRecords(result.log);
    return noteLines(result.log, options.aliases);
  };
  // Record id (`session\0s_…`, `prompt\0…`) → the record another note holds for it (null: none found).
  const foreign = new Map<string, AgentRecord | null>();
  let searches = 0;
  const recordIn = async (commit: string, kind: 'session' | 'prompt', record: string): Promise<AgentRecord | null> => {
    const entry = entries.get(commit);
    if (!entry || entry.type !== 'blob' || entry.size > limit) return null;
    reader ??= openBlobReader(root, { asStored: options.asStored === true });
    const object = await reader.read(entry.oid);
    const other = object.content ? parseAuthorshipLog(object.content.toString('utf8')) : null;
    const found = other?.ok ? (kind === 'session' ? other.log.sessions : other.log.prompts).get(record) : undefined;
    return found && (found.tool !== null || found.model !== null) ? found : null;
  };
  /**
   * git-ai stores a session's record once and finds it by `git grep` when a note's entry names a
   * key its own metadata lacks; so does this reader: one `git grep` per note that lacks records
   * (at most MAX_FOREIGN_SEARCHES per reader, each for at most MAX_FOREIGN_RECORDS records; past
   * that, such keys stay an unknown agent and model, as they were).
   */
  const adoptForeignRecords = async (log: AuthorshipLog): Promise<void> => {
    const missing = new Map<string, { kind: 'session' | 'prompt'; record: string }>();
    for (const list of log.files.values()) {
      for (const entry of list) {
        if (entry.kind === 'human' || (entry.kind === 'session' ? log.sessions : log.prompts).has(entry.record)) continue;
        missing.set(`${entry.kind}\0${entry.record}`, { kind: entry.kind, record: entry.record });
      }
    }
    const unknown = [...missing].filter(([id]) => !foreign.has(id)).slice(0, MAX_FOREIGN_RECORDS);
    if (unknown.length > 0 && searches < MAX_FOREIGN_SEARCHES) {
      searches += 1;
      const hits = await grepNotes(root, options.tip!, unknown.map(([, { record }]) => `"${record}"`), MAX_FOREIGN_NOTES, { asStored: options.asStored === true }).catch(() => new Map<string, string[]>());
      for (const [id, { kind, record }] of unknown) {
        let found: AgentRecord | null = null;
        for (const commit of hits.get(`"${record}"`) ?? []) if ((found = await recordIn(commit, kind, record))) break;
        foreign.set(id, found);
      }
    }
    for (const [id, { kind, record }] of missing) {
      const found = foreign.get(id);
      if (found) (kind === 'session' ? log.sessions : log.prompts).set(record, found);
    }
  };
  return {
    async of(commit) {
      const entry = entries.get(commit);
      if (!entry) return undefined;
      if (entry.type !== 'blob') return void warn(notesMessages.notABlob(commit, entry.type));
      if (entry.size > limit) return void warn(notesMessages.tooBig(commit, entry.size, limit));
      let note = parsed.get(entry.oid);
      if (!note) parsed.set(entry.oid, (note = parse(entry.oid)));
      release(entry.oid);
      const lines = await note;
      if (typeof lines !== 'string') return lines;
      warn(lines.startsWith('malformed:') ? notesMessages.malformed(commit, lines.slice(10)) : notesMessages.notABlob(commit, lines));
      return undefined;
    },
    async close() {
      if (warned > SHOWN_WARNINGS) options.onWarning?.(notesMessages.more(warned - SHOWN_WARNINGS));
      await reader?.close();
    },
  };
}

/** The parsed notes of `commits` (those without a usable note are absent), a window of reads at a time. */
export async function readNotes(root: string, entries: ReadonlyMap<string, NoteEntry>, commits: Iterable<string>, options: ReadNotesOptions = {}): Promise<Map<string, NoteLines>> {
  const reader = notesReader(root, entries, options);
  const found = new Map<string, NoteLines>();
  try {
    const wanted = [...new Set(commits)].filter((commit) => entries.has(commit));
    for (let start = 0; start < wanted.length; start += WINDOW) {
      const batch = wanted.slice(start, start + WINDOW);
      const notes = await Promise.all(batch.map((commit) => reader.of(commit)));
      batch.forEach((commit, index) => notes[index] && found.set(commit, notes[index]));
    }
  } finally {
    await reader.close();
  }
  return found;
}

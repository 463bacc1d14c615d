import { notesMessages } from '../core/notes/messages.js';
import { commitWide, joinedNoteLines, noteLines, type NoteLines } from '../core/notes/note-lines.js';
import { JOINED_NOTES_LIMIT, parseJoinedNotes } from '../core/notes/joined-notes.js';
import { HUMAN_KEY, parseAuthorshipLog, readHumanKeyAsPrompt } from '../core/notes/parse-authorship-log.js';
import { salvagedLog } from '../core/notes/salvaged-log.js';
import { openBlobReader, type BlobReader } from '../git/blob-reader.js';
import type { ObjectView } from '../git/exec.js';
import { grepNotes, type NoteEntry } from '../git/notes.js';
import { readRevisionObjects } from '../git/revision-blobs.js';
import { baseBelongs, firstParentOf, mayNameParent } from '../core/notes/note-base.js';
import type { AgentRecord, AuthorshipLog, SchemaRule } from '../core/notes/types.js';
import { NOTE_SIZE_LIMIT } from './note-size-limit.js';

/** Warnings shown one by one; the rest are counted in one line. */
const SHOWN_WARNINGS = 5;
/** Reads in flight at once: bounds the memory held by notes read but not parsed yet. */
const WINDOW = 32;

export interface ReadNotesOptions extends ObjectView {
  aliases?: Record<string, string>;
  onWarning?: (message: string) => void;
  limit?: number;
  /** The notes commit `entries` come from: records a note leaves out are looked for in its other notes. */
  tip?: string;
  /**
   * The `schema_version`s a commit's own note is read under (SchemaRule): `blame` for the reports
   * that count lines as git-ai's blame does, `any` for enforcement. Default `v3`. A record looked for
   * in the other notes is taken from a note of any version, as git-ai's `get_authorship` takes it.
   */
  schemas?: SchemaRule;
}

/**
 * The first note lacking records looks for them with ONE `git grep` (at most this many records,
 * the first few notes holding each): the common case, a session's record in an earlier note. What
 * that leaves unfound is looked up in an index of every record of the tree, built once.
 */
const GREP_RECORDS = 64;
const GREP_NOTES = 4;

/** Notes of a notes tree, read and parsed on demand through ONE `git cat-file --batch`. */
export interface NotesReader {
  /** The parsed note of `commit`, or undefined when it has none or it cannot be used (warned). */
  of(commit: string): Promise<NoteLines | undefined>;
  /**
   * Commits whose note names a record no readable note holds while some note of the tree could
   * not be read (missing from the object database, or over the size limit): its lines read as an unknown
   * agent, though the record may be in that note. Enforcement cannot judge them (fail closed);
   * asked for, they are no longer warned about on close.
   */
  unresolved(): readonly string[];
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
  // Each warning once per reader: a commit whose note is asked for again (check's landed lines, after its facts) is not said twice.
  const said = new Set<string>();
  const warn = (message: string) => {
    if (said.has(message)) return;
    said.add(message);
    warned += 1;
    if (warned <= SHOWN_WARNINGS) options.onWarning?.(message);
  };
  const parse = async (oid: string, commit: string): Promise<NoteLines | string> => {
    reader ??= openBlobReader(root, { asStored: options.asStored === true });
    const object = await reader.read(oid);
    if (!object.content) return object.type;
    const text = object.content.toString('utf8');
    const result = parseAuthorshipLog(text, options.schemas);
    // Notes `git notes merge -s union` joined: read apart where every note adds models (`any`: enforcement, log; row 1047).
    const joined = result.ok || options.schemas !== 'any' ? null : parseJoinedNotes(text);
    if (joined) {
      warn(joined.unread ? notesMessages.joinedPartlyRead(commit, JOINED_NOTES_LIMIT) : notesMessages.joinedRead(commit, joined.logs.length));
      const lines: NoteLines[] = [];
      for (const log of joined.logs) {
        if (options.tip) await adoptForeignRecords(commit, log);
        lines.push(noteLines(log, options.aliases));
      }
      return joinedNoteLines(lines);
    }
    if (!result.ok) {
      // Enforcement and `log`: the models a note its parser refuses still names are read for every line of the commit (row 1158).
      const salvaged = options.schemas === 'any' ? salvagedLog(text) : null;
      if (!salvaged) {
        // A schema_version string this reader does not read (git-ai's blame reads one) is no malformed note (row 1187).
        const unknown = result.error.code === 'unsupported-schema' && result.error.schemaVersion !== undefined;
        return `${unknown ? 'unknown-version' : 'malformed'}:${result.error.message}`;
      }
      warn(notesMessages.malformedModelsRead(commit, result.error.message));
      return commitWide(noteLines(salvaged, options.aliases), true);
    }
    if (options.tip) await adoptForeignRecords(commit, result.log);
    return noteLines(result.log, options.aliases);
  };
  // Record id (`session\0s_…`, `prompt\0…`) → the first record (in tree order) a note holds for it
  // with an agent or a model: every note of the tree read ONCE, the first time a note lacks one.
  let index: Promise<{ records: Map<string, AgentRecord>; unread: string[] }> | null = null;
  const unresolved: string[] = [];
  let told = false;
  const buildIndex = async (): Promise<{ records: Map<string, AgentRecord>; unread: string[] }> => {
    const records = new Map<string, AgentRecord>();
    const unread: string[] = [];
    const seen = new Set<string>();
    const readable: string[] = [];
    for (const [commit, entry] of entries) {
      if (seen.has(entry.oid)) continue;
      seen.add(entry.oid);
      // A tree or commit entry holds no record; a note over the size limit might (left unread).
      if (entry.type !== 'blob') continue;
      if (entry.size > limit) unread.push(commit);
      else readable.push(commit);
    }
    const blobs = (reader ??= openBlobReader(root, { asStored: options.asStored === true }));
    // A window of reads in flight through the one cat-file, taken in tree order (the first record wins).
    for (let start = 0; start < readable.length; start += WINDOW) {
      const batch = readable.slice(start, start + WINDOW);
      const objects = await Promise.all(batch.map((commit) => blobs.read(entries.get(commit)!.oid)));
      objects.forEach((object, at) => {
        if (!object.content) return void unread.push(batch[at]!);
        const other = parseAuthorshipLog(object.content.toString('utf8'), 'any');
        if (!other.ok) return;
        for (const [kind, map] of [['session', other.log.sessions], ['prompt', other.log.prompts]] as const) {
          for (const [record, found] of map) {
            const id = `${kind}\0${record}`;
            if (!records.has(id) && (found.tool !== null || found.model !== null)) records.set(id, found);
          }
        }
      });
    }
    return { records, unread };
  };
  // Records found by the one `git grep` (confirmed by reading the note that holds them).
  const grepped = new Map<string, AgentRecord>();
  let search: Promise<void> | null = null;
  const recordIn = async (commit: string, kind: 'session' | 'prompt', record: string): Promise<AgentRecord | null> => {
    const entry = entries.get(commit);
    if (!entry || entry.type !== 'blob' || entry.size > limit) return null;
    reader ??= openBlobReader(root, { asStored: options.asStored === true });
    const object = await reader.read(entry.oid);
    const other = object.content ? parseAuthorshipLog(object.content.toString('utf8'), 'any') : null;
    const found = other?.ok ? (kind === 'session' ? other.log.sessions : other.log.prompts).get(record) : undefined;
    return found && (found.tool !== null || found.model !== null) ? found : null;
  };
  /**
   * git-ai's blame finds a legacy prompt's record with `git grep` when a note's entry names a key
   * its own metadata lacks; this reader does so for sessions too (a session's record found so names
   * its agent and model, notes only add, but its entries still give way to one this note holds a
   * record for: `foreignSessions`, as git-ai's blame skips them), and never gives up on a key: the first note
   * lacking records greps for them once (up to GREP_RECORDS), and whatever is still unfound then or
   * later is looked up in the index of every record of the tree, read once (linear in the notes,
   * however many keys are missing and however many notes mention a key). A key no note holds a
   * record for stays an unknown agent and model; when some note could not be read, the commit is
   * also listed as unresolved (the record may be in it).
   */
  // The prompt record named `human` (readHumanKeyAsPrompt) in another note: looked for once, with one `git grep`, as git-ai's blame does.
  let humanPrompt: Promise<AgentRecord | null> | null = null;
  const findHumanPrompt = async (): Promise<AgentRecord | null> => {
    const hits = await grepNotes(root, options.tip!, [`"${HUMAN_KEY}"`], GREP_NOTES, { asStored: options.asStored === true }).catch(() => new Map<string, string[]>());
    for (const other of hits.get(`"${HUMAN_KEY}"`) ?? []) {
      const found = await recordIn(other, 'prompt', HUMAN_KEY);
      if (found) return found;
    }
    return null;
  };
  const adoptForeignRecords = async (commit: string, log: AuthorshipLog): Promise<void> => {
    if (!log.prompts.has(HUMAN_KEY) && [...log.files.values()].some((list) => list.some((entry) => entry.key === HUMAN_KEY))) {
      const found = await (humanPrompt ??= findHumanPrompt());
      if (found) {
        log.prompts.set(HUMAN_KEY, found);
        readHumanKeyAsPrompt(log);
      }
    }
    const missing = new Map<string, { kind: 'session' | 'prompt'; record: string }>();
    for (const list of log.files.values()) {
      for (const entry of list) {
        if (entry.kind === 'human' || (entry.kind === 'session' ? log.sessions : log.prompts).has(entry.record)) continue;
        missing.set(`${entry.kind}\0${entry.record}`, { kind: entry.kind, record: entry.record });
      }
    }
    if (missing.size === 0) return;
    const wanted = [...missing].filter(([id]) => !grepped.has(id));
    if (!search && !index && wanted.length > 0 && wanted.length <= GREP_RECORDS) {
      search = (async () => {
        const hits = await grepNotes(root, options.tip!, wanted.map(([, { record }]) => `"${record}"`), GREP_NOTES, { asStored: options.asStored === true }).catch(() => new Map<string, string[]>());
        for (const [id, { kind, record }] of wanted) {
          for (const other of hits.get(`"${record}"`) ?? []) {
            const found = await recordIn(other, kind, record);
            if (found) {
              grepped.set(id, found);
              break;
            }
          }
        }
      })();
    }
    // Notes read at the same time wait for the one search (it may hold their records too).
    await search;
    let lacking = false;
    for (const [id, { kind, record }] of missing) {
      let found = grepped.get(id);
      if (!found) {
        index ??= buildIndex();
        found = (await index).records.get(id);
      }
      if (found) {
        (kind === 'session' ? log.sessions : log.prompts).set(record, found);
        if (kind === 'session') (log.foreignSessions ??= new Set()).add(record);
      } else lacking = true;
    }
    if (lacking && index && (await index).unread.length > 0) unresolved.push(commit);
  };
  /**
   * The first parent of each commit asked in one turn of the event loop (readNotes asks a window
   * at once), read with ONE `git cat-file --batch`; null: a root commit, or not readable.
   */
  let asking: Map<string, Array<(parent: string | null) => void>> | null = null;
  const firstParent = (commit: string): Promise<string | null> =>
    new Promise((resolve) => {
      if (!asking) {
        const batch = (asking = new Map());
        setImmediate(() => {
          asking = null;
          const commits = [...batch.keys()];
          readRevisionObjects(root, commits, { asStored: options.asStored === true })
            .catch(() => commits.map(() => null))
            .then((objects) => commits.forEach((asked, at) => {
              const object = objects[at];
              const parent = object?.type === 'commit' ? firstParentOf(object.content) : null;
              for (const done of batch.get(asked)!) done(parent);
            }));
        });
      }
      const waiting = asking.get(commit);
      if (waiting) waiting.push(resolve);
      else asking.set(commit, [resolve]);
    });
  /** Whether a note was written for `commit` (baseBelongs); its parent read only when the base names another commit. */
  const belongs = async (base: string | null, commit: string): Promise<boolean> => {
    if (baseBelongs(base, commit, commit)) return true;
    return mayNameParent(base) && baseBelongs(base, commit, await firstParent(commit));
  };
  const staleOnes = new Set<string>();
  const stale = (commit: string, lines: NoteLines): NoteLines => {
    if (!staleOnes.has(commit)) {
      staleOnes.add(commit);
      if (staleOnes.size <= SHOWN_WARNINGS) options.onWarning?.(notesMessages.stale(commit, lines.baseCommitSha));
    }
    return commitWide(lines);
  };
  /** `lines` as read for `commit`: line by line when written for it, else for every line of it (stale). */
  const fresh = async (commit: string, lines: NoteLines): Promise<NoteLines> => (lines.empty || (await belongs(lines.baseCommitSha, commit)) ? lines : stale(commit, lines));
  return {
    async of(commit) {
      const entry = entries.get(commit);
      if (!entry) return undefined;
      if (entry.type !== 'blob') return void warn(notesMessages.notABlob(commit, entry.type));
      if (entry.size > limit) return void warn(notesMessages.tooBig(commit, entry.size, limit));
      let note = parsed.get(entry.oid);
      if (!note) parsed.set(entry.oid, (note = parse(entry.oid, commit)));
      release(entry.oid);
      const lines = await note;
      if (typeof lines !== 'string' && lines.halves) return joinedNoteLines(await Promise.all(lines.halves.map((half) => fresh(commit, half))));
      if (typeof lines !== 'string') return fresh(commit, lines);
      if (lines.startsWith('malformed:')) warn(notesMessages.malformed(commit, lines.slice('malformed:'.length)));
      else if (lines.startsWith('unknown-version:')) warn(notesMessages.unknownVersion(commit, lines.slice('unknown-version:'.length)));
      else warn(notesMessages.notABlob(commit, lines));
      return undefined;
    },
    unresolved() {
      // The caller refuses to judge them: no warning that counts them under unknown.
      told = true;
      return unresolved;
    },
    async close() {
      if (unresolved.length > 0 && !told) options.onWarning?.(notesMessages.unresolvedRecords(unresolved, (await index!).unread));
      if (warned > SHOWN_WARNINGS) options.onWarning?.(notesMessages.more(warned - SHOWN_WARNINGS));
      if (staleOnes.size > SHOWN_WARNINGS) options.onWarning?.(notesMessages.moreStale(staleOnes.size - SHOWN_WARNINGS));
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

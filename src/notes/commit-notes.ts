import { notesMessages } from '../core/notes/messages.js';
import type { NoteLines } from '../core/notes/note-lines.js';
import { DEFAULT_NOTES_REF } from '../core/notes/notes-ref.js';
import { withNoteAttributions } from '../core/notes/with-note-attributions.js';
import type { Attribution } from '../core/types.js';
import { openAddedLines, type AddedLines } from '../git/added-lines.js';
import { GitError } from '../git/exec.js';
import { listNotes, notesTip, type NoteEntry } from '../git/notes.js';
import { promisorFetchFailure } from '../git/partial-clone.js';
import { notesReader, type ReadNotesOptions } from './read-notes.js';

/** The git-ai notes of a repository, for a walk over its commits (log, check, push hooks). */
export interface CommitNotes {
  /** Commits that carry a note. */
  count: number;
  /** The commit's parsed note, or undefined (none, or not usable: warned). */
  lines(sha: string): Promise<NoteLines | undefined>;
  /**
   * `attributions` with those of the commit's note added (as they are without a usable note). `added`
   * (a report): where the commit adds lines to the note's AI paths; the note's evidence then counts
   * only those lines (row 964), as blame counts them.
   */
  add(sha: string, attributions: Attribution[], changed: readonly string[] | null, added?: (paths: readonly string[]) => Promise<AddedLines>): Promise<Attribution[]>;
  /**
   * add, for enforcement: the note's paths still say where its authors' lines are (path rules judge them
   * as written), but its evidence counts the lines the commit adds (against `parent`, its first; null: a
   * root) that the note gives each author, as `log` counts them, never the note's own numbers (row 990).
   */
  addCounted(sha: string, parent: string | null, attributions: Attribution[], changed: readonly string[] | null): Promise<Attribution[]>;
  /** Commits read so far whose note names a record that may sit in a note that could not be read (NotesReader.unresolved). */
  unresolved(): readonly string[];
  /** Flush the held-back warnings and stop git. */
  close(): Promise<void>;
}

const NONE: CommitNotes = { count: 0, lines: async () => undefined, add: async (_sha, attributions) => attributions, addCounted: async (_sha, _parent, attributions) => attributions, unresolved: () => [], close: async () => {} };

/**
 * Open the notes at `ref` (default refs/notes/ai) as they are stored in this repository: one
 * `ls-tree` now, then one `cat-file --batch` reading each walked commit's note when met. No notes
 * ref: nothing is added. An unreadable one is a warning: notes only ever add attributions, so
 * reading none leaves each commit judged by the commit itself; but notes a partial clone cannot
 * fetch (its remote unreachable) are an error: what they would add is not knowable. `tip`: read the notes commit
 * `ref` is about to point at instead (pre-receive: the notes a push brings). `refuseTwins`
 * (enforcement): a commit whose note has a twin of other bytes in the other case at the same
 * depth (a hand-made notes tree: git shows the two joined) throws GitError when added.
 */
export async function openCommitNotes(root: string, options: ReadNotesOptions & { ref?: string; tip?: string; refuseTwins?: boolean } = {}): Promise<CommitNotes> {
  const ref = options.ref ?? DEFAULT_NOTES_REF;
  const tip = options.tip ?? (await notesTip(root, ref, options));
  if (!tip) return NONE;
  let entries;
  const shadowed: Array<{ commit: string; twin?: true } & NoteEntry> = [];
  try {
    entries = await listNotes(root, tip, options, shadowed);
  } catch (error) {
    // A partial clone that cannot fetch the notes it never downloaded: not knowable, so no judgement (exit 3).
    if (!(error instanceof GitError) || promisorFetchFailure(error) !== null) throw error;
    options.onWarning?.(notesMessages.unreadable(ref, error.message));
    return NONE;
  }
  if (entries.size === 0) return NONE;
  // A second note in the other case at the same path depth, of other bytes: git (git notes show, git-ai)
  // reads the two joined, this reader the lower-case one; enforcement cannot tell which lines are whose.
  const twins = new Set(options.refuseTwins ? shadowed.filter((entry) => entry.twin && entry.oid !== entries.get(entry.commit)?.oid).map((entry) => entry.commit) : []);
  const reader = notesReader(root, entries, { ...options, tip });
  // addCounted's diff: one git process for the run, started at the first noted commit; objects seen as the notes are (asStored).
  let counter: ReturnType<typeof openAddedLines> | null = null;
  // A diff git cannot make (a partial clone's blob its remote cannot give): the note's own count, said, never a refusal for a figure.
  const countable = (sha: string, added: Promise<AddedLines>): Promise<AddedLines | undefined> =>
    added.catch((error: unknown) => {
      if (!(error instanceof GitError)) throw error;
      options.onWarning?.(notesMessages.uncounted(ref, sha, error.message));
      return undefined;
    });
  const noteOf = async (sha: string): Promise<NoteLines | undefined> => {
    if (twins.has(sha)) throw new GitError(notesMessages.caseTwin(ref, sha), ['ls-tree'], null, '');
    return reader.of(sha);
  };
  /** How a note stands for its evidence: malformed (row 1158), copied from another commit, or its own. */
  const standing = (note: { malformed?: boolean; stale?: boolean }) => (note.malformed === true ? 'malformed' : note.stale === true);
  return {
    count: entries.size,
    lines: noteOf,
    async add(sha, attributions, changed, added) {
      const note = await noteOf(sha);
      if (!note) return attributions;
      const within = added ? await countable(sha, added(note.aiPaths())) : undefined;
      return withNoteAttributions(attributions, note.authors(within), ref, changed, standing(note), added && !within ? null : undefined);
    },
    async addCounted(sha, parent, attributions, changed) {
      const note = await noteOf(sha);
      if (!note) return attributions;
      counter ??= openAddedLines(root, { asStored: options.asStored === true });
      const within = await countable(sha, counter.of(sha, parent, note.aiPaths()));
      const counted = within ? note.authors(within) : null;
      return withNoteAttributions(attributions, note.authors(), ref, changed, standing(note), counted);
    },
    unresolved: () => reader.unresolved(),
    close: () => {
      counter?.close();
      return reader.close();
    },
  };
}

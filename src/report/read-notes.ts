import { notesMessages } from '../core/notes/messages.js';
import { noteLines, type NoteLines } from '../core/notes/note-lines.js';
import { parseAuthorshipLog } from '../core/notes/parse-authorship-log.js';
import { catBlobs } from '../git/cat-blobs.js';
import type { NoteEntry } from '../git/notes.js';

/** Largest note read: git-ai notes are KBs; old ones carried whole transcripts (MBs). */
export const NOTE_SIZE_LIMIT = 32 * 1024 * 1024;
/** Warnings shown one by one; the rest are counted in one line. */
const SHOWN_WARNINGS = 5;

export interface ReadNotesOptions {
  aliases?: Record<string, string>;
  onWarning?: (message: string) => void;
  limit?: number;
}

/**
 * The parsed notes of `commits` (those without a note are skipped), read with ONE
 * `git cat-file --batch`. A note that is not a blob, is over the size limit or is malformed is
 * left out with one warning naming its commit: that commit keeps its commit-level attribution.
 */
export async function readNotes(root: string, notes: ReadonlyMap<string, NoteEntry>, commits: Iterable<string>, options: ReadNotesOptions = {}): Promise<Map<string, NoteLines>> {
  const limit = options.limit ?? NOTE_SIZE_LIMIT;
  const warnings: string[] = [];
  const byBlob = new Map<string, string[]>();
  for (const commit of new Set(commits)) {
    const entry = notes.get(commit);
    if (!entry) continue;
    if (entry.type !== 'blob') warnings.push(notesMessages.notABlob(commit, entry.type));
    else if (entry.size > limit) warnings.push(notesMessages.tooBig(commit, entry.size, limit));
    else {
      const shared = byBlob.get(entry.oid);
      if (shared) shared.push(commit);
      else byBlob.set(entry.oid, [commit]);
    }
  }
  const found = new Map<string, NoteLines>();
  for await (const object of catBlobs(root, [...byBlob.keys()])) {
    const noted = byBlob.get(object.oid) ?? [];
    if (!object.content) {
      for (const commit of noted) warnings.push(notesMessages.notABlob(commit, object.type));
      continue;
    }
    const parsed = parseAuthorshipLog(object.content.toString('utf8'));
    if (!parsed.ok) {
      for (const commit of noted) warnings.push(notesMessages.malformed(commit, parsed.error.message));
      continue;
    }
    const lines = noteLines(parsed.log, options.aliases);
    for (const commit of noted) found.set(commit, lines);
  }
  for (const warning of warnings.slice(0, SHOWN_WARNINGS)) options.onWarning?.(warning);
  if (warnings.length > SHOWN_WARNINGS) options.onWarning?.(notesMessages.more(warnings.length - SHOWN_WARNINGS));
  return found;
}

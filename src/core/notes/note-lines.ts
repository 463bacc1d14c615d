import { buildLineIndex, eachOwner, type LineIndex } from './line-index.js';
import { noteAttribution, type NoteAttribution } from './note-attribution.js';
import type { AttestationEntry, AuthorshipLog } from './types.js';

/** A parsed note, ready to judge the lines of its commit. */
export interface NoteLines {
  /**
   * Judge lines `[start, start + count)` of `path` as the noted commit had them: `onAi` gets each
   * AI author and its number of lines; the rest (`h_` keys, untracked lines) are human.
   */
  judge(path: string, start: number, count: number, onAi: (author: NoteAttribution, lines: number) => void): void;
  /** Every AI author the note names (records and the keys its lines use), deduplicated. */
  authors(): NoteAttribution[];
  /** Paths holding at least one AI line, in note order. */
  aiPaths(): string[];
}

/** `log` with its per-file indexes built on first use and one attribution object per record. */
export function noteLines(log: AuthorshipLog, aliases?: Record<string, string>): NoteLines {
  const indexes = new Map<string, LineIndex>();
  const byRecord = new Map<string, NoteAttribution>();
  const authorOf = (entry: AttestationEntry): NoteAttribution | null => {
    if (entry.kind === 'human') return null;
    const id = `${entry.kind}\0${entry.record}`;
    let author = byRecord.get(id);
    if (!author) {
      author = noteAttribution((entry.kind === 'session' ? log.sessions : log.prompts).get(entry.record), aliases);
      byRecord.set(id, author);
    }
    return author;
  };
  return {
    judge(path, start, count, onAi) {
      const entries = log.files.get(path);
      if (!entries) return;
      let index = indexes.get(path);
      if (!index) indexes.set(path, (index = buildLineIndex(entries)));
      eachOwner(index, start, count, (entry, lines) => {
        const author = authorOf(entry);
        if (author) onAi(author, lines);
      });
    },
    authors() {
      const found = new Map<string, NoteAttribution>();
      const add = (author: NoteAttribution) => found.set(`${author.agent}\0${author.model}`, author);
      for (const record of log.sessions.values()) add(noteAttribution(record, aliases));
      for (const record of log.prompts.values()) add(noteAttribution(record, aliases));
      for (const entries of log.files.values()) for (const entry of entries) if (entry.kind !== 'human') add(authorOf(entry)!);
      return [...found.values()];
    },
    aiPaths() {
      return [...log.files].filter(([, entries]) => entries.some((entry) => entry.kind !== 'human')).map(([path]) => path);
    },
  };
}

import { parseAuthorshipLog } from './parse-authorship-log.js';
import type { AuthorshipLog } from './types.js';

/**
 * The most notes one joined note is read as (row 1065): a few from `git notes merge -s union` or
 * `git notes append`, one per squashed commit from a fixup rebased with hooks skipped. Each part is
 * judged for every run of lines asked (joinedNoteLines), so a hostile note of 100,000 one-line
 * parts made one `check` or pre-receive judge each run 100,000 times (minutes of CPU for a few
 * thousand moved lines). Past it only the first JOINED_NOTES_LIMIT are read, and the rest is said unread.
 */
export const JOINED_NOTES_LIMIT = 100;

/** A divider line as the parser takes it (`---`, a CRLF ending aside). */
const DIVIDER = /^---\r?$/;

/**
 * `text` split into the notes `git notes merge -s union` (or `notes.rewriteMode concatenate`) joined:
 * each `…\n---\n{…}` up to the line that closes its metadata, the next one after it (git puts a
 * blank line between). The metadata ends at the first line after the divider that is `}` alone
 * (pretty-printed JSON, as git-ai and aitrail write it: no other line of it is a bare `}`), or at
 * that line itself when it is one-line JSON (`{…}`). Null when there are not two such notes.
 * One pass over the text, stopped past JOINED_NOTES_LIMIT parts (the parts found then: one more than
 * the limit, the last holding the rest); a part that is no note is found so by its own parse.
 */
export function splitJoinedNotes(text: string): string[] | null {
  const parts: string[] = [];
  let from = 0;
  let at = 0;
  let divided = false;
  let first = false;
  while (at <= text.length) {
    const newline = text.indexOf('\n', at);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(at, end);
    const trimmed = line.trimEnd();
    if (!divided) {
      if (DIVIDER.test(line)) {
        divided = true;
        first = true;
      }
    } else if (trimmed !== '') {
      if (trimmed === '}' || (first && trimmed.startsWith('{') && trimmed.endsWith('}'))) {
        parts.push(text.slice(from, end));
        from = end + 1;
        divided = false;
        if (parts.length > JOINED_NOTES_LIMIT) break;
      }
      first = false;
    }
    at = end + 1;
  }
  if (parts.length <= JOINED_NOTES_LIMIT && text.slice(from).trim() !== '') parts.push(text.slice(from));
  return parts.length >= 2 ? parts : null;
}

/**
 * The notes a joined note holds, each read as a note of its own (SchemaRule `any`: enforcement, `log`),
 * when every part read is one: null otherwise. Past JOINED_NOTES_LIMIT parts only the first
 * JOINED_NOTES_LIMIT are read (`unread`: the rest of the text, not parsed; row 1065). Read apart, no
 * part's entries take the lines of another (its `h_` entry over them, a later key): each model keeps
 * the lines its own note gives it.
 */
export function parseJoinedNotes(text: string): { logs: AuthorshipLog[]; unread: boolean } | null {
  const parts = splitJoinedNotes(text);
  if (!parts) return null;
  const unread = parts.length > JOINED_NOTES_LIMIT;
  const logs: AuthorshipLog[] = [];
  for (const part of unread ? parts.slice(0, JOINED_NOTES_LIMIT) : parts) {
    const parsed = parseAuthorshipLog(part, 'any');
    if (!parsed.ok) return null;
    logs.push(parsed.log);
  }
  return { logs, unread };
}

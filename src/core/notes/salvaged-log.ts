import { JOINED_NOTES_LIMIT } from './joined-notes.js';
import { readMetadata } from './read-metadata.js';
import type { AgentRecord, AuthorshipLog } from './types.js';

/** The first line that is exactly `---` (a CRLF ending aside), as parseAuthorshipLog divides. */
const DIVIDER = /(?:^|\n)---\r?(?:\n|$)/;
/** Without one: the first line that opens a JSON object (a `---` line lost). */
const OBJECT_LINE = /(?:^|\n)[ \t]*\{/;
/** A line opening a JSON object at its first column (a BOM or blanks before the note's first one aside). */
const OBJECT_AT_COLUMN_0 = /(?:^[\ufeff \t\r\n]*|\n)\{/g;

type Metadata = Pick<AuthorshipLog, 'schemaVersion' | 'sessions' | 'prompts' | 'humans' | 'baseCommitSha'>;

const names = (record: AgentRecord) => record.tool !== null || record.model !== null || (record.others?.length ?? 0) > 0;

/**
 * The agents and models a note its parser refuses still names (row 1158), for enforcement and
 * `log` only (notes only ever add there): the JSON after its first `---` line, or without one from
 * the first line that opens a JSON object (the whole note for git-ai's pre-1.0 `authorship/2.0.0`
 * log, one JSON object), read as metadata of any
 * version. A log with no file (it says nothing line by line: the caller reads it for every line of
 * its commit), or null when that JSON cannot be read or names no agent or model (then the note is
 * none, as before). A bad range, a tab between key and ranges, or a `---` missing no longer hide a
 * denied model the metadata names from `check`, pre-push and pre-receive.
 *
 * When that JSON is not JSON (row 1185: a second `---` line, a line of text before or after it, two
 * such notes joined by `git notes merge -s union` or `git notes append`), every JSON object opened at
 * a line's first column (git-ai's metadata, pretty-printed, and its pre-1.0 log) is read up to the
 * next line a `}` opens, from the line opening a `{` nearest before it (row 1189), or as the one line
 * it is, each span once: linear in the note, every record of every object read is named; the first JOINED_NOTES_LIMIT spans tried only, read or not (a note of more names
 * what they do).
 */
export function salvagedLog(text: string): AuthorshipLog | null {
  const divider = DIVIDER.exec(text);
  const object = divider ? null : OBJECT_LINE.exec(text);
  const json = divider ? text.slice(divider.index + divider[0].length) : object ? text.slice(object.index) : null;
  const read = json === null ? null : readMetadata(json, 'any');
  const found = read?.ok ? [read.metadata] : objectsAtColumn0(text);
  return namedLog(found);
}

/**
 * The metadata of each JSON object opened at a line's first column and readable alone (row 1185). A
 * span runs from the line opening a `{` nearest before a line a `}` opens: an earlier line opening a `{`
 * that is no object (a path like `{{cookiecutter.slug}}/q.ts` in the attestation, a `{wip` line of text)
 * takes no metadata after it into a span that fails, and with no `}` line after it ends no search (row 1189).
 */
function objectsAtColumn0(text: string): Metadata[] {
  const found: Metadata[] = [];
  OBJECT_AT_COLUMN_0.lastIndex = 0;
  // The next line a `}` opens at or after the current line (-1: none left), found once for the lines before it.
  let close = 0;
  // At most JOINED_NOTES_LIMIT objects read, as joined notes are read apart: 2 million one-line objects cost 42 s unbounded.
  for (let match = OBJECT_AT_COLUMN_0.exec(text), tried = 0; match && tried < JOINED_NOTES_LIMIT; match = OBJECT_AT_COLUMN_0.exec(text)) {
    const start = match.index + match[0].length - 1;
    const lineEnd = text.indexOf('\n', start);
    const line = text.slice(start, lineEnd === -1 ? text.length : lineEnd).trimEnd();
    // One line (compact JSON, git-ai's pre-1.0 log), else up to the next line a `}` opens (pretty-printed).
    if (line.endsWith('}')) {
      tried += 1;
      const whole = readMetadata(line, 'any');
      if (whole.ok) {
        found.push(whole.metadata);
        continue;
      }
    }
    if (lineEnd === -1) break;
    if (close !== -1 && close < lineEnd) close = text.indexOf('\n}', lineEnd);
    // No `}` line after it, or a line opening a `{` between: the span is that later line's.
    if (close === -1) continue;
    const next = text.indexOf('\n{', lineEnd);
    if (next !== -1 && next < close) continue;
    tried += 1;
    const read = readMetadata(text.slice(start, close + 2), 'any');
    if (read.ok) found.push(read.metadata);
    OBJECT_AT_COLUMN_0.lastIndex = close + 1;
  }
  return found;
}

/** `found` as one log with no file, each object's records kept apart; null when none names an agent or a model. */
function namedLog(found: readonly Metadata[]): AuthorshipLog | null {
  const first = found.find((metadata) => [...metadata.sessions.values(), ...metadata.prompts.values()].some(names));
  if (!first) return null;
  if (found.length === 1) return { ...first, files: new Map() };
  const sessions = new Map<string, AgentRecord>();
  const prompts = new Map<string, AgentRecord>();
  found.forEach((metadata, at) => {
    for (const [id, record] of metadata.sessions) sessions.set(`${at}:${id}`, record);
    for (const [id, record] of metadata.prompts) prompts.set(`${at}:${id}`, record);
  });
  return { ...first, sessions, prompts, files: new Map() };
}

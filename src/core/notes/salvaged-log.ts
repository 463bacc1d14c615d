import { readMetadata } from './read-metadata.js';
import type { AuthorshipLog } from './types.js';

/** The first line that is exactly `---` (a CRLF ending aside), as parseAuthorshipLog divides. */
const DIVIDER = /(?:^|\n)---\r?(?:\n|$)/;
/** Without one: the first line that opens a JSON object (a `---` line lost). */
const OBJECT_LINE = /(?:^|\n)[ \t]*\{/;

/**
 * The agents and models a note its parser refuses still names (row s55h-1), for enforcement and
 * `log` only (notes only ever add there): the JSON after its first `---` line, or without one from
 * the first line that opens a JSON object (the whole note for git-ai's pre-1.0 `authorship/2.0.0`
 * log, one JSON object), read as metadata of any
 * version. A log with no file (it says nothing line by line: the caller reads it for every line of
 * its commit), or null when that JSON cannot be read or names no agent or model (then the note is
 * none, as before). A bad range, a tab between key and ranges, or a `---` missing no longer hide a
 * denied model the metadata names from `check`, pre-push and pre-receive.
 */
export function salvagedLog(text: string): AuthorshipLog | null {
  const divider = DIVIDER.exec(text);
  const object = divider ? null : OBJECT_LINE.exec(text);
  const json = divider ? text.slice(divider.index + divider[0].length) : object ? text.slice(object.index) : null;
  if (json === null) return null;
  const read = readMetadata(json, 'any');
  if (!read.ok) return null;
  const records = [...read.metadata.sessions.values(), ...read.metadata.prompts.values()];
  if (!records.some((record) => record.tool !== null || record.model !== null || (record.others?.length ?? 0) > 0)) return null;
  return { ...read.metadata, files: new Map() };
}

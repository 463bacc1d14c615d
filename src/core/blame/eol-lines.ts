import { splitLines } from '../lines/line-owners.js';
import { matchLines } from '../lines/match-lines.js';

/** A line of a commit's version of a file that is a line of its parent's, told apart only by the final newline. */
export interface EolLine {
  /** 1-based, in the commit's version. */
  line: number;
  /** 1-based, in the parent's version. */
  parentLine: number;
}

const endsOpen = (text: string) => text !== '' && !text.endsWith('\n');

/** `text` ended as the other version ends its lines: `\r\n` in a CRLF file (its open `b` is the other's `b\r\n`), else `\n`. */
const closed = (text: string, other: string) => (endsOpen(text) ? text + (other.includes('\r\n') && !text.endsWith('\r') ? '\r\n' : '\n') : text);

/**
 * The lines of `after` (a commit's version of a file) that git blame gives the commit only
 * because a final newline was added or taken away: git's diff reads `b` at the end of a file with
 * no final newline and `b\n` as two different lines, so a commit that appends to such a file (or
 * an editor that adds or strips the final newline) takes the last line someone else wrote. Each
 * is found where git's own diff would put it were both versions ended alike (`matchLines`): the
 * parent's open last line, or the commit's own open last line, matched to a line of the other side.
 * Texts are compared as bytes (latin1 strings); in a CRLF file the open line is ended with `\r\n`.
 */
export function eolLines(before: string, after: string): EolLine[] {
  const parentOpen = endsOpen(before);
  const ownOpen = endsOpen(after);
  if (!parentOpen && !ownOpen) return [];
  const a = splitLines(closed(before, after));
  const b = splitLines(closed(after, before));
  const match = matchLines(a, b);
  const found: EolLine[] = [];
  for (let j = 0; j < b.length; j += 1) {
    const i = match[j]!;
    if (i < 0) continue;
    if ((parentOpen && i === a.length - 1) || (ownOpen && j === b.length - 1)) found.push({ line: j + 1, parentLine: i + 1 });
  }
  return found;
}

import { splitLines } from '../lines/line-owners.js';
import { matchLines } from '../lines/match-lines.js';

/** A line of a commit's version of a file that is a line of its parent's, told apart only by how it ends. */
export interface EolLine {
  /** 1-based, in the commit's version. */
  line: number;
  /** 1-based, in the parent's version. */
  parentLine: number;
}

const endsOpen = (text: string) => text !== '' && !text.endsWith('\n');

/** `text` ended as the other version ends its lines: `\r\n` in a CRLF file (its open `b` is the other's `b\r\n`), else `\n`. */
const closed = (text: string, other: string) => (endsOpen(text) ? text + (other.includes('\r\n') && !text.endsWith('\r') ? '\r\n' : '\n') : text);

const endsCr = (line: string) => line.endsWith('\r');
/** UTF-8's byte order mark, as a latin1 string. */
const BOM = '\u00ef\u00bb\u00bf';
const withoutBom = (lines: string[]) => (lines[0]?.startsWith(BOM) ? [lines[0].slice(BOM.length), ...lines.slice(1)] : lines);
const withoutCr = (line: string) => (endsCr(line) ? line.slice(0, -1) : line);

/**
 * The lines of `after` (a commit's version of a file) that git blame gives the commit only
 * because of how a line ends: git's diff reads `b` at the end of a file with no final newline and
 * `b\n` as two different lines, so a commit that appends to such a file (or an editor that adds or
 * strips the final newline) takes the last line someone else wrote; and it reads `b\r\n` and `b\n`
 * as two lines, so a commit that turns a file's line endings from CRLF to LF or back (`git add
 * --renormalize` once `* text=auto` is set, an editor or formatter saving with the other ending)
 * takes every line it converted; and a UTF-8 byte order mark an editor adds or takes away makes
 * the first line another. Each is found where git's own diff would put it were both versions
 * ended alike (`matchLines`, with CRs before line feeds set aside when one version's lines end
 * with CR LF and others' do not, and the byte order mark when one version starts with it and the
 * other does not): the parent's open last line, the commit's own open last line, or a line whose
 * ending (or first line's mark) alone changed, matched to a line of the other side. Texts are compared as bytes
 * (latin1 strings); in a CRLF file the open line is ended with `\r\n`.
 */
export function eolLines(before: string, after: string): EolLine[] {
  const parentOpen = endsOpen(before);
  const ownOpen = endsOpen(after);
  const rawA = splitLines(closed(before, after));
  const rawB = splitLines(closed(after, before));
  // Every line of both versions ended alike (all by CR LF, or none): no line's ending alone changed.
  const crAlike = (rawA.every(endsCr) && rawB.every(endsCr)) || (!rawA.some(endsCr) && !rawB.some(endsCr));
  // A byte order mark added or taken away (an editor saving "UTF-8 with BOM", as Visual Studio does): the first line's bytes alone change.
  const bomAlike = before.startsWith(BOM) === after.startsWith(BOM);
  if (!parentOpen && !ownOpen && crAlike && bomAlike) return [];
  const a = withoutBom(crAlike ? rawA : rawA.map(withoutCr));
  const b = withoutBom(crAlike ? rawB : rawB.map(withoutCr));
  const match = matchLines(a, b);
  const found: EolLine[] = [];
  for (let j = 0; j < b.length; j += 1) {
    const i = match[j]!;
    if (i < 0) continue;
    if ((parentOpen && i === a.length - 1) || (ownOpen && j === b.length - 1) || rawA[i] !== rawB[j]) found.push({ line: j + 1, parentLine: i + 1 });
  }
  return found;
}

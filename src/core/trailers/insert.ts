import type { Trailer } from '../types.js';
import { findTrailerBlock, type TrailerBlock } from './block.js';
import { isBlankLine, isGitAlnum, lastLine, nextLine, trimGitSpace } from './grammar.js';
import { blockTrailers } from './items.js';
import { commentCharOf, type TrailerOptions } from './options.js';

const KEY = /^[A-Za-z0-9][A-Za-z0-9-]*$/;
// C0 controls and DEL: a value must stay on its one line and print harmlessly.
const CONTROL = /[\u0000-\u001f\u007f]/;

function checked(trailer: Trailer): Trailer {
  if (!KEY.test(trailer.key)) {
    throw new RangeError(`Invalid trailer key ${JSON.stringify(trailer.key)}: use letters, digits and "-" (e.g. "Assisted-by").`);
  }
  const value = trimGitSpace(trailer.value);
  if (CONTROL.test(value)) {
    throw new RangeError(`Invalid value for trailer ${trailer.key}: it must not contain newlines or control characters.`);
  }
  return { key: trailer.key, value };
}

/** git's `token_len_without_separator`: the key without trailing non-alphanumerics. */
function significantKey(key: string): string {
  let length = key.length;
  while (length > 0 && !isGitAlnum(key[length - 1])) length--;
  return key.slice(0, length);
}

/** ASCII-only lower case, like `strcasecmp`. */
function foldCase(text: string): string {
  return text.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
}

/**
 * git's `same_trailer` for `addIfDifferent`: keys equal case-insensitively over the shorter
 * one's length (after dropping trailing punctuation), values equal case-insensitively.
 */
function sameTrailer(existing: Trailer, added: Trailer): boolean {
  if (existing.value.length !== added.value.length || foldCase(existing.value) !== foldCase(added.value)) return false;
  const left = foldCase(significantKey(existing.key));
  const right = foldCase(significantKey(added.key));
  const length = Math.min(left.length, right.length);
  return left.slice(0, length) === right.slice(0, length);
}

/**
 * Offset just past the block's last line that is neither blank nor a comment. Whitespace-only
 * lines can close a block (git keeps them in it); new lines go before them, and before comment
 * lines among them, so the block stays one paragraph.
 */
function endOfLastBlockLine(message: string, block: TrailerBlock, commentChar: string): number {
  for (let line = lastLine(message, block.end); line >= block.start; line = lastLine(message, line)) {
    if (!message.startsWith(commentChar, line) && !isBlankLine(message, line)) return Math.min(nextLine(message, line), block.end);
  }
  return block.end;
}

/** Where the new lines go, and what must precede them so they form (part of) a trailer block. */
function insertionPoint(message: string, block: TrailerBlock, commentChar: string): { at: number; lead: string } {
  if (block.start < block.end) {
    const at = endOfLastBlockLine(message, block, commentChar);
    return { at, lead: message[at - 1] === '\n' ? '' : '\n' };
  }
  const at = block.end;
  if (at === 0) return { at, lead: '\n' };
  const previous = lastLine(message, at);
  const blank = isBlankLine(message, previous);
  const terminated = message[at - 1] === '\n';
  if (terminated) return { at, lead: blank ? '' : '\n' };
  return { at, lead: blank ? '\n' : '\n\n' };
}

/**
 * Add each trailer that is not already present at the end of the message's trailer block, or in
 * a new block after a blank line, as `git interpret-trailers --if-exists addIfDifferent
 * --trailer …` does (git 2.39, where=end). "Already present" is git's own test: same key
 * case-insensitively (git compares over the shorter key), same value case-insensitively.
 *
 * Unlike git, every byte of the message other than the added lines stays the same: git
 * re-prints the block it parsed (`Key : v` becomes `Key: v`, CRs and trailing spaces of trailer
 * lines go, comment lines inside the block are dropped); and where git's own output would split
 * the block or glue the new lines onto prose (a message without a final newline, whitespace-only
 * lines closing the block), the new lines go right after the block's last line instead, or after
 * a blank line. A missing final newline before the insertion point is supplied.
 *
 * For commit messages (prepare-commit-msg, amend) pass `noDivider: true`: git commit and git log
 * do not treat `---` as a patch divider, so in divider mode a body line `---` would put the new
 * block where git log never looks. (Divider mode also cannot serve a message whose last line is
 * an unterminated `---`: terminating it makes it a divider.)
 */
export function insertTrailers(message: string, add: Trailer[], options: TrailerOptions = {}): string {
  const wanted = add.map(checked);
  const block = findTrailerBlock(message, options);
  const present = blockTrailers(block, commentCharOf(options), false);
  const added: Trailer[] = [];
  for (const trailer of wanted) {
    if (present.some((existing) => sameTrailer(existing, trailer))) continue;
    present.push(trailer);
    added.push(trailer);
  }
  if (added.length === 0) return message;
  const { at, lead } = insertionPoint(message, block, commentCharOf(options));
  const lines = added.map((trailer) => `${trailer.key}: ${trailer.value}\n`).join('');
  return message.slice(0, at) + lead + lines + message.slice(at);
}

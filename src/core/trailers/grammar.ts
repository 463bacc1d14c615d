// The character classes and line grammar of git's trailer.c (git 2.39), on JS strings.
// Every character that matters to git is ASCII, so UTF-16 offsets agree with git's byte offsets
// for the decisions made here; non-ASCII characters are neither letters, digits nor spaces.

/** git's `isspace` (sane_ctype): space, tab, LF and CR only — not \v or \f. */
export function isGitSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r';
}

/** git's `isalnum`: ASCII letters and digits only. */
export function isGitAlnum(char: string | undefined): boolean {
  if (char === undefined || char.length !== 1) return false;
  const code = char.charCodeAt(0);
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Lines git itself writes; one of them lets a block with prose still count (the 25% rule). */
export const GIT_GENERATED_PREFIXES = ['Signed-off-by: ', '(cherry picked from commit '] as const;

/** The scissors line of `git commit -v` without its comment character: `<c> ` + this. */
export const CUT_LINE = '------------------------ >8 ------------------------\n';

/** Offset just past the `\n` ending the line at `start`, or the text's length. */
export function nextLine(text: string, start: number): number {
  const newline = text.indexOf('\n', start);
  return newline === -1 ? text.length : newline + 1;
}

/**
 * Start of the line that ends at `end` (a final `\n` belongs to that line), or -1 when `end` is 0.
 * git's `last_line`; walking back line by line with it is linear overall.
 */
export function lastLine(text: string, end: number): number {
  if (end <= 0) return -1;
  if (end === 1) return 0;
  const newline = text.lastIndexOf('\n', end - 2);
  return newline === -1 ? 0 : newline + 1;
}

/** The line at `start` holds only git-spaces (or nothing) up to its `\n` or the text's end. */
export function isBlankLine(text: string, start: number): boolean {
  let index = start;
  while (index < text.length && text[index] !== '\n' && isGitSpace(text[index])) index++;
  return index >= text.length || text[index] === '\n';
}

/** git's `skip_blank_lines` (pretty.c): offset of the first line from `start` that is not blank (isBlankLine). */
export function skipBlankLines(text: string, start: number): number {
  let at = start;
  while (at < text.length && isBlankLine(text, at)) at = nextLine(text, at);
  return at;
}

/**
 * git's `find_separator`: for `<token><spaces/tabs><separator>` returns the offset of the separator
 * relative to `start`, 0 for a line starting with one, and -1 otherwise. The token is
 * `[A-Za-z0-9-]+`; the scan stops at the first character that breaks the grammar. `separators`:
 * `trailer.separators` (default `:`), each looked for before the token's own characters, as git does.
 */
export function findSeparator(text: string, start: number, separators = ':'): number {
  let whitespaceFound = false;
  for (let index = start; index < text.length; index++) {
    const char = text[index]!;
    if (separators.includes(char)) return index - start;
    if (!whitespaceFound && (isGitAlnum(char) || char === '-')) continue;
    if (index !== start && (char === ' ' || char === '\t')) {
      whitespaceFound = true;
      continue;
    }
    break;
  }
  return -1;
}

/** git's `strbuf_trim`: strip git-spaces from both ends. */
export function trimGitSpace(value: string): string {
  let begin = 0;
  let end = value.length;
  while (begin < end && isGitSpace(value[begin])) begin++;
  while (end > begin && isGitSpace(value[end - 1])) end--;
  return value.slice(begin, end);
}

/** git's `unfold_value`: each newline and the git-spaces after it become one space; then trim. */
export function unfoldValue(value: string): string {
  return trimGitSpace(value.includes('\n') ? value.replace(/\n[ \t\n\r]*/g, ' ') : value);
}

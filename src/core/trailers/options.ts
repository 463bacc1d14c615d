export interface TrailerOptions {
  /**
   * `core.commentChar` (default `#`), decoded as the message it applies to is: git before 2.45 takes
   * any one byte (`\xe9` in a UTF-8 message reads as U+FFFD, in a latin1 one as `é`), later git
   * any text without a line feed (`//`). A line is a comment when it starts with it.
   */
  commentChar?: string;
  /**
   * The prefix of the scissors line of `git commit -v` (`<c> ------------------------ >8 …`),
   * when it is not `commentChar`: git writes it with the local `core.commentChar`, while the lines
   * it keeps (`commit.cleanup=whitespace`, `-m`) are read with the judge's `#`. Default: `commentChar`.
   */
  cutChar?: string;
  /** Like `git interpret-trailers --no-divider`: a `---` line does not end the message. */
  noDivider?: boolean;
  /** `trailer.separators`: the characters that end a trailer's key (default `:`). */
  separators?: string;
}

/** The comment prefix to use; throws on values git itself rejects (empty, or holding a line feed) and on a NUL. */
export function commentCharOf(options: TrailerOptions): string {
  return checkedChar(options.commentChar ?? '#');
}

/** The scissors line's prefix to use (`cutChar`, else the comment prefix), checked as commentCharOf checks. */
export function cutCharOf(options: TrailerOptions): string {
  return checkedChar(options.cutChar ?? options.commentChar ?? '#');
}

function checkedChar(char: string): string {
  if (char === '' || char.includes('\n') || char.includes('\0')) {
    throw new RangeError(`Invalid comment character ${JSON.stringify(char)}: core.commentChar must be text without a line feed (default "#").`);
  }
  return char;
}

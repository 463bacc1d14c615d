export interface TrailerOptions {
  /**
   * `core.commentChar` (default `#`), decoded as the message it applies to is: git before 2.45 takes
   * any one byte (`\xe9` in a UTF-8 message reads as U+FFFD, in a latin1 one as `é`), later git
   * any text without a line feed (`//`). A line is a comment when it starts with it.
   */
  commentChar?: string;
  /** Like `git interpret-trailers --no-divider`: a `---` line does not end the message. */
  noDivider?: boolean;
}

/** The comment prefix to use; throws on values git itself rejects (empty, or holding a line feed) and on a NUL. */
export function commentCharOf(options: TrailerOptions): string {
  const char = options.commentChar ?? '#';
  if (char === '' || char.includes('\n') || char.includes('\0')) {
    throw new RangeError(`Invalid comment character ${JSON.stringify(char)}: core.commentChar must be text without a line feed (default "#").`);
  }
  return char;
}

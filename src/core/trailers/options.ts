export interface TrailerOptions {
  /** `core.commentChar` (default `#`): one ASCII character, as git 2.39 requires. */
  commentChar?: string;
  /** Like `git interpret-trailers --no-divider`: a `---` line does not end the message. */
  noDivider?: boolean;
}

/** The comment character to use; throws on values git itself would reject (not one ASCII char). */
export function commentCharOf(options: TrailerOptions): string {
  const char = options.commentChar ?? '#';
  if (char.length !== 1 || char.charCodeAt(0) > 0x7f || char === '\n' || char === '\0') {
    throw new RangeError(
      `Invalid comment character ${JSON.stringify(char)}: core.commentChar must be a single ASCII character (default "#").`,
    );
  }
  return char;
}

/** The characters `core.commentChar=auto` picks from, in git's order. */
export const AUTO_CANDIDATES = '#;@!$%^&|:';

/**
 * The comment character git picks for `core.commentChar=auto` when it prepares `message`
 * (builtin/commit.c adjust_comment_line_char): `#` unless the message holds one, else the first
 * candidate that starts none of its lines (a line starts the message or follows a `\n` or `\r`).
 * git dies when every candidate starts a line (no commit is made): `#` then.
 */
export function autoCommentChar(message: string): string {
  if (!message.includes('#')) return '#';
  const used = new Set<string>();
  if (message.length > 0) used.add(message[0]!);
  for (let index = 0; index + 1 < message.length; index += 1) {
    const char = message[index];
    if (char === '\n' || char === '\r') used.add(message[index + 1]!);
  }
  return [...AUTO_CANDIDATES].find((candidate) => !used.has(candidate)) ?? '#';
}

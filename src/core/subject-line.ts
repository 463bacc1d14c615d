import { isBlankLine, nextLine, skipBlankLines } from './trailers/grammar.js';

/**
 * Offset of a message's subject line as git reads a stored commit (`%s`, `git log --oneline`,
 * `%(trailers)`): past leading lines of only spaces, tabs and carriage returns (git's
 * `skip_blank_lines`), which `git commit --cleanup=verbatim` (or `commit.cleanup=verbatim`) and
 * `git commit-tree` keep: `$'\n\naider: add util'` has the subject `aider: add util`.
 */
export function subjectStart(message: string): number {
  return skipBlankLines(message, 0);
}

/** The subject line of `message` as git finds it (subjectStart), without its line end and a final CR. */
export function subjectLine(message: string): string {
  const from = subjectStart(message);
  const end = message.indexOf('\n', from);
  return message.slice(from, end === -1 ? undefined : end).replace(/\r$/, '');
}

/**
 * Offset of the line a message about to be committed has its subject on once stored: past leading
 * blank lines (git's cleanup drops them; `git log` skips those --cleanup=verbatim keeps) and the
 * comment lines starting with `dropped` among them (`\n`: none). `git interpret-trailers` on the
 * message as given reads `$'\n\nfeat: add a\nAssisted-by: …'` as a trailer block after an empty
 * title, where the stored commit's first paragraph is its subject, never a trailer block. A
 * scissors line (written with `cutChar`) stays: git cuts the message there.
 */
export function storedSubjectStart(message: string, dropped: string, cutChar: string): number {
  let at = 0;
  for (; at < message.length; at = nextLine(message, at)) {
    if (isBlankLine(message, at)) continue;
    if (dropped === '\n' || !message.startsWith(dropped, at) || (message.startsWith(cutChar, at) && / -+ >8 -+/.test(message.slice(at, nextLine(message, at))))) break;
  }
  return at;
}

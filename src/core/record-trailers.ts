import { trailerValue } from './detect.js';
import { insertTrailers, type TrailerOptions } from './trailers.js';
import { storedSubjectStart } from './subject-line.js';
import type { Attribution, Trailer } from './types.js';

/** git's autosquash marker paragraph of an `amend!` commit, and the blank lines after it (detect/commit.ts reads it so). */
const AMEND = /^amend! [^\n]*\n(?:[ \t]*\r?\n)+/;
const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;
/** `agent:model`: slug, colon, `vendor/model` or `unknown`; nothing that could break a line or a parser. */
const SAFE_VALUE = /^[a-z0-9][a-z0-9._-]{0,63}:[a-z0-9][a-z0-9._/:+-]{0,191}$/;

/** The trailer lines to write for `attributions` (one per distinct value; unsafe values are dropped). */
export function trailersFor(attributions: readonly Attribution[], key: string): { trailers: Trailer[]; rejected: string[] } {
  const trailers: Trailer[] = [];
  const rejected: string[] = [];
  const seen = new Set<string>();
  for (const attribution of attributions) {
    const value = trailerValue(attribution);
    if (!SAFE_KEY.test(key) || !SAFE_VALUE.test(value)) {
      rejected.push(value);
      continue;
    }
    if (seen.has(value)) continue;
    seen.add(value);
    trailers.push({ key, value });
  }
  return { trailers, rejected };
}

/**
 * `key` as written in a message whose comment prefix is `commentChar`: git reads a trailer's key
 * case-insensitively (trailer.c compares with strncasecmp), a comment line by its exact bytes. Under
 * `core.commentChar=A` a line `Assisted-by: …` is a comment: git's cleanup (an editor's commit, `strip`)
 * removed the recorded trailer and `git log`'s `%(trailers)` skipped it. The first letter's case turned
 * (`assisted-by: …`) it is the same trailer to git and to every reader, and no comment.
 */
export function uncommentedKey(key: string, commentChar: string | undefined): string {
  if (commentChar === undefined || commentChar === '' || !`${key}: `.startsWith(commentChar.slice(0, key.length + 2))) return key;
  const first = key[0] ?? '';
  const turned = first === first.toUpperCase() ? first.toLowerCase() : first.toUpperCase();
  return turned === first ? key : turned + key.slice(1);
}

/** True when the message holds nothing but blank lines, comments and the scissors section (an editor is about to open). */
export function hasNoContent(message: string, commentChar = '#'): boolean {
  for (const line of message.split('\n')) {
    if (line.startsWith(commentChar)) {
      if (/^ -{24} >8 -{24}$/.test(line.slice(commentChar.length))) return true;
      continue;
    }
    if (line.trim() !== '') return false;
  }
  return true;
}

/**
 * The message with a `<key>: <agent>:<model>` trailer for each attribution not already in it,
 * inserted by git's rules. Pure. One deliberate difference from `git commit --trailer`: when the
 * message is still empty (the editor opens next), a blank line is kept between the empty subject
 * line and the trailers, so that what the user types on line 1 is a subject and the trailers stay a
 * trailer block (git's own insertion would glue them to the subject paragraph). `editorOpens: false`
 * (git runs the hooks with GIT_EDITOR=: for -m/-F) skips that: the message is final, and under
 * --cleanup=verbatim the blank lines would stay, ahead of a subject such as `#123 fix`.
 * `trailerChar`: the comment prefix the stored message is judged with, when git keeps the lines that
 * start with `commentChar` (the new lines then go after them, a blank line between).
 */
export function recordTrailers(message: string, attributions: readonly Attribution[], key: string, commentChar?: string, options: { editorOpens?: boolean; trailerChar?: string } = {}): string {
  const { trailers } = trailersFor(attributions, uncommentedKey(key, commentChar));
  if (trailers.length === 0) return message;
  // Placed by the comment prefix the stored message is judged with (trailerCommentChar), cut at git's scissors line.
  const read: TrailerOptions = { noDivider: true };
  if (commentChar !== undefined) read.commentChar = read.cutChar = commentChar;
  if (options.trailerChar !== undefined) read.commentChar = options.trailerChar;
  if (options.editorOpens === false || !hasNoContent(message, commentChar)) {
    // The block git reads in the stored commit: its first paragraph is the subject's, never a trailer block.
    // (`commentChar` lines skipped too: stripped by git, or comments to its trailer reading; a message of blank lines only as it is.)
    const found = storedSubjectStart(message, read.commentChar ?? '#', read.cutChar ?? read.commentChar ?? '#');
    const subject = found < message.length ? found : 0;
    // An `amend!` commit (`git commit --fixup=amend:`): `rebase --autosquash` (`fixup -C`) drops its
    // `amend! <subject>` paragraph and keeps the rest as the amended commit's message, whose first
    // paragraph is a subject (row 41's reading): a rest of one paragraph (`feat: key`, which git's
    // parser takes for a trailer) got the trailer glued on, and the folded commit's subject read
    // `feat: key Assisted-by: …` (no trailer to git's `%(trailers)`).
    const amend = AMEND.exec(message.slice(subject));
    const from = amend && !hasNoContent(message.slice(subject + amend[0].length), commentChar) ? subject + amend[0].length : subject;
    return message.slice(0, from) + insertTrailers(message.slice(from), trailers, read);
  }
  const inserted = insertTrailers(message, trailers, read);
  if (inserted === message) return inserted;
  return `\n${inserted.startsWith('\n') ? '' : '\n'}${inserted}`;
}

/**
 * True when all that is left of `message` once git strips comments is our own trailer lines
 * (and sign-offs, which git ignores too): the user quit the editor on an empty message, and only
 * prepare-commit-msg wrote something. git would have aborted such a commit, so commit-msg does.
 */
export function onlyRecordedTrailers(message: string, key: string, commentChar = '#'): boolean {
  const ours = `${key.toLowerCase()}:`;
  let recorded = false;
  for (const line of message.split('\n')) {
    if (line.startsWith(commentChar)) {
      if (/^ -{24} >8 -{24}$/.test(line.slice(commentChar.length))) break;
      continue;
    }
    const text = line.trim().toLowerCase();
    if (text === '' || text.startsWith('signed-off-by:')) continue;
    if (!text.startsWith(ours)) return false;
    recorded = true;
  }
  return recorded;
}

/**
 * `message` as git compares it with the commit template to decide "you did not edit the message":
 * cut at the scissors line, comment lines dropped, trailing whitespace stripped, blank lines squeezed
 * and trimmed — and, so that prepare-commit-msg's insertion does not count as an edit, `<key>:` lines
 * and sign-offs (git ignores those too) left out.
 */
export function templateComparable(message: string, key: string, commentChar = '#'): string {
  const ours = `${key.toLowerCase()}:`;
  const kept: string[] = [];
  for (const line of message.split('\n')) {
    if (line.startsWith(commentChar)) {
      if (/^ -{24} >8 -{24}$/.test(line.slice(commentChar.length))) break;
      continue;
    }
    const text = line.trimEnd();
    const lower = text.trim().toLowerCase();
    if (lower.startsWith(ours) || lower.startsWith('signed-off-by:')) continue;
    if (text === '' && (kept.length === 0 || kept[kept.length - 1] === '')) continue;
    kept.push(text);
  }
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return kept.join('\n');
}

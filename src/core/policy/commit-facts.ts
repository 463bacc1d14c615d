import { commitSignals } from '../commit-signals.js';
import { detectCommit, type DetectOptions } from '../detect.js';
import { mergeAttributions } from '../detect/merge.js';
import type { Identity } from '../types.js';
import type { CommitFacts } from './types.js';

type StoredCommit = { sha: string; parents: string[]; author: Identity; committer: Identity; message: string; paths?: string[] };

/**
 * Control characters a screen shows nothing for: C0 but backspace, tab, the line breaks and escape,
 * DEL, and C1 but NEL (a line break). Reading takes each as a space (`claude\x01qwen3-coder` names
 * two models), while `git log` without a pager, `git cat-file -p` and a web page show
 * `q\x01wen3-coder` as `qwen3-coder` and `Co-authored\x01-by:` as `Co-authored-by:`.
 */
const UNSEEN = /[\x01-\x07\x0e-\x1a\x1c-\x1f\x7f-\x84\x86-\x9f]/;
const UNSEEN_ALL = new RegExp(UNSEEN.source, 'g');
/**
 * Escape sequences a terminal acts on without drawing them (ECMA-48): the strings (OSC, DCS, SOS,
 * PM, APC) up to BEL or ST, CSI, and the others (`ESC 7` saves the cursor, `ESC ( B` picks a
 * character set, `ESC =`). Reading drops CSI only and takes the others' escape as a space, so
 * `q\x1b7wen3-coder`, shown `qwen3-coder`, read as two words.
 */
const ESCAPES = /\x1b[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b\[[0-?]*[ -/]*[@-~]|\x1b[ -/]*[0-~]/g;
/**
 * U+FFFD, what a byte that is no UTF-8 is read as (`Assisted\x81-by:`, an overlong `\xc0\xaf`, a
 * surrogate's `\xed\xa0\x80`): a terminal shows `�` or nothing for it, a web page `�`, and a person
 * reads `Assisted�-by: qwen-code:qwen/qwen3-coder` or `qw�en3-coder` past it, while reading took it as
 * a letter of no name: `Assisted�-by` was no key and `qw�en3-coder` no model.
 */
const REPLACED = /\ufffd/g;
const HIDDEN = new RegExp(`${UNSEEN.source}|\x1b|\ufffd`);

/** `commit` as a person reads it, its escape sequences, unseen control characters and U+FFFD dropped; null when it holds none. */
function asShown(commit: StoredCommit): StoredCommit | null {
  const texts = [commit.message, commit.author.name, commit.author.email, commit.committer.name, commit.committer.email];
  if (!texts.some((text) => HIDDEN.test(text))) return null;
  const drop = (text: string): string => text.replace(ESCAPES, '').replace(UNSEEN_ALL, '').replace(REPLACED, '');
  const identity = (who: Identity): Identity => ({ ...who, name: drop(who.name), email: drop(who.email) });
  return { ...commit, message: drop(commit.message), author: identity(commit.author), committer: identity(commit.committer) };
}

/**
 * The facts of a stored commit (one record of a `git log` pass): detection + trailers + paths.
 * A commit holding control characters a screen does not show, or bytes that are no UTF-8, is also
 * read as shown (asShown): what either reading names counts.
 */
export function storedCommitFacts(commit: StoredCommit, options: DetectOptions): CommitFacts {
  const signals = commitSignals(commit);
  const attributions = detectCommit(signals, options);
  const shown = asShown(commit);
  return {
    sha: commit.sha,
    subject: signals.subject,
    attributions: shown === null ? attributions : mergeAttributions([...attributions, ...detectCommit(commitSignals(shown), options)]),
    trailers: signals.trailers,
    author: commit.author,
    paths: commit.paths ?? [],
    isMerge: commit.parents.length > 1,
  };
}

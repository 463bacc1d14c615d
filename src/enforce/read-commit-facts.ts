import type { DetectOptions } from '../core/detect.js';
import { showsOtherwise } from '../core/commit-encoding.js';
import { mergeAttributions } from '../core/detect/merge.js';
import { storedCommitFacts } from '../core/policy/commit-facts.js';
import type { CommitFacts } from '../core/policy/types.js';
import type { CommitRecord } from '../git/log.js';
import { GitError } from '../git/exec.js';
import { enforceMessages } from './messages.js';
import { identityReadings, storedCommit, type StoredCommit } from '../git/raw-message.js';

/**
 * A message read as UTF-8 that was none: bytes git could not convert (U+FFFD where a byte was). A
 * UTF-16 byte order mark (FF FE, FE FF) so read, two U+FFFD first, is no such byte: the reading
 * without NUL bytes holds the rest of a UTF-16 message as text.
 */
function notDecoded(message: string): boolean {
  return message.replace(/^\uFFFD\uFFFD/, '').includes('\uFFFD');
}

/**
 * The message as the table of the `encoding` header's name reads it (Node's TextDecoder, WHATWG's: Shift_JIS as
 * Windows' CP932, whose ① and 髙 glibc's SHIFT_JIS lacks, so git shows a Japanese person's message as stored;
 * EUC-KR as CP949, GB2312 as GBK; row 1013); null when it names no such table, or the bytes are no text in it.
 * EBCDIC, UTF-7 and the ISO-2022 names WHATWG maps to `replacement` are none, nor UTF-16 (read without its NUL
 * bytes already): those messages stay refused. Each table left keeps ASCII as ASCII, so the stored bytes'
 * reading still holds any ASCII trailer: this reading adds, it never hides.
 */
function decodedAs(encoding: string, bytes: Buffer): string | null {
  try {
    const decoder = new TextDecoder(encoding.trim(), { fatal: true });
    return decoder.encoding === 'replacement' || decoder.encoding.startsWith('utf-16') ? null : decoder.decode(bytes);
  } catch {
    return null;
  }
}

/** Whether git may show `commit` otherwise than its stored bytes read as UTF-8 say (showsOtherwise). */
function reencoded(commit: CommitRecord): boolean {
  return showsOtherwise(commit.encoding, [commit.message, commit.author.name, commit.author.email, commit.committer.name, commit.committer.email]);
}

/**
 * The facts enforcement judges a commit (one record of a `git log` pass) by: what git shows of it,
 * and what its stored object says where git shows less: under an `encoding` header git cannot
 * read the bytes by, its message, author and committer as stored; an object holding a NUL byte
 * (in its message, or in an author or committer line git then shows none of) or an author or
 * committer line git cannot split, or more than one of either (git shows the last), all of it as
 * stored, each identity line read (`stored`, from commitsReadAsStored).
 * Every reading only adds: a token any of them names counts. Used for every commit whose
 * attributions a verdict rests on: the judged range's and the older commits whose lines a range
 * moves into protected files.
 */
export async function readCommitFacts(repoDir: string, commit: CommitRecord, detect: DetectOptions, stored: ReadonlyMap<string, StoredCommit>): Promise<CommitFacts> {
  const facts = storedCommitFacts(commit, detect);
  const readings: CommitFacts[] = [];
  const whole = stored.get(commit.sha);
  if (reencoded(commit)) {
    const raw = await storedCommit(repoDir, commit.sha);
    // git re-encodes a commit whole (headers and message) and, where iconv cannot convert the whole
    // (EBCDIC-US: its table lacks bytes the headers' ASCII letters are), shows the stored bytes as they are: a
    // message in that encoding names its model to no reading here (row 999). When no reading is
    // text (the one without NUL bytes too: a UTF-16 message is read there), refused as unreadable.
    if (notDecoded(commit.message) && notDecoded(raw.message) && (whole === undefined || notDecoded(whole.message))) {
      // A table that reads the bytes whole (CP932's ① under Shift_JIS) is one more reading, not a refusal (row 1013).
      const decoded = decodedAs(commit.encoding ?? '', raw.messageBytes);
      if (decoded === null) throw new GitError(enforceMessages.messageNotDecoded(commit.sha, commit.encoding ?? ''), ['log'], null, '');
      readings.push(storedCommitFacts({ ...commit, message: decoded }, detect));
    }
    for (const reading of identityReadings(raw)) readings.push(storedCommitFacts({ ...commit, ...reading }, detect));
  }
  if (whole !== undefined) for (const reading of identityReadings(whole)) readings.push(storedCommitFacts({ ...commit, ...reading }, detect));
  if (readings.length > 0) facts.attributions = mergeAttributions([facts, ...readings].flatMap((reading) => reading.attributions));
  return facts;
}

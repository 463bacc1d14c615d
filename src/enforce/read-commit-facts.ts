import type { DetectOptions } from '../core/detect.js';
import { mergeAttributions } from '../core/detect/merge.js';
import { storedCommitFacts } from '../core/policy/commit-facts.js';
import type { CommitFacts } from '../core/policy/types.js';
import type { CommitRecord } from '../git/log.js';
import { identityReadings, storedCommit, type StoredCommit } from '../git/raw-message.js';

/** The encoding git shows a commit in (`--encoding=UTF-8`): a header naming it changes nothing. */
const UTF8 = /^utf-?8$/i;
/**
 * Encodings git re-encodes a commit from without touching its ASCII bytes (a latin1 project's
 * commits). Any other `encoding` header (EBCDIC, UTF-16, a name iconv lacks) can make what git
 * shows (the message, and the author and committer, which git re-encodes with it) differ from the
 * bytes stored, so both are read; under these, so are the stored bytes of a commit git shows
 * any character past ASCII of (UTF-8 stored under `encoding ISO-8859-1` shows as mojibake: a
 * model's name in Chinese, an author's name, read as nothing).
 */
const ASCII_SAFE = /^((us-)?ascii|iso[-_]?8859-\d+|latin-?\d|(windows|cp)-?125\d|euc-?(jp|kr|cn)|shift[-_]?jis|sjis|gbk|gb2312|gb18030|big5|koi8-?[ru])$/i;
/** A character past ASCII. */
const PAST_ASCII = /[^\x00-\x7f]/;

/** Whether git may show `commit` otherwise than its stored bytes read as UTF-8 say (see ASCII_SAFE). */
function reencoded(commit: CommitRecord): boolean {
  const encoding = commit.encoding?.trim();
  if (encoding === undefined || UTF8.test(encoding)) return false;
  if (!ASCII_SAFE.test(encoding)) return true;
  return [commit.message, commit.author.name, commit.author.email, commit.committer.name, commit.committer.email].some((text) => PAST_ASCII.test(text));
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
  if (reencoded(commit)) {
    for (const reading of identityReadings(await storedCommit(repoDir, commit.sha))) readings.push(storedCommitFacts({ ...commit, ...reading }, detect));
  }
  const whole = stored.get(commit.sha);
  if (whole !== undefined) for (const reading of identityReadings(whole)) readings.push(storedCommitFacts({ ...commit, ...reading }, detect));
  if (readings.length > 0) facts.attributions = mergeAttributions([facts, ...readings].flatMap((reading) => reading.attributions));
  return facts;
}

import type { DetectOptions } from '../core/detect.js';
import { showsOtherwise } from '../core/commit-encoding.js';
import { mergeAttributions } from '../core/detect/merge.js';
import { storedCommitFacts } from '../core/policy/commit-facts.js';
import type { CommitFacts } from '../core/policy/types.js';
import type { CommitRecord } from '../git/log.js';
import { identityReadings, storedCommit, type StoredCommit } from '../git/raw-message.js';

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
  if (reencoded(commit)) {
    for (const reading of identityReadings(await storedCommit(repoDir, commit.sha))) readings.push(storedCommitFacts({ ...commit, ...reading }, detect));
  }
  const whole = stored.get(commit.sha);
  if (whole !== undefined) for (const reading of identityReadings(whole)) readings.push(storedCommitFacts({ ...commit, ...reading }, detect));
  if (readings.length > 0) facts.attributions = mergeAttributions([facts, ...readings].flatMap((reading) => reading.attributions));
  return facts;
}

import { commitSignals } from '../commit-signals.js';
import { detectCommit, type DetectOptions } from '../detect.js';
import type { Identity } from '../types.js';
import type { CommitFacts } from './types.js';

/** The facts of a stored commit (one record of a `git log` pass): detection + trailers + paths. */
export function storedCommitFacts(
  commit: { sha: string; parents: string[]; author: Identity; committer: Identity; message: string; paths?: string[] },
  options: DetectOptions,
): CommitFacts {
  const signals = commitSignals(commit);
  return {
    sha: commit.sha,
    subject: signals.subject,
    attributions: detectCommit(signals, options),
    trailers: signals.trailers,
    author: commit.author,
    paths: commit.paths ?? [],
    isMerge: commit.parents.length > 1,
  };
}

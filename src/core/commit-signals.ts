import { parseCommitTrailers } from './trailers.js';
import type { CommitSignals, Identity } from './types.js';

/** The detection signals of a stored commit: trailers read exactly as git reads stored commits. */
export function commitSignals(commit: { message: string; author: Identity; committer: Identity }): CommitSignals {
  const firstLine = commit.message.split('\n', 1)[0] ?? '';
  return {
    subject: firstLine.replace(/\r$/, ''),
    message: commit.message,
    trailers: parseCommitTrailers(commit.message),
    author: commit.author,
    committer: commit.committer,
  };
}

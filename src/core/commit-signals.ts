import { subjectLine } from './subject-line.js';
import { parseCommitTrailers } from './trailers.js';
import type { CommitSignals, Identity } from './types.js';

/** The detection signals of a stored commit: its subject and trailers read exactly as git reads stored commits. */
export function commitSignals(commit: { message: string; author: Identity; committer: Identity; mergeTags?: readonly string[]; tooLarge?: CommitSignals['tooLarge'] }): CommitSignals {
  return {
    // The subject git shows (`%s`): past leading blank lines a verbatim message or `git commit-tree` keeps.
    subject: subjectLine(commit.message),
    message: commit.message,
    trailers: parseCommitTrailers(commit.message),
    author: commit.author,
    committer: commit.committer,
    ...(commit.mergeTags !== undefined && commit.mergeTags.length > 0 ? { mergeTags: commit.mergeTags } : {}),
    ...(commit.tooLarge ? { tooLarge: commit.tooLarge } : {}),
  };
}

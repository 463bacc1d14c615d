import type { DetectOptions } from '../core/detect.js';
import { CHANGED_PATHS_CAP, commitsChangingTooMuch } from '../git/change-size.js';
import { GitError, runGit } from '../git/exec.js';
import { streamCommits, type CommitRecord, type LogOptions } from '../git/log.js';
import type { StoredCommit } from '../git/raw-message.js';
import type { CommitNotes } from '../notes/commit-notes.js';
import type { QwenNotes } from '../notes/qwen-notes.js';
import { enforceMessages } from './messages.js';
import { readCommitFacts } from './read-commit-facts.js';

const refusal = (sha: string): GitError => new GitError(enforceMessages.changeTooLarge(sha, CHANGED_PATHS_CAP), ['log'], null, '');

/**
 * The commits of `revisions` changing more than CHANGED_PATHS_CAP files (row 857's bound) that are judged without
 * listing their files (row 925): under no path rule a commit naming no AI, in its message or in a note of either
 * notes ref, passes every rule whatever its files, so a person's vendored import of 2.1 million files is not refused.
 * Refused as before (GitError, exit 3): any such commit under a path rule, or one with an AI signal (its violation
 * would list its files, and a note's lines are matched to them). Each huge commit read once more, without its files.
 */
export async function unlistedHugeCommits(
  repoDir: string,
  revisions: readonly string[],
  run: { byLines: boolean; detect: DetectOptions; stored: ReadonlyMap<string, StoredCommit>; notes: CommitNotes; qwenNotes: QwenNotes; extra: string[] },
): Promise<Set<string>> {
  // Listed here, after judgeCommits refused a range of too large commits: this `git log --boundary` holds each commit's text (row 1069).
  const huge = await commitsChangingTooMuch(repoDir, revisions, CHANGED_PATHS_CAP, { asStored: true }, !run.byLines);
  if (huge.length === 0) return new Set();
  if (run.byLines) throw refusal(huge[0]!);
  const quiet = new Set<string>();
  for await (const commit of streamCommits(repoDir, ['--no-walk=unsorted', '--stdin'], { input: `${huge.join('\n')}\n`, extra: run.extra, asStored: true, whole: true })) {
    const facts = await readCommitFacts(repoDir, commit, run.detect, run.stored);
    const named = await run.qwenNotes.add(commit.sha, await run.notes.add(commit.sha, facts.attributions, []));
    if (named.length > 0) throw refusal(commit.sha);
    quiet.add(commit.sha);
  }
  // Read in git's order: the first huge commit refused is the one git lists first.
  for (const sha of huge) if (!quiet.has(sha)) throw refusal(sha);
  return quiet;
}

/**
 * streamCommits of `revisions` with `options`, in git's order, except that the commits of `unlisted` come without
 * their files (no `--name-only` of them: git would hold their whole change). None unlisted: the one stream as before.
 */
export async function* rangeRecords(repoDir: string, revisions: string[], options: LogOptions, unlisted: ReadonlySet<string>): AsyncGenerator<CommitRecord> {
  if (unlisted.size === 0) {
    yield* streamCommits(repoDir, revisions, options);
    return;
  }
  const order = (await runGit(['log', '--format=%H', '--no-show-signature', '--no-color', ...(options.extra ?? []), ...revisions, '--'], { cwd: repoDir, asStored: options.asStored === true }))
    .split('\n')
    .filter((line) => line !== '');
  const listedShas = order.filter((sha) => !unlisted.has(sha));
  const noWalk = ['--no-walk=unsorted', '--stdin'];
  const listed = listedShas.length === 0 ? null : streamCommits(repoDir, noWalk, { ...options, input: `${listedShas.join('\n')}\n` });
  const bare = streamCommits(repoDir, noWalk, { ...options, paths: false, links: false, input: `${order.filter((sha) => unlisted.has(sha)).join('\n')}\n` });
  try {
    for (const sha of order) {
      const from = unlisted.has(sha) ? bare : listed;
      const next = from === null ? null : await from.next();
      if (next === null || next.done === true || next.value.sha !== sha) throw new GitError(`git log: commit ${sha} not read in order`, ['log'], null, '');
      yield next.value;
    }
  } finally {
    await listed?.return(undefined);
    await bare.return(undefined);
  }
}

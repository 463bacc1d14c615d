import { parseCommitTrailers } from './trailers.js';

/** How far (seconds) an exported author date may be from the hook's clock and still be the one git took now. */
const FRESH_SECONDS = 2;

/**
 * The author date git exported to a commit hook (`GIT_AUTHOR_DATE=@<epoch> <zone>`), written as a
 * commit header stores it (`<epoch> <zone>`), when git did not take it now: an amend keeps the date
 * of the commit it replaces (so do `-c`/`-C`). `undefined` when it is the time of the commit being
 * made (within FRESH_SECONDS of `nowSeconds`: a new commit, or an amend made at once: no telling),
 * when the environment fixes the dates (GIT_COMMITTER_DATE set too: a script making reproducible
 * history) or when it is not git's form.
 */
export function carriedAuthorDate(env: NodeJS.ProcessEnv, nowSeconds: number): string | undefined {
  if (env.GIT_COMMITTER_DATE !== undefined) return undefined;
  const match = /^@(\d{1,15}) ([+-]\d{4})$/.exec(env.GIT_AUTHOR_DATE ?? '');
  if (!match) return undefined;
  const epoch = Number(match[1]);
  return Math.abs(nowSeconds - epoch) <= FRESH_SECONDS ? undefined : `${epoch} ${match[2]}`;
}

/** True when `message` declares under `key` itself (any value: a model, `none`): the person's own word replaces the amended commit's. */
export function declaresUnder(message: string, key: string, commentChar: string): boolean {
  const wanted = key.toLowerCase();
  return parseCommitTrailers(message, { commentChar }).some((trailer) => trailer.key.toLowerCase() === wanted);
}

import { readSession } from '../session/session-file.js';
import { authorIdentSync } from '../git/author-ident.js';
import type { CommitTimeSignals, Identity } from '../core/types.js';

/**
 * Everything detection reads while a commit is being made: the environment, the `aitrail use`
 * session of this worktree, and the author (git exports `GIT_AUTHOR_NAME`/`EMAIL` to commit hooks;
 * otherwise `git var GIT_AUTHOR_IDENT`, one spawn).
 */
export function gatherCommitTimeSignals(cwd: string, gitDir: string, env: NodeJS.ProcessEnv, now: Date = new Date()): CommitTimeSignals {
  let author: Identity | undefined;
  if (env.GIT_AUTHOR_NAME !== undefined || env.GIT_AUTHOR_EMAIL !== undefined) {
    author = { name: env.GIT_AUTHOR_NAME ?? '', email: env.GIT_AUTHOR_EMAIL ?? '' };
  } else {
    author = authorIdentSync(cwd);
  }
  return { env: { ...env }, session: readSession(gitDir, now), author };
}

import { carriedAuthorDate, declaresUnder } from '../core/amend.js';
import { commitSignals } from '../core/commit-signals.js';
import { detectCommit, type DetectOptions } from '../core/detect.js';
import { authorStamp } from '../git/author-stamp.js';
import { streamCommits } from '../git/log.js';
import type { Attribution } from '../core/types.js';

/**
 * What the commit an amend replaces declared, for the amend's message: `git commit --amend -m` (or
 * `-F`) replaces the message, the agent's trailer with it, while the content stays the agent's.
 * git tells a hook nothing of an amend but the author it keeps: the name, email and date of HEAD,
 * exported as GIT_AUTHOR_* (carriedAuthorDate: a date git did not take now). HEAD is read as `log`
 * reads it (its author left out: the amend keeps it, and detection reads it there). Nothing when
 * the new message declares under the trailer key itself (a corrected model, `none`), or when the
 * author is not HEAD's exactly (a new commit, `--reset-author`). prepare-commit-msg asks over `-m`/`-F`;
 * commit-msg asks again over the message the editor left (`git commit --amend` with an agent's
 * `GIT_EDITOR` script that deleted the trailer prepare-commit-msg saw in the old message).
 */
export async function amendedAttributions(cwd: string, env: NodeJS.ProcessEnv, message: string, options: DetectOptions & { trailerKey: string }, commentChar: string, nowSeconds = Math.floor(Date.now() / 1000)): Promise<Attribution[]> {
  const date = carriedAuthorDate(env, nowSeconds);
  if (date === undefined || declaresUnder(message, options.trailerKey, commentChar)) return [];
  const head = await authorStamp(cwd, 'HEAD');
  if (!head || head.date !== date || head.name !== env.GIT_AUTHOR_NAME || head.email !== env.GIT_AUTHOR_EMAIL) return [];
  return headAttributions(cwd, options);
}

/** What HEAD declares, read as `log` reads it, its author left out (an amend keeps it, and detection reads it there). */
export async function headAttributions(cwd: string, options: DetectOptions): Promise<Attribution[]> {
  const found: Attribution[] = [];
  for await (const commit of streamCommits(cwd, ['HEAD'], { extra: ['--no-walk'], whole: true })) {
    found.push(...detectCommit(commitSignals({ ...commit, author: { name: '', email: '' } }), options));
  }
  return found;
}

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
 * author is not HEAD's exactly (a new commit, `--reset-author`; `amend`: what the caller's `keepsHeadAuthor` said). prepare-commit-msg asks over `-m`/`-F`;
 * commit-msg asks again over the message the editor left (`git commit --amend` with an agent's
 * `GIT_EDITOR` script that deleted the trailer prepare-commit-msg saw in the old message).
 */
export async function amendedAttributions(cwd: string, env: NodeJS.ProcessEnv, message: string, options: DetectOptions & { trailerKey: string }, commentChar: string, nowSeconds = Math.floor(Date.now() / 1000), amend?: boolean): Promise<Attribution[]> {
  if (declaresUnder(message, options.trailerKey, commentChar) || !(amend ?? (await keepsHeadAuthor(cwd, env, nowSeconds)))) return [];
  return headAttributions(cwd, options);
}

/**
 * True when the commit being made keeps HEAD's author exactly, its date one git did not take now:
 * an amend of HEAD (or `-c`/`-C HEAD`), as far as a hook can tell. A date that is merely old is no
 * amend: git takes a new commit's date before its hooks and editor run, so a message edited for
 * a while (`git commit -e`, a person at the editor) or hooks slowed by a loaded machine carry a
 * date of their own, not HEAD's (one `git log` of HEAD, only when the date is not fresh).
 */
export async function keepsHeadAuthor(cwd: string, env: NodeJS.ProcessEnv, nowSeconds = Math.floor(Date.now() / 1000)): Promise<boolean> {
  const date = carriedAuthorDate(env, nowSeconds);
  if (date === undefined) return false;
  const head = await authorStamp(cwd, 'HEAD');
  return head !== undefined && head.date === date && head.name === env.GIT_AUTHOR_NAME && head.email === env.GIT_AUTHOR_EMAIL;
}

/** What HEAD declares, read as `log` reads it, its author left out (an amend keeps it, and detection reads it there). */
export async function headAttributions(cwd: string, options: DetectOptions): Promise<Attribution[]> {
  const found: Attribution[] = [];
  for await (const commit of streamCommits(cwd, ['HEAD'], { extra: ['--no-walk'], whole: true })) {
    found.push(...detectCommit(commitSignals({ ...commit, author: { name: '', email: '' } }), options));
  }
  return found;
}

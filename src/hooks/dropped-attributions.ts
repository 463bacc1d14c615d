import { cachedIn, loadConfig } from '../config/load.js';
import { detectOptionsOf } from '../config/defaults.js';
import { declaresUnder } from '../core/amend.js';
import { commitSignals } from '../core/commit-signals.js';
import { detectCommit, type DetectOptions } from '../core/detect.js';
import { recordTrailers } from '../core/record-trailers.js';
import type { Attribution } from '../core/types.js';
import { streamCommits } from '../git/log.js';
import { commentCharFor, trailerCommentChar } from './comment-char.js';
import { amendHeadMessage, headId, type HeadCommit } from './head-commit.js';

/** What `sources` declared (each read as `log` reads it, author included) that `rewritten` does not: the models a rewrite's new message dropped. */
export async function droppedAttributions(cwd: string, rewritten: string, sources: readonly string[], options: DetectOptions): Promise<Attribution[]> {
  const declared: Attribution[] = [];
  let kept: Attribution[] | undefined;
  for await (const commit of streamCommits(cwd, [rewritten, ...sources], { extra: ['--no-walk=unsorted'], whole: true })) {
    const found = detectCommit(commitSignals(commit), options);
    if (kept === undefined) kept = found;
    else declared.push(...found);
  }
  const known = new Set((kept ?? []).map((attribution) => `${attribution.agent}\0${attribution.model}`));
  return declared.filter((attribution) => !known.has(`${attribution.agent}\0${attribution.model}`));
}

/** `attributions` as the trailer lines that record them, for a message to the person. */
export function trailerLines(attributions: readonly Attribution[], key: string): string {
  return attributions.map((attribution) => `${key}: ${attribution.agent}:${attribution.model}`).join(', ');
}

/**
 * What a person is told when the new message of a signed commit dropped models: aitrail never signs
 * in their name (a signature the person did not ask for, of a line they just deleted, may also prompt
 * for a passphrase or a key touch) and never strips one; `fix` is how they add the line themselves.
 */
export function signedDropWarning(made: string, missing: readonly Attribution[], key: string, fix: string): string {
  return `${made.slice(0, 12)} is signed and its message dropped ${trailerLines(missing, key)}; aitrail never re-signs a commit, so it stays as it is: add the line yourself (${fix}), or write \`${key}: none\` to say no model helped`;
}

/** What {@link restoreDropped} did: nothing, HEAD amended with `restored`, or a signed HEAD left as it is (`warning`, for the person). */
export type Restored = { restored: string } | { warning: string } | null;

/**
 * The rewrite carries' common end (post-rewrite after an amend, post-commit at the end of a fold
 * chain): when `head`'s message (HEAD, `rewritten`) lacks models `sources` declared and does not
 * declare under the trailer key itself (`Assisted-by: none`, a corrected model: the person's word),
 * HEAD is amended with them recorded as prepare-commit-msg records them, every other byte as git made
 * it (amendHeadMessage). A signed HEAD is never re-signed nor stripped: the warning says so, and `fix`
 * is how the person adds the line. `restored` names the recorded lines, for a message.
 */
export async function restoreDropped(cwd: string, gitDir: string, env: NodeJS.ProcessEnv, head: HeadCommit, rewritten: string, sources: readonly string[], fix: string): Promise<Restored> {
  const { config } = await loadConfig(cwd, cachedIn({ gitDir, bare: false }));
  const options = detectOptionsOf(config);
  const { message } = head;
  const commentChar = commentCharFor(cwd, message, { gitDir, env }, head.bytes);
  if (declaresUnder(message, options.trailerKey, commentChar)) return null;
  const missing = await droppedAttributions(cwd, rewritten, sources, options);
  if (missing.length === 0) return null;
  const trailerChar = trailerCommentChar(cwd, commentChar, env, message);
  const updated = recordTrailers(message, missing, options.trailerKey, commentChar, { editorOpens: false, trailerChar });
  if (updated === message) return null;
  if (head.signed) return { warning: signedDropWarning(rewritten === 'HEAD' ? await headId(cwd, env) : rewritten, missing, options.trailerKey, fix) };
  await amendHeadMessage(cwd, gitDir, env, head, updated);
  return { restored: `${trailerLines(missing, options.trailerKey)} recorded again (write \`${options.trailerKey}: none\` in the message to say no model helped)` };
}

import { cachedIn, loadConfig } from '../config/load.js';
import { detectOptionsOf } from '../config/defaults.js';
import { declaresUnder } from '../core/amend.js';
import { recordTrailers } from '../core/record-trailers.js';
import { commentCharFor, trailerCommentChar } from './comment-char.js';
import { droppedAttributions, signedDropWarning, trailerLines } from './dropped-attributions.js';
import { amendHeadMessage, headId, readHeadCommit } from './head-commit.js';
import { inRebase } from './in-rebase.js';

/**
 * post-rewrite `amend` (`<old> <new>`: git says for certain which commit an amend replaced), after
 * what commit-msg could not tell from the environment: an amend with `--reset-author`, one within
 * 2 s of the commit it replaces, dates fixed by GIT_COMMITTER_DATE, `-m` over an AI commit node never
 * saw. When the new commit (still HEAD) lacks models the old one declared (read as `log` reads it,
 * author included) and does not declare under the trailer key itself (`Assisted-by: none`, a
 * corrected model: the person's word), HEAD is amended with them recorded, everything else as git
 * made it (head-commit.ts). A signed HEAD is never re-signed nor stripped: it stays, and the person
 * is told. Not a rebase's own amends (its fold and reword steps are post-commit's and commit-msg's).
 * Returns lines to print.
 */
export async function carryAmendedAttributions(cwd: string, gitDir: string, env: NodeJS.ProcessEnv, pairs: ReadonlyArray<[string, string]>): Promise<string[]> {
  const [pair] = pairs;
  if (inRebase(env) || pairs.length !== 1 || !pair) return [];
  const [old, made] = pair;
  if ((await headId(cwd, env)) !== made) return [];
  const head = await readHeadCommit(cwd, env, made);
  if (!head) return [];
  const { config } = await loadConfig(cwd, cachedIn({ gitDir, bare: false }));
  const options = detectOptionsOf(config);
  const { message } = head;
  const commentChar = commentCharFor(cwd, message, { gitDir, env }, head.bytes);
  if (declaresUnder(message, options.trailerKey, commentChar)) return [];
  const missing = await droppedAttributions(cwd, made, [old], options);
  if (missing.length === 0) return [];
  const trailerChar = trailerCommentChar(cwd, commentChar, env, message);
  const updated = recordTrailers(message, missing, options.trailerKey, commentChar, { editorOpens: false, trailerChar });
  if (updated === message) return [];
  if (head.signed) return [signedDropWarning(made, missing, options.trailerKey, '`git commit --amend`')];
  await amendHeadMessage(cwd, gitDir, env, head, updated);
  return [`the amend dropped what ${old.slice(0, 12)} declared: ${trailerLines(missing, options.trailerKey)} recorded again (write \`${options.trailerKey}: none\` in the message to say no model helped)`];
}

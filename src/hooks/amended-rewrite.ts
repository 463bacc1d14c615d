import { restoreDropped } from './dropped-attributions.js';
import { headId, readHeadCommit } from './head-commit.js';
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
  if (inRebase(env, gitDir) || pairs.length !== 1 || !pair) return [];
  const [old, made] = pair;
  if ((await headId(cwd, env)) !== made) return [];
  const head = await readHeadCommit(cwd, env, made);
  if (!head) return [];
  const done = await restoreDropped(cwd, gitDir, env, head, made, [old], '`git commit --amend`');
  if (!done) return [];
  return ['warning' in done ? done.warning : `the amend dropped what ${old.slice(0, 12)} declared: ${done.restored}`];
}

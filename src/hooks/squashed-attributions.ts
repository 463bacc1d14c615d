import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { editedFoldStep, foldChainStart, foldContinues, foldedCommits, REBASE_DONE, REBASE_FIXUPS } from '../core/checkpoint/store-layout.js';
import { restoreDropped } from './dropped-attributions.js';
import { readHeadCommit } from './head-commit.js';
import { inRebase } from './in-rebase.js';

/**
 * post-commit of the last step of a rebase's fold chain whose message git let the person edit
 * (`squash`, `fixup -c`, `fixup -C`): git runs prepare-commit-msg (which records what the folded
 * commits declared) before its editor, then no commit-msg hook (the sequencer commits with
 * --no-verify), so a person who deletes the trailer lines there makes the squashed commit read as
 * theirs. When HEAD's message lacks models the chain's commits declared (the commit it started
 * from, the folded ones in `current-fixups`) and does not declare under the trailer key itself
 * (`Assisted-by: none`: the person's word, as for a reword, row 326), HEAD is amended with them
 * recorded as prepare-commit-msg records: same author, dates, committer and message bytes, the
 * trailer added; no hook runs (core.hooksPath=/dev/null), git itself carries the notes
 * (notes.rewriteRef) and the rebase goes on from the amended commit. A signed HEAD is never re-signed
 * nor stripped: it stays, and the returned warning tells the person. Anything unusual (a merge
 * commit, a message neither UTF-8 nor ISO-8859-1, a failed read) leaves HEAD as it is.
 */
export async function carrySquashedAttributions(cwd: string, gitDir: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  if (!inRebase(env, gitDir)) return undefined;
  let done: string, fixups: string, todo: string;
  try {
    done = readFileSync(join(gitDir, REBASE_DONE), 'utf8');
    if (!editedFoldStep(done)) return undefined;
    fixups = readFileSync(join(gitDir, REBASE_FIXUPS), 'utf8');
    todo = readFileSync(join(gitDir, 'rebase-merge/git-rebase-todo'), 'utf8');
  } catch {
    return undefined;
  }
  if (foldContinues(todo)) return undefined;
  const head = await readHeadCommit(cwd, env);
  if (!head) return undefined;
  const start = foldChainStart(done);
  const restored = await restoreDropped(cwd, gitDir, env, head, 'HEAD', [...(start ? [start] : []), ...foldedCommits(fixups)], '`git rebase -i` and `reword` it, or `git commit --amend` once it is HEAD');
  return restored && 'warning' in restored ? restored.warning : undefined;
}

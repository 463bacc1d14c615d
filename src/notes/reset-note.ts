import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { RESET_SEEN } from '../core/checkpoint/store-layout.js';
import type { DetectOptions } from '../core/detect.js';
import { lastHeadReflogEntries } from '../git/head-reflog.js';
import { headWithParentsSync } from '../git/resolve-commit.js';
import { isAncestor } from '../git/is-ancestor.js';
import { writeFileAtomicSync } from '../io/atomic-write.js';
import { writeSquashMergeNote } from './squash-merge-note.js';

const ZERO = /^0+$/;

/**
 * post-commit: the commit just made is the first after a `git reset --soft` (or `--mixed`) that
 * took HEAD back from `old` to this commit's parent, the commits it undid still in the work (the
 * idiom `git reset --soft HEAD~3 && git commit` squashes them). git copies no note, so their AI
 * lines read as the person's; git-ai rebuilds them (`rewrite_reset.rs`,
 * `reconstruct_working_log_after_backward_reset`) so the next commit keeps them. Here the note is
 * composed as for a squash merge (writeSquashMergeNote: the undone commits' notes, each line carried
 * through a line diff to this commit, only lines it adds), told by the worktree's HEAD reflog: its
 * last entry this plain commit (`commit: …`), the one before `reset: moving to …` from `old` to this
 * commit's one parent, an ancestor of `old`. Marks the look done (RESET_SEEN) for the shim. Returns
 * warnings. (row 931)
 */
export async function writeResetNote(top: string, gitDir: string, own: string | null, options: DetectOptions): Promise<string[]> {
  try {
    if (existsSync(dirname(join(gitDir, RESET_SEEN)))) writeFileAtomicSync(join(gitDir, RESET_SEEN), '');
  } catch {
    // Not marked: the shim reads the reflog again at the next commit, which finds no reset before it.
  }
  const [reset, commit] = lastHeadReflogEntries(gitDir, 2);
  if (!reset || !commit || !reset.message.startsWith('reset: moving to ') || !commit.message.startsWith('commit: ')) return [];
  const parent = commit.oldOid;
  const old = reset.oldOid;
  if (reset.newOid !== parent || old === parent || ZERO.test(old)) return [];
  const made = headWithParentsSync(top);
  if (!made || made.head !== commit.newOid || made.parents.length !== 1 || made.parents[0] !== parent) return [];
  if (!(await isAncestor(top, parent, old))) return [];
  return writeSquashMergeNote({ top, head: made.head, parent, squashed: [old], own, options });
}

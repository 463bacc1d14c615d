import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execStep, PICK_SOURCE, REBASE_DONE } from '../core/checkpoint/store-layout.js';
import { restoredParent, revertOf } from '../core/blame/revert-of.js';
import { headWithParentsSync, withParentsSync } from '../git/resolve-commit.js';
import { runGitSync } from '../git/exec.js';
import { commitByPrefixSync } from '../git/commits-by-prefix.js';
import { DEFAULT_NOTES_REF } from '../core/notes/notes-ref.js';
import { writeFileAtomicSync } from '../io/atomic-write.js';
import { removeFileIfThere } from '../io/remove-file.js';
import { leftBehind } from '../hooks/left-behind.js';

const OID = /^[0-9a-f]{40,64}$/;

/** A rebase is under way in this worktree (git's state folders): what it commits is post-rewrite's. */
export function rebasing(gitDir: string): boolean {
  return existsSync(join(gitDir, 'rebase-merge')) || existsSync(join(gitDir, 'rebase-apply'));
}

/**
 * An interactive rebase is running an `exec` step (the last line of `rebase-merge/done`): what that
 * command commits is new work, not a replayed commit. One file check outside a rebase.
 */
export function rebaseExecStep(gitDir: string): boolean {
  const file = join(gitDir, REBASE_DONE);
  if (!existsSync(file)) return false;
  try {
    return execStep(readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
}

/** The commit a cherry-pick is committing (`<git dir>/CHERRY_PICK_HEAD`), outside a rebase; or null. */
export function cherryPickHead(gitDir: string): string | null {
  const file = join(gitDir, 'CHERRY_PICK_HEAD');
  // Almost never there: asked without an exception first (a failed read builds an error with its stack).
  if (!existsSync(file) || rebasing(gitDir)) return null;
  try {
    const id = readFileSync(file, 'utf8').trim();
    return OID.test(id) ? id : null;
  } catch {
    return null;
  }
}

/** `MERGE_MSG` is read this far for its `-x` line (git's own line ends a message; a longer one names no pick here). */
const MAX_MERGE_MSG_BYTES = 1024 * 1024;
const PICKED_LINE = /^\(cherry picked from commit ([0-9a-f]{40}|[0-9a-f]{64})\)\r?$/gm;

/**
 * The commit a `git cherry-pick -n -x` (`--no-commit`) copied, for the `git commit` that follows:
 * git writes no `CHERRY_PICK_HEAD` then, only `MERGE_MSG` with the picked message and its
 * `(cherry picked from commit <sha>)` line, the last such line (git appends it below any the picked
 * message already held; of `-n -x A B`, git keeps B's message only). None under a merge
 * (`MERGE_HEAD`) or a rebase, or without `-x`.
 */
function noCommitPick(cwd: string, gitDir: string): string | null {
  const text = mergeMessage(gitDir);
  const picked = text === null ? null : ([...text.matchAll(PICKED_LINE)].at(-1)?.[1] ?? null);
  // A `-n -x` pick given up (`git restore`: git keeps MERGE_MSG): what is committed is none of it.
  return picked !== null && givenUp(cwd, gitDir) ? null : picked;
}

/** `MERGE_MSG` (its first MiB) while no merge or rebase is under way, or null. */
function mergeMessage(gitDir: string): string | null {
  const file = join(gitDir, 'MERGE_MSG');
  if (!existsSync(file) || existsSync(join(gitDir, 'MERGE_HEAD')) || rebasing(gitDir)) return null;
  try {
    return readFileSync(file).subarray(0, MAX_MERGE_MSG_BYTES).toString('latin1');
  } catch {
    return null;
  }
}

/** A pick or revert given up (`git restore`): git keeps MERGE_MSG, and what is committed is none of it. */
function givenUp(cwd: string, gitDir: string): boolean {
  try {
    return leftBehind(cwd, 'MERGE_MSG', readFileSync(join(gitDir, 'MERGE_MSG'), 'utf8'));
  } catch {
    return true;
  }
}

/**
 * The content a `git revert` being committed restores (row 1015): git commits a revert with the
 * reverted commit's message in `MERGE_MSG` (`This reverts commit <sha>.`, its full sha, or in git's reference format an abbreviated one; no
 * `CHERRY_PICK_HEAD`, no `MERGE_HEAD`), and brings back the lines of the reverted commit's parent
 * (its `-m` side for a merge): a revert of a revert of an agent's commit brings back the agent's
 * lines. That parent, when the message names a commit here; git-ai (rewrite_revert.rs) carries its note, clipped to
 * the lines the revert adds (post-commit, carryRewrittenNotes' `clip`). What the message says is checked again there:
 * only lines the new commit adds that equal lines the parent's note claims are carried.
 */
function revertSource(cwd: string, gitDir: string): { restored: string; merge: boolean } | null {
  const text = mergeMessage(gitDir);
  const revert = text === null ? null : revertOf(text);
  if (revert === null || givenUp(cwd, gitDir)) return null;
  // revertOf names a full sha, or an abbreviated one in git's reference format (`revert.reference`, `--reference`: row 1042), which git resolves here.
  // Looked for among objects only: a branch or tag so named would win in `rev-parse` (row 1074), for 40 digits too in a
  // SHA-256 repository, where they are an abbreviation (row 1105).
  const reverted = commitByPrefixSync(cwd, revert.reverted);
  const restored = reverted === null || !reverted.head.startsWith(revert.reverted) ? null : restoredParent(revert, reverted.parents);
  // Only a noted parent has a note to carry (post-commit then starts node; otherwise it stays in its shim), or a merge
  // (a revert of a `revert -m 1`): the notes of the commits it brought in, composed by post-commit (row 1106).
  if (restored === null) return null;
  if (runGitSync(['notes', `--ref=${DEFAULT_NOTES_REF}`, 'list', restored], { cwd, okCodes: [1] }).trim() !== '') return { restored, merge: false };
  if ((withParentsSync(cwd, restored)?.parents.length ?? 0) < 2) return null;
  // Only when the reverted commit itself reverts that merge (row 1116): a merge is the parent of any commit made right
  // after it, whose revert restores nothing the merge brought in (post-commit would start node for nothing).
  const again = revertOf(runGitSync(['log', '-1', '--format=%B', reverted!.head, '--'], { cwd }));
  return again !== null && again.reverted.length >= 4 && restored.startsWith(again.reverted) ? { restored, merge: true } : null;
}

/**
 * prepare-commit-msg: keep the picked commit and the HEAD it goes onto (PICK_SOURCE) while
 * `CHERRY_PICK_HEAD` says a cherry-pick is being committed, or `MERGE_MSG` names the commit a
 * `cherry-pick -n -x` copied (noCommitPick); drop what an earlier, unfinished one left otherwise.
 * One git process during a cherry-pick, three file checks on any other commit.
 */
export function keepPickSource(cwd: string, gitDir: string): void {
  const file = join(gitDir, PICK_SOURCE);
  const picked = cherryPickHead(gitDir) ?? noCommitPick(cwd, gitDir);
  const restored = picked === null ? revertSource(cwd, gitDir) : null;
  if (!picked && !restored) {
    removeFileIfThere(file);
    return;
  }
  const head = headWithParentsSync(cwd)?.head;
  // A revert's source is marked: post-commit carries its note only to the lines the revert adds.
  // A merge's (row 1106) is marked apart: post-commit asks git of the merge's parents and notes for it alone (session 54 helper h).
  if (head) writeFileAtomicSync(file, picked ? `${picked}\n${head}\n` : `${restored!.restored}\n${head}\n${restored!.merge ? 'revert-merge' : 'revert'}\n`, { mkdir: true });
  else removeFileIfThere(file);
}

/** post-commit: a cherry-pick may have just been committed (git's CHERRY_PICK_HEAD, or what prepare-commit-msg kept of it). */
export function pickUnderway(gitDir: string): boolean {
  return existsSync(join(gitDir, 'CHERRY_PICK_HEAD')) || existsSync(join(gitDir, PICK_SOURCE));
}

/**
 * post-commit: the commit a cherry-pick just committed came from: `CHERRY_PICK_HEAD` while git
 * still has it, else what prepare-commit-msg kept, trusted only when the new commit's first parent
 * is the HEAD it was kept on (`parent`, null for a root commit). Either way the kept file is gone
 * afterwards: it never speaks for a later commit.
 */
export function takePickSource(gitDir: string, parent: string | null): { commit: string; revert: boolean; merge?: true } | null {
  const file = join(gitDir, PICK_SOURCE);
  const current = cherryPickHead(gitDir);
  let kept: { commit: string; revert: boolean; merge?: true } | null = null;
  if (existsSync(file)) {
    try {
      const [picked, onto, kind] = readFileSync(file, 'utf8').split('\n');
      if (picked && onto && OID.test(picked) && onto === parent) kept = { commit: picked, revert: kind === 'revert' || kind === 'revert-merge', ...(kind === 'revert-merge' ? { merge: true as const } : {}) };
    } catch {
      kept = null;
    }
    removeFileIfThere(file);
  }
  return current ? { commit: current, revert: false } : kept;
}

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { RESET_PENDING, RESET_SEEN } from '../core/checkpoint/store-layout.js';
import type { DetectOptions } from '../core/detect.js';
import { lastHeadReflogEntries, type ReflogEntry } from '../git/head-reflog.js';
import { GitError, NO_FSMONITOR, runGit } from '../git/exec.js';
import { headWithParentsSync } from '../git/resolve-commit.js';
import { isAncestor } from '../git/is-ancestor.js';
import { writeFileAtomicSync } from '../io/atomic-write.js';
import { removeFileIfThere } from '../io/remove-file.js';
import { writeFreshNote } from './fresh-note.js';
import { writeSquashMergeNote } from './squash-merge-note.js';

const ZERO = /^0+$/;

/** How many plain commits after a reset still carry its undone notes (the reflog read back that far, RESET_PENDING kept that long). */
export const RESET_CHAIN_LIMIT = 20;

/**
 * A reflog line of a reset that may have moved HEAD back: `reset: moving to <rev>`, or, under
 * GIT_REFLOG_ACTION (a script's, git-sh-setup's set_reflog_action), `<action>: updating HEAD` (git's
 * builtin/reset.c set_reflog_message); never a commit's own line, whose subject may end so. (rows 931, 951)
 */
function isResetLine(message: string): boolean {
  return message.startsWith('reset: moving to ') || (!message.startsWith('commit') && message.endsWith(': updating HEAD'));
}

/**
 * The reset the reflog's last line (a plain commit, `commit: …`) follows through plain commits only,
 * each from the one before (at most RESET_CHAIN_LIMIT of them), with how many, or null.
 */
function resetBefore(entries: readonly ReflogEntry[], action: string): { reset: ReflogEntry; commits: number; chain: readonly ReflogEntry[] } | null {
  let next = entries.length - 1;
  if (next < 1 || !isCommitLine(entries[next]!.message, action)) return null;
  for (let index = next - 1; index >= 0; index -= 1) {
    const entry = entries[index]!;
    if (entry.newOid !== entries[next]!.oldOid) return null;
    if (isResetLine(entry.message)) return { reset: entry, commits: entries.length - 1 - index, chain: entries.slice(index + 1) };
    if (!isCommitLine(entry.message, action)) return null;
    next = index;
  }
  return null;
}

/**
 * A plain commit's reflog line (`commit: …`) or an amend's (`commit (amend): …`, row 952): no
 * merge, no initial commit; or, when this commit runs under GIT_REFLOG_ACTION (`action`, its hooks
 * inherit it), `<action>: …`, which git's builtin/commit.c logs for both (row 963): never a
 * reset's line.
 */
function isCommitLine(message: string, action: string): boolean {
  return message.startsWith('commit: ') || message.startsWith('commit (amend): ') || isActionLine(message, action);
}

/** A commit's line under GIT_REFLOG_ACTION `action` (row 963): plain or amend alike. */
function isActionLine(message: string, action: string): boolean {
  return action !== '' && message.startsWith(`${action}: `) && !isResetLine(message);
}

/**
 * post-commit: the commit just made follows a `git reset --soft` (or `--mixed`) that took HEAD back
 * from `old` to an ancestor, the commits it undid still in the work (the idiom
 * `git reset --soft HEAD~3 && git commit` squashes them), through commits only (a reset, then
 * `git commit -- part` and `git commit` for the rest, or `git commit --amend`). git copies no note,
 * so their AI lines read as the person's; git-ai rebuilds them (`rewrite_reset.rs`, `reconstruct_working_log_after_backward_reset`)
 * and its working log keeps what a commit leaves for the next. Here the note is composed as for a
 * squash merge (writeSquashMergeNote: the undone commits' notes, `parent..old`, each line carried
 * through a line diff to this commit, only lines it adds), told by the worktree's HEAD reflog: its
 * last entry this commit (plain, or an amend: then the note is kept for post-rewrite, which composes
 * it again with the amended commit's), before it commits each from the one before back to a reset line
 * (`reset: moving to …`, or `<action>: updating HEAD` under GIT_REFLOG_ACTION) from `old` to the
 * first one's parent, an ancestor of `old`. Marks the look done (RESET_SEEN) for the shim, and keeps
 * RESET_PENDING while the undone commits hold a note whose files this commit does not hold as `old` does, the
 * index or work tree still differs from this commit at them (row 960: the rest thrown away, nothing left to carry), and the
 * chain is shorter than RESET_CHAIN_LIMIT, so the shim starts node at the next commit too. Returns
 * warnings. (rows 931, 950, 951, 952)
 */
export async function writeResetNote(top: string, gitDir: string, own: string | null, options: DetectOptions, action = ''): Promise<string[]> {
  try {
    if (existsSync(dirname(join(gitDir, RESET_SEEN)))) writeFileAtomicSync(join(gitDir, RESET_SEEN), '');
  } catch {
    // Not marked: the shim reads the reflog again at the next commit, which finds no reset before it.
  }
  let pending = false;
  try {
    const found = resetBefore(lastHeadReflogEntries(gitDir, RESET_CHAIN_LIMIT + 1), action);
    if (!found) return [];
    const { reset } = found;
    const old = reset.oldOid;
    if (old === reset.newOid || ZERO.test(old)) return [];
    const made = headWithParentsSync(top);
    const last = lastHeadReflogEntries(gitDir, 1)[0];
    // An amend's commit replaces the one it amends (its parent is that one's): the undone commits are still `<that one>..old`.
    // Under GIT_REFLOG_ACTION git logs both alike: a commit not made on the one HEAD moved from is an amend (row 963).
    const amend = last?.message.startsWith('commit (amend): ') === true || (last !== undefined && isActionLine(last.message, action) && made?.parents[0] !== last.oldOid);
    if (!made || !last || made.head !== last.newOid || made.parents.length !== 1 || (!amend && made.parents[0] !== last.oldOid)) return [];
    // A reset onto a sibling (no ancestor of `old`: `git reset --soft <other branch>`, row 979) carries only the files this commit holds as `old` did.
    const skip = (await isAncestor(top, reset.newOid, old)) ? undefined : await siblingSkip(top, reset.newOid, old, made.head);
    if (skip === null) return [];
    // The commits between the reset and this one as git made them (row 961): a reflog line is text anyone who writes `.git` writes.
    if (found.commits > 1 && !(await chainIsReal(top, found.chain, action))) return [];
    let noted: readonly string[] = [];
    // After an amend post-rewrite composes the commit's note again, from the amended commit's and the one post-commit wrote (fresh-note.ts): this one.
    const written = amend ? (text: string) => writeFreshNote(gitDir, made.head, text) : undefined;
    const warnings = await writeSquashMergeNote({ top, head: made.head, parent: last.oldOid, squashed: [old], own, options, noted: (paths) => (noted = paths), written, skip, changedOnly: true });
    // Nothing left to carry once the noted files are in this commit as in the old tip (the squash idiom lands them all at once),
    // or once the work tree and index hold them as this commit does (the rest thrown away: a later commit can add none of them, row 960).
    pending = noted.length > 0 && found.commits < RESET_CHAIN_LIMIT && !(await samePaths(top, made.head, old, noted)) && (await workHolds(top, noted));
    return warnings;
  } finally {
    markPending(gitDir, pending);
  }
}

/**
 * Whether each commit line of `chain` is a commit git made so: a plain commit's (`commit: …`) one
 * parent the commit it moved from, an amend's parents those of the commit it replaced. One `git
 * rev-list --no-walk --parents` of the ids (hex, checked by the reflog's reader); a missing object
 * or a failure reads as no. Without it a forged line between the reset and this commit let a reset
 * to any commit (none of this commit's history) carry notes of another branch. (row 961)
 */
async function chainIsReal(top: string, chain: readonly ReflogEntry[], action: string): Promise<boolean> {
  const ids = [...new Set(chain.flatMap((entry) => [entry.oldOid, entry.newOid]))];
  const parents = new Map<string, string>();
  try {
    for (const line of (await runGit(['rev-list', '--no-walk=unsorted', '--parents', ...ids], { cwd: top })).split('\n')) {
      const [id, ...rest] = line.split(' ');
      if (id) parents.set(id, rest.join(' '));
    }
  } catch {
    return false;
  }
  return chain.every((entry) => {
    const made = parents.get(entry.newOid);
    if (made === undefined) return false;
    // Under GIT_REFLOG_ACTION a commit's line says not which it was (row 963): either relation.
    if (isActionLine(entry.message, action) && !entry.message.startsWith('commit')) return made === entry.oldOid || made === parents.get(entry.oldOid);
    return made === (entry.message.startsWith('commit (amend): ') ? parents.get(entry.oldOid) : entry.oldOid);
  });
}

/**
 * After a reset from `old` onto `target`, no ancestor of it (a sibling: `git reset --soft main` once
 * main moved on, `--keep`, `--merge`, `--hard` to `origin/main`): the paths this commit (`head`) does
 * not hold as `old` does, whose undone notes are not carried; or null, nothing carried at all: `old`
 * an ancestor of `target` (a forward reset, no commit undone), no history shared (the undone commits
 * would be all of `old`'s), a local branch still holding `old` (nothing undone; and the bound row 931
 * kept against a forged reflog line naming another branch's noted commit), or git failing. git-ai carries nothing into the commit after such a reset
 * (reset_hooks.rs: its working log deleted); here the squash idiom's note, as after a backward reset,
 * but only where the commit's file is the old tip's whole: the reflog says not whether the reset kept
 * the index (`--soft`) or threw the work away (`--hard origin/main`, then the person's own lines, of
 * which a retyped `}` would align with an agent's). Three git processes. (row 979)
 */
async function siblingSkip(top: string, target: string, old: string, head: string): Promise<Set<string> | null> {
  try {
    const base = (await runGit(['merge-base', target, old], { cwd: top })).trim();
    if (base === '' || base === old) return null;
    // The old tip undone: no local branch still holds it (else another branch's noted commit, named in a reflog line an insider wrote, would carry into a person's identical file).
    if ((await runGit(['for-each-ref', '--count=1', '--contains', old, '--format=x', 'refs/heads/'], { cwd: top })).trim() !== '') return null;
    const out = await runGit(['diff', '--name-only', '-z', '--no-renames', '--no-ext-diff', '--no-textconv', old, head], { cwd: top });
    return new Set(out.split('\0').filter(Boolean));
  } catch {
    return null;
  }
}

/** How many noted paths are compared; past it, the whole trees. */
const PATHS_COMPARED = 256;

/**
 * Whether two commits (full hex ids: no option) hold the same content at `paths` (the notes' names,
 * read literally; past PATHS_COMPARED of them, everywhere): one `git diff --quiet`.
 */
async function samePaths(top: string, one: string, other: string, paths: readonly string[]): Promise<boolean> {
  const limit = paths.length <= PATHS_COMPARED ? ['--', ...paths] : [];
  try {
    await runGit(['--literal-pathspecs', 'diff', '--quiet', '--no-ext-diff', '--no-textconv', one, other, ...limit], { cwd: top });
    return true;
  } catch (error) {
    if (error instanceof GitError && error.exitCode === 1) return false;
    throw error;
  }
}

/**
 * Whether the index or the work tree still differs from HEAD at `paths` (read literally; past
 * PATHS_COMPARED of them, anywhere), untracked files counted (a `reset --mixed` leaves an undone
 * commit's new file untracked): one `git status`, no optional lock, no fsmonitor hook. A failure
 * reads as yes (the mark kept: node looks again at the next commit, at most RESET_CHAIN_LIMIT). (row 960)
 */
async function workHolds(top: string, paths: readonly string[]): Promise<boolean> {
  const limit = paths.length <= PATHS_COMPARED ? ['--', ...paths] : [];
  try {
    const out = await runGit([...NO_FSMONITOR, '--no-optional-locks', '--literal-pathspecs', 'status', '--porcelain', '-z', '--untracked-files=all', '--ignore-submodules=all', ...limit], { cwd: top });
    return out.length > 0;
  } catch {
    return true;
  }
}

/** RESET_PENDING written (never through a link: writeFileAtomicSync renames over it) or removed; a failure leaves it as it was. */
function markPending(gitDir: string, pending: boolean): void {
  const path = join(gitDir, RESET_PENDING);
  try {
    if (pending) {
      if (existsSync(dirname(path))) writeFileAtomicSync(path, '');
    } else removeFileIfThere(path);
  } catch {
    // Kept: node looks again at the next commit, and removes it then.
  }
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REBASE_AMEND, REBASE_FIXUPS, REBASE_STOPPED, SQUASH_SOURCE } from '../core/checkpoint/store-layout.js';
import { pickUnderway, rebaseExecStep } from '../notes/pick-source.js';
import type { HookContext, HookHandler } from './dispatch.js';
import { worktreeGitDir } from './hook-git-dir.js';
import { inRebase } from './in-rebase.js';
import { firstLine, hookWarning as warn } from './hook-warning.js';

/**
 * A rebase, cherry-pick or revert replaying commits: what they commit came from other commits, not
 * from the agent edits waiting in checkpoints (the rewrite's notes are post-rewrite's business).
 * As prepare-commit-msg records them, two commits made while an interactive rebase is under way are
 * new work: one an `exec` step's command makes (git exports GIT_CHERRY_PICK_HELP to it too), and a
 * `git commit` at a stop (`edit`, `break`, a conflict): a fresh process, without the variables git's
 * own replays run their hooks with. `rebase-apply` (git am) stays a replay.
 */
export function isReplay(env: NodeJS.ProcessEnv, gitDir: string): boolean {
  if (rebaseExecStep(gitDir)) return false;
  // A rebase's variables count only while one is under way (in-rebase.ts: a committed .env may set them).
  if (inRebase(env, gitDir) || (/^(cherry-pick|revert)\b/.test(env.GIT_REFLOG_ACTION ?? '') && pickCommitting(gitDir))) return true;
  return existsSync(join(gitDir, 'rebase-apply'));
}

/**
 * git's own commit of a stopped pick, made by `git rebase --continue` at a conflict stop
 * (`rebase-merge/stopped-sha`, no `amend`: in-rebase.ts reads it as a replay, the picked commit's
 * message, author and trailers kept). Lines an agent wrote into the resolution at the stop are in
 * its checkpoints (its own edits, recorded by its hooks), and only lines equal to those count
 * (recordCommit): they get their line-level note, as in any commit; a person's own resolution, and
 * the picked commit's lines nobody edited there, stay as they were. No trailer is written: the commit
 * is still the picked one (a person's rebase of old history run in an agent's terminal is not
 * re-attributed). The shim starts node here only when a checkpoint is pending.
 */
function resolvedAtStop(gitDir: string): boolean {
  return existsSync(join(gitDir, REBASE_STOPPED)) && !existsSync(join(gitDir, REBASE_AMEND));
}

/**
 * git 2.39 exports GIT_REFLOG_ACTION=cherry-pick (or revert) only to the `git commit` it starts for a
 * pick or revert the person edits (`-e`, `--continue`); its in-process commits get none. Then the
 * picked commit was kept by prepare-commit-msg (CHERRY_PICK_HEAD: pickUnderway), or a run of several
 * commits keeps `sequencer`. Without either the variable is anyone's (a committed `.env`), and it
 * skipped the agent commit's line-level note. A single `git revert -e` leaves neither: its commit is
 * recorded from the checkpoints as any other (only lines equal to an agent's pending ones count).
 */
function pickCommitting(gitDir: string): boolean {
  return pickUnderway(gitDir) || existsSync(join(gitDir, 'sequencer'));
}

/**
 * `post-commit`: the new commit's git-ai note (refs/notes/ai), from the agents' checkpoints: for
 * each committed file, the lines the agent wrote that nobody changed since and that this commit
 * adds; a cherry-picked commit also gets the picked commit's note, carried to its lines, and a
 * `git merge --squash` committed the note composed from the squashed commits' notes. Never
 * blocks (git ignores its exit code anyway).
 */
export const handler: HookHandler = async (_args, context) => {
  try {
    const gitDir = await worktreeGitDir(context.cwd, context.env);
    if (!gitDir) return 0;
    // A cherry-pick being committed: git's CHERRY_PICK_HEAD, or what prepare-commit-msg kept of it (`git commit` removes it first).
    const picking = pickUnderway(gitDir);
    let written: string | null = null;
    if (!isReplay(context.env, gitDir) || resolvedAtStop(gitDir)) {
      const { recordCommit } = await import('../notes/record-commit.js');
      const recorded = await recordCommit(context.cwd, gitDir, context.env);
      for (const line of recorded.warnings) warn(context.env, line);
      written = recorded.written;
    }
    const replay = isReplay(context.env, gitDir);
    // A commit after a `git reset --soft`/`--mixed` (git's ORIG_HEAD there): the undone commits' notes (rows 931, 950).
    if (!picking && !replay && !existsSync(join(gitDir, SQUASH_SOURCE)) && existsSync(join(gitDir, 'ORIG_HEAD'))) {
      try {
        const [{ writeResetNote }, { loadHookConfig }] = await Promise.all([import('../notes/reset-note.js'), import('./hook-config.js')]);
        const { config } = await loadHookConfig(context.cwd, gitDir);
        for (const line of await writeResetNote(context.cwd, gitDir, written, { detect: config.detect, trailerKey: config.trailer.key }, context.env.GIT_REFLOG_ACTION ?? '')) warn(context.env, line);
      } catch (error) {
        warn(context.env, `post-commit could not carry the notes of the commits a reset undid: ${firstLine(error)}`);
      }
    }
    // A `git merge --squash` just committed (what prepare-commit-msg kept of SQUASH_MSG, which `git commit` removes first).
    if (!picking && existsSync(join(gitDir, SQUASH_SOURCE))) {
      try {
        for (const line of await squashMergeNote(context, gitDir, written)) warn(context.env, line);
      } catch (error) {
        warn(context.env, `post-commit could not compose the squash commit's line-level note: ${firstLine(error)}`);
      }
    }
    // The last step of a rebase's squash (or `fixup -c`/`-C`): the editor may have dropped what the folded commits declared (row 341).
    if (!picking && existsSync(join(gitDir, REBASE_FIXUPS))) {
      try {
        const warning = await (await import('./squashed-attributions.js')).carrySquashedAttributions(context.cwd, gitDir, context.env);
        if (warning) warn(context.env, warning);
      } catch (error) {
        warn(context.env, `post-commit could not carry the squashed commits' models: ${firstLine(error)}`);
      }
    }
    if (picking) {
      // git copies no note on a cherry-pick (notes.rewriteRef is for amend and rebase): carry the picked commit's.
      const [{ headWithParentsSync }, { takePickSource }, { carryRewrittenNotes }] = await Promise.all([import('../git/resolve-commit.js'), import('../notes/pick-source.js'), import('../notes/carry-rewrite.js')]);
      const made = headWithParentsSync(context.cwd);
      const source = takePickSource(gitDir, made?.parents[0] ?? null);
      // The same commit again (a pick onto its own parent within the same second): nothing to carry.
      // A revert: the restored content's note, on the lines the revert adds only (row 1015).
      const clip = source?.revert === true ? { parent: made?.parents[0] ?? null } : undefined;
      // A revert restoring a merge with no note (a revert of a `revert -m 1`): the notes of the commits it brought in (row 1106);
      // asked only when prepare-commit-msg found that merge (session 54 helper h: every revert of a noted commit ran two git processes more).
      const merge = made && source?.merge === true ? await (await import('../notes/revert-merge-note.js')).revertedMerge(context.cwd, source.commit) : null;
      if (made && merge) {
        for (const line of await composedNote(context, gitDir, made.head, merge.parent, merge.merged, written)) warn(context.env, line);
      } else if (made && source && made.head !== source.commit) for (const line of await carryRewrittenNotes(context.cwd, gitDir, [[source.commit, made.head]], clip)) warn(context.env, line);
    }
  } catch (error) {
    warn(context.env, `post-commit failed, no line-level note written: ${firstLine(error)}`);
  }
  return 0;
};

/** The squash commit's note (src/notes/squash-merge-note.ts), when what prepare-commit-msg kept belongs to it. */
async function squashMergeNote(context: HookContext, gitDir: string, written: string | null): Promise<string[]> {
  const [{ headWithParentsSync }, { takeSquashSource }] = await Promise.all([import('../git/resolve-commit.js'), import('../notes/squash-source.js')]);
  const made = headWithParentsSync(context.cwd);
  const squashed = takeSquashSource(gitDir, made?.parents ?? []);
  if (!made || !squashed) return [];
  return composedNote(context, gitDir, made.head, made.parents[0]!, squashed, written);
}

/** `head`'s note composed from the notes of `parent..squashed` (writeSquashMergeNote): a squash merge's, or a revert's of a `revert -m 1` (row 1106). */
async function composedNote(context: HookContext, gitDir: string, head: string, parent: string, squashed: readonly string[], written: string | null): Promise<string[]> {
  const [{ writeSquashMergeNote }, { loadHookConfig }] = await Promise.all([import('../notes/squash-merge-note.js'), import('./hook-config.js')]);
  const { config } = await loadHookConfig(context.cwd, gitDir);
  return writeSquashMergeNote({ top: context.cwd, head, parent, squashed, own: written, options: { detect: config.detect, trailerKey: config.trailer.key } });
}

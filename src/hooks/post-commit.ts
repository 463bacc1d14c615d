import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HookHandler } from './dispatch.js';
import { worktreeGitDir } from './hook-git-dir.js';
import { firstLine, hookWarning as warn } from './hook-warning.js';

/** A rebase is under way in this worktree (git's state folders). */
const rebasing = (gitDir: string) => existsSync(join(gitDir, 'rebase-merge')) || existsSync(join(gitDir, 'rebase-apply'));

/**
 * A rebase, cherry-pick or revert replaying commits: what they commit came from other commits, not
 * from the agent edits waiting in checkpoints (the rewrite's notes are post-rewrite's business).
 */
export function isReplay(env: NodeJS.ProcessEnv, gitDir: string): boolean {
  if (env.GIT_CHERRY_PICK_HELP !== undefined || /^(rebase|cherry-pick|revert)\b/.test(env.GIT_REFLOG_ACTION ?? '')) return true;
  return rebasing(gitDir);
}

/** The commit a cherry-pick is copying (`<git dir>/CHERRY_PICK_HEAD`, there while git commits it), outside a rebase; or null. */
function cherryPickSource(gitDir: string): string | null {
  const file = join(gitDir, 'CHERRY_PICK_HEAD');
  // Almost never there: asked without an exception first (a failed read builds an error with its stack).
  if (rebasing(gitDir) || !existsSync(file)) return null;
  try {
    const id = readFileSync(file, 'utf8').trim();
    return /^[0-9a-f]{40,64}$/.test(id) ? id : null;
  } catch {
    return null;
  }
}

/**
 * `post-commit`: the new commit's git-ai note (refs/notes/ai), from the agents' checkpoints: for
 * each committed file, the lines the agent wrote that nobody changed since and that this commit
 * adds; a cherry-picked commit also gets the picked commit's note, carried to its lines. Never
 * blocks (git ignores its exit code anyway).
 */
export const handler: HookHandler = async (_args, context) => {
  try {
    const gitDir = await worktreeGitDir(context.cwd, context.env);
    if (!gitDir) return 0;
    const source = cherryPickSource(gitDir);
    if (!isReplay(context.env, gitDir)) {
      const { recordCommit } = await import('../notes/record-commit.js');
      for (const line of await recordCommit(context.cwd, gitDir, context.env)) warn(context.env, line);
    }
    if (source) {
      // git copies no note on a cherry-pick (notes.rewriteRef is for amend and rebase): carry the picked commit's.
      const [{ resolveCommit }, { carryRewrittenNotes }] = await Promise.all([import('../git/resolve-commit.js'), import('../notes/carry-rewrite.js')]);
      const head = await resolveCommit(context.cwd, 'HEAD');
      if (head && head !== source) for (const line of await carryRewrittenNotes(context.cwd, gitDir, [[source, head]])) warn(context.env, line);
    }
  } catch (error) {
    warn(context.env, `post-commit failed, no line-level note written: ${firstLine(error)}`);
  }
  return 0;
};

import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKPOINT_DIR, CHECKPOINT_SUFFIX } from '../core/checkpoint/store-layout.js';
import type { HookHandler } from './dispatch.js';
import { worktreeGitDir } from './hook-git-dir.js';
import { firstLine, hookWarning as warn } from './hook-warning.js';

/**
 * `post-applypatch`: git runs it after each commit `git am` makes (`--continue` too), and runs no
 * post-commit for them: the commit's git-ai note (refs/notes/ai) from the agents' checkpoints, as
 * post-commit writes it (only lines equal to an agent's pending ones that this commit adds: an
 * agent's resolution of a stopped patch; a patch's lines nobody edited here are noted by no one).
 * `git rebase --apply` (marked by `rebase-apply/rebasing`) is a replay, post-rewrite's business, but
 * for the commit `git rebase --continue` makes after a conflict stop when an agent left a checkpoint
 * since the rebase started: its lines in the resolution are noted as post-commit notes them at a
 * stop of the merge backend (row 491); a checkpoint older than the rebase is not the stop's.
 * Never blocks (git ignores its exit code).
 */
export const handler: HookHandler = async (_args, context) => {
  try {
    const gitDir = await worktreeGitDir(context.cwd, context.env);
    if (!gitDir) return 0;
    // `git rebase --apply`: a replay, but for the commit `--continue` makes of a resolution an agent wrote at a stop.
    const rebasing = join(gitDir, 'rebase-apply', 'rebasing');
    if (existsSync(rebasing) && !checkpointSince(gitDir, statSync(rebasing).mtimeMs)) return 0;
    const { recordCommit } = await import('../notes/record-commit.js');
    const recorded = await recordCommit(context.cwd, gitDir, context.env);
    for (const line of recorded.warnings) warn(context.env, line);
  } catch (error) {
    warn(context.env, `post-applypatch could not write the line-level note: ${firstLine(error)}`);
  }
  return 0;
};

/** Whether an agent's checkpoint (any name node reads) was written after `since` (ms): during the rebase. */
function checkpointSince(gitDir: string, since: number): boolean {
  const dir = join(gitDir, CHECKPOINT_DIR);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return false;
  }
  return names.some((name) => {
    if (!name.endsWith(CHECKPOINT_SUFFIX)) return false;
    try {
      return statSync(join(dir, name)).mtimeMs > since;
    } catch {
      return true;
    }
  });
}

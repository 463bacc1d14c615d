import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { HookHandler } from './dispatch.js';
import { worktreeGitDir } from './hook-git-dir.js';
import { firstLine, hookWarning as warn } from './hook-warning.js';

/**
 * `post-applypatch`: git runs it after each commit `git am` makes (`--continue` too), and runs no
 * post-commit for them: the commit's git-ai note (refs/notes/ai) from the agents' checkpoints, as
 * post-commit writes it (only lines equal to an agent's pending ones that this commit adds: an
 * agent's resolution of a stopped patch; a patch's lines nobody edited here are noted by no one).
 * `git rebase --apply` (marked by `rebase-apply/rebasing`) is a replay: post-rewrite's business.
 * Never blocks (git ignores its exit code).
 */
export const handler: HookHandler = async (_args, context) => {
  try {
    const gitDir = await worktreeGitDir(context.cwd, context.env);
    if (!gitDir || existsSync(join(gitDir, 'rebase-apply', 'rebasing'))) return 0;
    const { recordCommit } = await import('../notes/record-commit.js');
    const recorded = await recordCommit(context.cwd, gitDir, context.env);
    for (const line of recorded.warnings) warn(context.env, line);
  } catch (error) {
    warn(context.env, `post-applypatch could not write the line-level note: ${firstLine(error)}`);
  }
  return 0;
};

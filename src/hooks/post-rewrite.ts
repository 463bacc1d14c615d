import type { HookHandler } from './dispatch.js';
import { worktreeGitDir } from './hook-git-dir.js';
import { firstLine, hookWarning } from './hook-warning.js';

/**
 * `post-rewrite amend|rebase`, stdin `<old> <new>` per rewritten commit: each new commit's git-ai
 * note recomputed from its old one (git's notes.rewriteRef copy is verbatim, and line numbers move
 * when a rebase changes a file above them). Never blocks.
 */
export const handler: HookHandler = async (_args, context) => {
  try {
    const input = await context.readStdin();
    const gitDir = await worktreeGitDir(context.cwd, context.env);
    if (!gitDir) return 0;
    const { carryRewrittenNotes, parseRewrites } = await import('../notes/carry-rewrite.js');
    const warnings = await carryRewrittenNotes(context.cwd, gitDir, parseRewrites(input));
    for (const line of warnings) hookWarning(context.env, line);
  } catch (error) {
    hookWarning(context.env, `post-rewrite failed, git-ai notes copied as they were: ${firstLine(error)}`);
  }
  return 0;
};

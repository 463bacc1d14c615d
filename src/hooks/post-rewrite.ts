import type { HookHandler } from './dispatch.js';
import { worktreeGitDir } from './hook-git-dir.js';
import { firstLine, hookWarning } from './hook-warning.js';

/**
 * `post-rewrite amend|rebase`, stdin `<old> <new>` per rewritten commit: each new commit's git-ai
 * note recomputed from its old one (git's notes.rewriteRef copy is verbatim, and line numbers move
 * when a rebase changes a file above them); after an amend, the models the amended commit declared
 * recorded again when the new message dropped them (amended-rewrite.ts). Never blocks.
 */
export const handler: HookHandler = async (args, context) => {
  try {
    const input = await context.readStdin();
    const gitDir = await worktreeGitDir(context.cwd, context.env);
    if (!gitDir) return 0;
    const { carryRewrittenNotes, parseRewrites } = await import('../notes/carry-rewrite.js');
    const pairs = parseRewrites(input);
    try {
      const warnings = await carryRewrittenNotes(context.cwd, gitDir, pairs);
      for (const line of warnings) hookWarning(context.env, line);
    } catch (error) {
      hookWarning(context.env, `post-rewrite failed, git-ai notes copied as they were: ${firstLine(error)}`);
    }
    if (args[0] === 'amend') {
      try {
        const { carryAmendedAttributions } = await import('./amended-rewrite.js');
        for (const line of await carryAmendedAttributions(context.cwd, gitDir, context.env, pairs)) hookWarning(context.env, line);
      } catch (error) {
        hookWarning(context.env, `post-rewrite could not carry the amended commit's models: ${firstLine(error)}`);
      }
    }
  } catch (error) {
    hookWarning(context.env, `post-rewrite failed, git-ai notes copied as they were: ${firstLine(error)}`);
  }
  return 0;
};

import { resolve } from 'node:path';
import { sanitize } from '../core/sanitize.js';
import type { HookHandler } from './dispatch.js';

/**
 * `post-rewrite amend|rebase`, stdin `<old> <new>` per rewritten commit: each new commit's git-ai
 * note recomputed from its old one (git's notes.rewriteRef copy is verbatim, and line numbers move
 * when a rebase changes a file above them). Never blocks.
 */
export const handler: HookHandler = async (_args, context) => {
  try {
    const input = await context.readStdin();
    const { locateWorktree } = await import('../checkpoint/locate-worktree.js');
    const gitDir = context.env.GIT_DIR ? resolve(context.cwd, context.env.GIT_DIR) : locateWorktree(context.cwd)?.gitDir;
    if (!gitDir) return 0;
    const { carryRewrittenNotes, parseRewrites } = await import('../notes/carry-rewrite.js');
    const warnings = await carryRewrittenNotes(context.cwd, gitDir, parseRewrites(input));
    if (context.env.AITRAIL_QUIET !== '1') for (const line of warnings) process.stderr.write(`aitrail: warning: ${sanitize(line, { max: 400 })}\n`);
  } catch (error) {
    if (context.env.AITRAIL_QUIET !== '1') process.stderr.write(`aitrail: warning: post-rewrite failed, git-ai notes copied as they were: ${sanitize(error instanceof Error ? error.message.split('\n')[0]! : String(error), { max: 300 })}\n`);
  }
  return 0;
};

import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * True when git runs the hook for a rebase (GIT_CHERRY_PICK_HELP, or GIT_REFLOG_ACTION `rebase…`)
 * while one is under way in `gitDir` (`rebase-merge` or `rebase-apply`): what it commits is a replay
 * of commits, or a step of it. The variables alone are anyone's: a `.env` the repository commits,
 * which aider, Gemini CLI and Qwen Code load into the environment of their `git commit`, made every
 * agent commit a "replay", recorded with no trailer.
 */
export function inRebase(env: NodeJS.ProcessEnv, gitDir: string): boolean {
  if (env.GIT_CHERRY_PICK_HELP === undefined && !/^rebase\b/.test(env.GIT_REFLOG_ACTION ?? '')) return false;
  return existsSync(join(gitDir, 'rebase-merge')) || existsSync(join(gitDir, 'rebase-apply'));
}

import { readSession } from '../session/session-file.js';
import { authorIdentSync } from '../git/author-ident.js';
import { committingAgents } from '../core/detect/committing-agents.js';
import type { CommitTimeSignals, Identity } from '../core/types.js';

/**
 * Everything detection reads while a commit is being made: the environment, the `aitrail use`
 * session of this worktree, the author (git exports `GIT_AUTHOR_NAME`/`EMAIL` to commit hooks;
 * otherwise `git var GIT_AUTHOR_IDENT`, one spawn), and the model the settings files of the agents
 * making it name (only theirs, found by their own marks: a person's commit reads no settings file).
 */
export async function gatherCommitTimeSignals(cwd: string, gitDir: string, env: NodeJS.ProcessEnv, now: Date = new Date()): Promise<CommitTimeSignals> {
  let author: Identity | undefined;
  if (env.GIT_AUTHOR_NAME !== undefined || env.GIT_AUTHOR_EMAIL !== undefined) {
    author = { name: env.GIT_AUTHOR_NAME ?? '', email: env.GIT_AUTHOR_EMAIL ?? '' };
  } else {
    author = authorIdentSync(cwd);
  }
  const agents = committingAgents(env, author);
  let settings: CommitTimeSignals['settings'];
  if (agents.size > 0) {
    const { readAgentSettings } = await import('../agent-settings/read-agent-settings.js');
    const { settingsPlace } = await import('../agent-settings/settings-place.js');
    settings = await readAgentSettings(agents, settingsPlace(cwd, gitDir, env));
  }
  return { env: { ...env }, session: readSession(gitDir, now), author, ...(settings ? { settings } : {}) };
}

import { readSession } from '../session/session-file.js';
import { authorIdentSync } from '../git/author-ident.js';
import { previousCommitTime } from '../git/commit-times.js';
import { authorIdentFromEnv } from '../core/ident.js';
import { coAuthorAgents, committingAgents } from '../core/detect/committing-agents.js';
import type { CommitTimeSignals, Identity } from '../core/types.js';
import { markCodePath } from '../io/code-cache-hint.js';

/** Seconds before the previous commit's time a session's record still counts for the next: its time is whole seconds, and clocks are read apart. */
const WINDOW_SLACK_SECONDS = 2;

/**
 * Everything detection reads while a commit is being made: the environment, the `aitrail use`
 * session of this worktree, the author (what `git var GIT_AUTHOR_IDENT` says: read from the
 * environment where that is exact, as `git commit` exports it to its hooks; otherwise that very
 * git call, one spawn: a merge, a rebase or cherry-pick exports none), and the model the settings files of the agents
 * making it name (only theirs, found by their own marks: a person's commit reads no settings file).
 * A session's models count from the previous commit's time: HEAD's, or HEAD's parent's when
 * `rewritten` (the commit an amend rewrites: `HEAD`, or the id git names) is HEAD; read only when a session file is.
 * `message`: the commit's message, whose co-author lines name an agent that marks no shell (Factory Droid, row 1196).
 */
export async function gatherCommitTimeSignals(cwd: string, gitDir: string, env: NodeJS.ProcessEnv, now: Date = new Date(), rewritten?: string, message?: string): Promise<CommitTimeSignals> {
  const author: Identity | undefined = authorIdentFromEnv(env) ?? authorIdentSync(cwd);
  const agents = committingAgents(env, author);
  if (message !== undefined) for (const agent of coAuthorAgents(message)) agents.add(agent);
  let settings: CommitTimeSignals['settings'];
  if (agents.size > 0) {
    markCodePath('agent-settings');
    const { readAgentSettings } = await import('../agent-settings/read-agent-settings.js');
    const { settingsPlace } = await import('../agent-settings/settings-place.js');
    let start: number | null | undefined;
    const windowStart = () => {
      if (start === undefined) {
        // A previous commit dated after now (`GIT_COMMITTER_DATE` set ahead by the agent itself, row 609, or
        // a clock ahead, row 625) bounds nothing: the newest first parent not dated after now does; none, every record is read.
        const previous = previousCommitTime(cwd, rewritten, { gitDir, env }, Math.floor(now.getTime() / 1000) + WINDOW_SLACK_SECONDS);
        start = previous === null ? null : (previous - WINDOW_SLACK_SECONDS) * 1000;
      }
      return start;
    };
    settings = await readAgentSettings(agents, { ...settingsPlace(cwd, gitDir, env), windowStart });
  }
  return { env: { ...env }, session: readSession(gitDir, now), author, ...(settings ? { settings } : {}) };
}

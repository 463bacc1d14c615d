import type { Identity } from '../types.js';
import { envAgents } from './env-findings.js';
import { matchIdentity } from './identity.js';

/**
 * The agents making the commit now, by their own marks only: environment markers and generic agent
 * variables (`CLAUDECODE=1`, `AGENT=opencode`), and an author identity that only an agent writes
 * (aider's `Name (aider)`). A message's lines are not asked: they may quote anyone. Only these
 * agents' settings files are read (src/hooks/commit-time-signals.ts), so a person's commit never is.
 */
export function committingAgents(env: Record<string, string | undefined>, author: Identity | undefined): Set<string> {
  const agents = envAgents(env);
  const byAuthor = author ? matchIdentity(author, {}, 'author') : null;
  if (byAuthor) agents.add(byAuthor.agent);
  agents.delete('unknown');
  return agents;
}

import { messages } from '../messages.js';
import type { Rule } from '../types.js';
import { violation } from '../violation.js';

/** What the evidence of an agent's folder of agent files read in part says (src/agent-settings/agent-files.ts). */
export const AGENT_FOLDER_UNREAD = 'holds more agents than aitrail reads';

/**
 * A message that declares more than detection reads (thousands of declarations, a value past
 * every cap, the commit's lookups spent), or an agent's folder of agent files read in part (more
 * files or bytes than the hooks read, past which a subagent's model is unseen): what lies past the
 * caps is not known, so the commit is refused whatever the policy says (fail closed), never passed
 * for what was read of it.
 */
export const unreadDeclarations: Rule = (facts, policy) => {
  const unread = facts.attributions.find((attribution) => attribution.unread === true);
  if (!unread) return [];
  const folder = unread.evidence.find((why) => why.includes(AGENT_FOLDER_UNREAD));
  if (folder !== undefined) return [violation(facts, { agent: unread.agent, model: 'unknown' }, { rule: 'unread-declarations', severity: 'error', setting: 'detection limits', ...messages.unreadAgentFiles(unread.agent, folder) })];
  return [violation(facts, { agent: 'unknown', model: 'unknown' }, { rule: 'unread-declarations', severity: 'error', setting: 'detection limits', ...messages.unreadDeclarations(unread.evidence[0] ?? 'past the limits', policy.trailerKey) })];
};

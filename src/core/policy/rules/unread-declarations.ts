import { messages } from '../messages.js';
import type { Rule } from '../types.js';
import { violation } from '../violation.js';

/**
 * A message that declares more than detection reads (thousands of declarations, a value past
 * every cap, the commit's lookups spent): what lies past the caps is not known, so the commit is
 * refused whatever the policy says (fail closed), never passed for what was read of it.
 */
export const unreadDeclarations: Rule = (facts, policy) => {
  const unread = facts.attributions.find((attribution) => attribution.unread === true);
  if (!unread) return [];
  return [violation(facts, { agent: 'unknown', model: 'unknown' }, { rule: 'unread-declarations', severity: 'error', setting: 'detection limits', ...messages.unreadDeclarations(unread.evidence[0] ?? 'past the limits', policy.trailerKey) })];
};

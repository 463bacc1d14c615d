import { messages } from '../messages.js';
import type { Rule } from '../types.js';
import { distinctModels, severityOf, violation } from '../violation.js';

/**
 * `policy.undeclared`: agent signatures (co-author lines, bot identities, …) but no declared
 * trailer — commits made where the hooks did not run (web UIs, bots, agents that skip hooks).
 * A commit is undeclared when it has attributions and none of them is declared.
 */
export const undeclared: Rule = (facts, policy) => {
  const severity = severityOf(policy.undeclared);
  if (severity === undefined || facts.attributions.length === 0 || facts.attributions.some((attribution) => attribution.declared)) return [];
  return distinctModels(facts.attributions).map((attribution) =>
    violation(facts, attribution, {
      rule: 'undeclared',
      severity,
      setting: 'policy.undeclared',
      ...messages.undeclared(attribution.agent, attribution.model, attribution.evidence[0] ?? 'an agent signature', policy.trailerKey),
    }),
  );
};

import { messages } from '../messages.js';
import type { Rule } from '../types.js';
import { distinctModels, UNKNOWN_MODEL, violation } from '../violation.js';

/** `policy.deny`: a model matching any deny glob is refused, whatever `allow` says (deny wins). */
export const modelDenied: Rule = (facts, policy) =>
  distinctModels(facts.attributions).flatMap((attribution) => {
    if (attribution.model === UNKNOWN_MODEL) return [];
    const glob = policy.matchDeny(attribution.model);
    if (glob === undefined) return [];
    return [violation(facts, attribution, { rule: 'model-denied', severity: 'error', setting: 'policy.deny', ...messages.modelDenied(attribution.agent, attribution.model, glob) })];
  });

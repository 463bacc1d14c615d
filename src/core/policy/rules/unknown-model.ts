import { messages } from '../messages.js';
import type { Rule } from '../types.js';
import { distinctModels, isUnknownModel, severityOf, UNKNOWN_MODEL, violation } from '../violation.js';

/**
 * `policy.unknownModel`: AI contributed (an agent is certain) but the model is not identified. A
 * vendor's `vendor/unknown` that deny or allow already refuses is reported there, not twice.
 */
export const unknownModel: Rule = (facts, policy) => {
  const severity = severityOf(policy.unknownModel);
  if (severity === undefined) return [];
  const refused = (model: string) => model !== UNKNOWN_MODEL && (policy.matchDeny(model) !== undefined || (policy.allow !== undefined && policy.matchAllow(model) === undefined));
  return distinctModels(facts.attributions)
    .filter((attribution) => isUnknownModel(attribution.model) && !refused(attribution.model))
    .map((attribution) =>
      violation(facts, attribution, { rule: 'unknown-model', severity, setting: 'policy.unknownModel', ...messages.unknownModel(attribution.agent, attribution.model, attribution.evidence[0] ?? 'no evidence recorded', policy.trailerKey, attribution.declared, attribution.stated === true) }),
    );
};

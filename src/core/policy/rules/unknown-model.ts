import { messages } from '../messages.js';
import type { Rule } from '../types.js';
import { distinctModels, severityOf, UNKNOWN_MODEL, violation } from '../violation.js';

/** `policy.unknownModel`: AI contributed (an agent is certain) but the model is not identified. */
export const unknownModel: Rule = (facts, policy) => {
  const severity = severityOf(policy.unknownModel);
  if (severity === undefined) return [];
  return distinctModels(facts.attributions)
    .filter((attribution) => attribution.model === UNKNOWN_MODEL)
    .map((attribution) =>
      violation(facts, attribution, { rule: 'unknown-model', severity, setting: 'policy.unknownModel', ...messages.unknownModel(attribution.agent, attribution.model, attribution.evidence[0] ?? 'no evidence recorded', policy.trailerKey, attribution.declared) }),
    );
};

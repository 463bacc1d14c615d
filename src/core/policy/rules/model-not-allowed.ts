import { messages } from '../messages.js';
import type { Rule } from '../types.js';
import { distinctModels, UNKNOWN_MODEL, violation } from '../violation.js';

/**
 * `policy.allow`: when present, only models matching one of its globs may contribute. Denied
 * models are left to `model-denied` (one report per model); an unidentified model is left to
 * `unknown-model`.
 */
export const modelNotAllowed: Rule = (facts, policy) => {
  const allow = policy.allow;
  if (allow === undefined) return [];
  return distinctModels(facts.attributions).flatMap((attribution) => {
    const { model } = attribution;
    if (model === UNKNOWN_MODEL || policy.matchDeny(model) !== undefined || policy.matchAllow(model) !== undefined) return [];
    return [violation(facts, attribution, { rule: 'model-not-allowed', severity: 'error', setting: 'policy.allow', ...messages.modelNotAllowed(attribution.agent, model, allow) })];
  });
};

import { messages } from '../messages.js';
import type { Rule } from '../types.js';
import { distinctModels, UNKNOWN_MODEL, violation } from '../violation.js';

/**
 * `policy.paths[i].allow` / `.deny`: the models that may change files matching `files`. Their
 * `allow` narrows (`[]` = no AI at all); an unidentified model cannot be shown to be on an
 * allow list, so it is refused there. Models the global rules already refuse are not reported
 * twice (unless the commit is judged here only for its lines that landed in these files: the
 * global rules do not judge it in this run).
 */
export const pathModels: Rule = (facts, policy) =>
  policy.paths.flatMap((rule) => {
    if (rule.allow === undefined && rule.deny.length === 0) return [];
    return distinctModels(facts.attributions).flatMap((attribution) => {
      // A model known only from a git-ai note concerns the files where its lines are.
      const touched = (attribution.paths ?? facts.paths).filter((path) => rule.matchFile(path) !== undefined);
      if (touched.length === 0) return [];
      const first = touched[0] as string;
      const { agent, model } = attribution;
      const known = model !== UNKNOWN_MODEL;
      if (known && facts.landed?.inRange !== false && (policy.matchDeny(model) !== undefined || (policy.allow !== undefined && policy.matchAllow(model) === undefined))) return [];
      const denied = known ? rule.matchDeny(model) : undefined;
      if (denied !== undefined) {
        const setting = `policy.paths[${rule.index}].deny`;
        return [violation(facts, attribution, { rule: 'path-model-denied', severity: 'error', setting, ...messages.pathModelDenied(agent, model, setting, denied, first, facts.landed?.lines) }, touched)];
      }
      if (rule.allow !== undefined && (!known || rule.matchAllow(model) === undefined)) {
        const setting = `policy.paths[${rule.index}].allow`;
        return [violation(facts, attribution, { rule: 'path-model-not-allowed', severity: 'error', setting, ...messages.pathModelNotAllowed(agent, model, setting, rule.allow, first, facts.landed?.lines) }, touched)];
      }
      return [];
    });
  });

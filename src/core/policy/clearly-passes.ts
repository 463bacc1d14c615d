import type { Attribution } from '../types.js';
import type { CompiledPolicy } from './compile-policy.js';
import { isUnknownModel } from './violation.js';

/**
 * True when no rule can object to these attributions whatever the paths and trailers: the
 * commit-msg hook then skips loading the rules, messages and renderers (it runs on every
 * commit). Must never say true where `evaluateCommit` would report anything (unit-tested).
 */
export function clearlyPasses(attributions: readonly Attribution[], policy: CompiledPolicy): boolean {
  if (attributions.length === 0) return true;
  if (attributions.some((attribution) => attribution.unread === true)) return false;
  if (policy.paths.length > 0) return false;
  if (policy.undeclared !== 'allow' && !attributions.some((attribution) => attribution.declared)) return false;
  return attributions.every(({ model }) =>
    model === 'unknown'
      ? policy.unknownModel === 'allow'
      : policy.matchDeny(model) === undefined &&
        (policy.allow === undefined || policy.matchAllow(model) !== undefined) &&
        (!isUnknownModel(model) || policy.unknownModel === 'allow'),
  );
}

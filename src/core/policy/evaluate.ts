import type { CompiledPolicy } from './compile-policy.js';
import { modelDenied } from './rules/model-denied.js';
import { modelNotAllowed } from './rules/model-not-allowed.js';
import { pathMissingTrailer } from './rules/path-missing-trailer.js';
import { pathModels } from './rules/path-models.js';
import { undeclared } from './rules/undeclared.js';
import { unknownModel } from './rules/unknown-model.js';
import { unreadDeclarations } from './rules/unread-declarations.js';
import type { CommitFacts, Rule, Violation } from './types.js';

/** Every rule, in the order its violations are reported. */
export const RULES: readonly Rule[] = [unreadDeclarations, modelDenied, modelNotAllowed, unknownModel, undeclared, pathModels, pathMissingTrailer];

/**
 * Judge one commit. A commit without attributions is human work and passes every rule. A merge
 * is judged like any commit on what it brings into its first-parent line (its changed paths are
 * its diff against the first parent, less, for path rules, the files it took whole from a merged
 * side: src/core/policy/merge-taken.ts, applied by the callers); the commits it merges are judged
 * on their own.
 */
export function evaluateCommit(facts: CommitFacts, policy: CompiledPolicy): Violation[] {
  if (facts.attributions.length === 0) return [];
  return RULES.flatMap((rule) => rule(facts, policy));
}

/** True when any violation is an error (warnings print but pass). */
export function hasErrors(violations: readonly Violation[]): boolean {
  return violations.some((violation) => violation.severity === 'error');
}

import { hasErrors } from './evaluate.js';
import type { Violation } from './types.js';

/** The judgement of a set of commits: `ok` is false when any violation is an error. */
export interface Verdict {
  ok: boolean;
  commits: number;
  violations: Violation[];
}

export function verdictOf(commits: number, violations: Violation[]): Verdict {
  return { ok: !hasErrors(violations), commits, violations };
}

/** Merge verdicts of several groups of commits (e.g. refs judged under different policies). */
export function mergeVerdicts(verdicts: readonly Verdict[]): Verdict {
  const violations = verdicts.flatMap((verdict) => verdict.violations);
  return verdictOf(verdicts.reduce((sum, verdict) => sum + verdict.commits, 0), violations);
}

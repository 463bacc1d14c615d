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

/**
 * Merge verdicts of several groups of commits (e.g. refs judged under different policies). A
 * commit two groups share (two refs gaining it) is reported once per distinct violation.
 */
export function mergeVerdicts(verdicts: readonly Verdict[]): Verdict {
  const seen = new Set<string>();
  const violations = verdicts.flatMap((verdict) => verdict.violations).filter((violation) => {
    const key = JSON.stringify([violation.sha, violation.rule, violation.severity, violation.model, violation.path, violation.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return verdictOf(verdicts.reduce((sum, verdict) => sum + verdict.commits, 0), violations);
}

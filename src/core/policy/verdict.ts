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

/** What makes two violations one finding: the same commit, rule, model, path and setting (wording and severity aside). */
const findingKey = (violation: Violation): string => JSON.stringify([violation.sha, violation.rule, violation.model, violation.path, violation.setting]);

/** Of two reports of one finding, the one to keep: an error over a warning; then the one naming more files, then more lines; then `kept`. */
function stricter(kept: Violation, other: Violation): Violation {
  if ((other.severity === 'error') !== (kept.severity === 'error')) return other.severity === 'error' ? other : kept;
  if (other.pathCount !== kept.pathCount) return other.pathCount > kept.pathCount ? other : kept;
  if ((other.lines ?? 0) !== (kept.lines ?? 0)) return (other.lines ?? 0) > (kept.lines ?? 0) ? other : kept;
  return kept;
}

/**
 * The violations of several judgements as one (the only rule for it: two tips' policies over one
 * `check A...B`, groups of refs of a push that share commits): a finding (commit, rule, model, path,
 * setting) two judgements report is listed once, where it first came, at the stricter severity (an
 * error under either is an error, never dropped), else the report naming more files and lines, else
 * the first's wording; a report repeated word for word within one judgement once; each judgement's
 * other findings as they are.
 */
export function strictestOf(judgements: readonly (readonly Violation[])[]): Violation[] {
  const merged: Violation[] = [];
  // Finding → where it sits in `merged`, and which judgement put it there.
  const at = new Map<string, { index: number; from: number }>();
  const exact = new Set<string>();
  judgements.forEach((violations, from) => {
    for (const violation of violations) {
      const key = findingKey(violation);
      const same = JSON.stringify([key, violation.severity, violation.message, violation.pathCount, violation.lines ?? 0]);
      // Listed already, word for word (this judgement or another): once. Merged into the finding's
      // first report instead, it would stand there beside its own copy (that report's words lost).
      if (exact.has(same)) continue;
      const first = at.get(key);
      if (first !== undefined && first.from !== from) merged[first.index] = stricter(merged[first.index] as Violation, violation);
      else {
        if (first === undefined) at.set(key, { index: merged.length, from });
        merged.push(violation);
      }
      exact.add(same);
    }
  });
  return merged;
}

/**
 * Merge verdicts of several groups of commits (e.g. refs judged apart: other exclusions, notes
 * judged again), their violations by strictestOf. `commits`: how many distinct commits were judged
 * (a commit two groups share counted once); else the groups' sum.
 */
export function mergeVerdicts(verdicts: readonly Verdict[], commits?: number): Verdict {
  return verdictOf(commits ?? verdicts.reduce((sum, verdict) => sum + verdict.commits, 0), strictestOf(verdicts.map((verdict) => verdict.violations)));
}

import type { CompiledPolicy } from './compile-policy.js';
import type { LandedLines } from './landed-lines.js';
import { pathMissingTrailer } from './rules/path-missing-trailer.js';
import { pathModels } from './rules/path-models.js';
import type { CommitFacts, Violation } from './types.js';

const key = (violation: Pick<Violation, 'sha' | 'rule' | 'setting'>): string => JSON.stringify([violation.sha, violation.rule, violation.setting]);

/**
 * Path rules judged by lines: each commit whose lines a range brought into protected files is
 * judged by the rules of those files as if it had written them there (its models against
 * `allow`/`deny`, its trailers against `requireTrailers`), the violation naming the commit, the
 * protected files and how many lines. Commits without attributions (`facts` holds none for
 * them) wrote human lines. A violation its own changed paths already produced (same commit,
 * rule and setting, in `reported`) is not repeated. `inRange` tells whether the global rules
 * judge the commit in this run too (lines from older history: they do not).
 */
export function landedViolations(
  landed: readonly LandedLines[],
  facts: ReadonlyMap<string, CommitFacts>,
  policy: CompiledPolicy,
  options: { inRange: (sha: string) => boolean; reported: readonly Violation[] },
): Violation[] {
  const reported = new Set(options.reported.map(key));
  const byCommit = new Map<string, LandedLines[]>();
  for (const lines of landed) {
    if (!facts.get(lines.sha)?.attributions.length) continue;
    const entries = byCommit.get(lines.sha);
    if (entries) entries.push(lines);
    else byCommit.set(lines.sha, [lines]);
  }
  const violations: Violation[] = [];
  for (const [sha, entries] of byCommit) {
    const commit = facts.get(sha) as CommitFacts;
    for (const rule of policy.paths) {
      const here = entries.filter((lines) => lines.rules.includes(rule.index));
      if (here.length === 0) continue;
      const paths = [...new Set(here.map((lines) => lines.path))].sort();
      const count = here.reduce((sum, lines) => sum + lines.lines, 0);
      const judged: CommitFacts = { ...commit, paths, landed: { lines: count, inRange: options.inRange(sha) } };
      const onlyThisRule: CompiledPolicy = { ...policy, paths: [rule] };
      violations.push(...[...pathModels(judged, onlyThisRule), ...pathMissingTrailer(judged, onlyThisRule)].filter((violation) => !reported.has(key(violation))));
    }
  }
  return violations;
}

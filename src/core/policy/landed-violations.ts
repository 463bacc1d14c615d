import type { LineJudge } from '../blame/aggregate.js';
import type { Attribution } from '../types.js';
import type { CompiledPolicy } from './compile-policy.js';
import type { LandedLines } from './landed-lines.js';
import { pathMissingTrailer } from './rules/path-missing-trailer.js';
import { pathModels } from './rules/path-models.js';
import type { CommitFacts, Violation } from './types.js';

/**
 * The authors of a noted commit's landed lines: its own attributions (a note never removes one)
 * and the note's authors of exactly those lines, read where the commit wrote them; with the
 * count of AI lines among them when only the note makes them AI.
 */
function noteLanded(commit: CommitFacts, landed: readonly LandedLines[], note: LineJudge): { attributions: Attribution[]; count: number } {
  const own = commit.attributions.filter((attribution) => attribution.paths === undefined);
  const found = new Map<string, Attribution>();
  let count = 0;
  for (const lines of landed) {
    note.judge(lines.origin.path, lines.origin.start, lines.lines, (author, ai) => {
      count += ai;
      const key = `${author.agent}\0${author.model}`;
      if (own.some((attribution) => attribution.agent === author.agent && attribution.model === author.model) || found.has(key)) return;
      const noted = commit.attributions.find((attribution) => attribution.agent === author.agent && attribution.model === author.model);
      found.set(key, { agent: author.agent, model: author.model, evidence: noted?.evidence ?? [], declared: false });
    });
  }
  const total = landed.reduce((sum, lines) => sum + lines.lines, 0);
  return { attributions: [...own, ...found.values()], count: own.length > 0 ? total : count };
}

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
  options: { inRange: (sha: string) => boolean; reported: readonly Violation[]; noteOf?: (sha: string) => LineJudge | undefined },
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
      const note = options.noteOf?.(sha);
      const { attributions, count } = note ? noteLanded(commit, here, note) : { attributions: commit.attributions, count: here.reduce((sum, lines) => sum + lines.lines, 0) };
      if (attributions.length === 0) continue;
      const judged: CommitFacts = { ...commit, attributions, paths, landed: { lines: count, inRange: options.inRange(sha) } };
      const onlyThisRule: CompiledPolicy = { ...policy, paths: [rule] };
      violations.push(...[...pathModels(judged, onlyThisRule), ...pathMissingTrailer(judged, onlyThisRule)].filter((violation) => !reported.has(key(violation))));
    }
  }
  return violations;
}

import { compilePolicy } from '../core/policy/compile-policy.js';
import { storedCommitFacts } from '../core/policy/commit-facts.js';
import { evaluateCommit } from '../core/policy/evaluate.js';
import { protectedPaths } from '../core/policy/landed-lines.js';
import type { CommitFacts, Violation } from '../core/policy/types.js';
import { verdictOf, type Verdict } from '../core/policy/verdict.js';
import type { Config } from '../core/types.js';
import { streamCommits } from '../git/log.js';
import { detectOptionsOf } from '../config/defaults.js';

/** Root commits show their files whatever `log.showRoot` says, paths stay root-relative whatever `diff.relative` says, and `log.showSignature` cannot mix gpg output into the records. */
const LOG_EXTRA = ['--root', '--no-relative', '--no-show-signature'];

export interface Judgement {
  verdict: Verdict;
  /** Judged commits whose parents a shallow clone lacks (the history is cut there). */
  cut: string[];
}

/**
 * Judge every commit of `revisions` (git rev-list arguments, e.g. `['A..B']` or
 * `['L', '--not', '--remotes=origin']`) against `config`'s policy in ONE `git log` pass. When
 * the policy has path rules and the range changes protected files, those rules also judge the
 * lines the range brings into them, whoever moved, copied or merged them there
 * (judge-landed-lines); `tips` names the commits the range starts from when the caller knows them.
 */
export async function judgeCommits(
  repoDir: string,
  revisions: string[],
  config: Config,
  options: { shallow?: Set<string> | null; tips?: string[] } = {},
): Promise<Judgement> {
  const detect = detectOptionsOf(config);
  const policy = compilePolicy(config.policy, { trailerKey: detect.trailerKey });
  const byLines = policy.paths.length > 0;
  const violations: Violation[] = [];
  const cut: string[] = [];
  const changed = new Set<string>();
  const attributed = new Map<string, CommitFacts>();
  const inRange = new Set<string>();
  const parents = new Set<string>();
  let commits = 0;
  for await (const commit of streamCommits(repoDir, revisions, { paths: true, extra: LOG_EXTRA, asStored: true })) {
    commits += 1;
    if (options.shallow?.has(commit.sha)) cut.push(commit.sha);
    const facts = storedCommitFacts(commit, detect);
    violations.push(...evaluateCommit(facts, policy));
    if (!byLines) continue;
    inRange.add(commit.sha);
    for (const parent of commit.parents) parents.add(parent);
    for (const path of facts.paths) changed.add(path);
    if (facts.attributions.length > 0) attributed.set(facts.sha, facts);
  }
  const protectedChanged = byLines ? protectedPaths(policy, changed) : [];
  if (protectedChanged.length > 0) {
    const { judgeLandedLines } = await import('./judge-landed-lines.js');
    const boundary = [...parents].filter((sha) => !inRange.has(sha));
    const run = { revisions, tips: options.tips, commits: inRange, boundary, protectedChanged, facts: attributed, reported: violations, policy, detect, shallow: options.shallow ?? null };
    const landed = await judgeLandedLines(repoDir, run);
    violations.push(...landed.violations);
    cut.push(...landed.cut);
  }
  return { verdict: verdictOf(commits, violations), cut };
}

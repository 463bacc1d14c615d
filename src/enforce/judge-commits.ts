import { compilePolicy } from '../core/policy/compile-policy.js';
import { storedCommitFacts } from '../core/policy/commit-facts.js';
import { evaluateCommit } from '../core/policy/evaluate.js';
import type { Violation } from '../core/policy/types.js';
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
 * `['L', '--not', '--remotes=origin']`) against `config`'s policy in ONE `git log` pass.
 */
export async function judgeCommits(
  repoDir: string,
  revisions: string[],
  config: Config,
  options: { shallow?: Set<string> | null } = {},
): Promise<Judgement> {
  const detect = detectOptionsOf(config);
  const policy = compilePolicy(config.policy, { trailerKey: detect.trailerKey });
  const violations: Violation[] = [];
  const cut: string[] = [];
  let commits = 0;
  for await (const commit of streamCommits(repoDir, revisions, { paths: true, extra: LOG_EXTRA, asStored: true })) {
    commits += 1;
    if (options.shallow?.has(commit.sha)) cut.push(commit.sha);
    violations.push(...evaluateCommit(storedCommitFacts(commit, detect), policy));
  }
  return { verdict: verdictOf(commits, violations), cut };
}

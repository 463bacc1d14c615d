import { compilePolicy } from '../core/policy/compile-policy.js';
import { evaluateCommit } from '../core/policy/evaluate.js';
import { renderViolation } from '../core/policy/render-text.js';
import type { Violation } from '../core/policy/types.js';
import { parseTrailers } from '../core/trailers.js';
import type { Attribution, Config, Identity } from '../core/types.js';
import { stagedPathsSync } from '../git/staged-paths.js';
import { enforceMessages } from './messages.js';

export interface CommitBeingMade {
  repoDir: string;
  message: string;
  commentChar: string;
  attributions: Attribution[];
  author: Identity | undefined;
  config: Config;
}

/** Judge the commit `git commit` is making: its message, its detected attributions, the staged paths. */
export function judgeCommitBeingMade(commit: CommitBeingMade): { violations: Violation[]; text: string } {
  const trailerKey = commit.config.trailer?.key ?? 'Assisted-by';
  const policy = compilePolicy(commit.config.policy, { trailerKey });
  const facts = {
    sha: '',
    subject: '',
    attributions: commit.attributions,
    trailers: parseTrailers(commit.message, { commentChar: commit.commentChar, noDivider: true }),
    author: commit.author ?? { name: '', email: '' },
    paths: [] as string[],
    isMerge: false,
  };
  // Only path rules need the staged paths to decide; otherwise they are read (one git spawn)
  // just to name the files in a violation.
  if (policy.paths.length > 0) facts.paths = stagedPathsSync(commit.repoDir);
  let violations = evaluateCommit(facts, policy);
  if (violations.length > 0 && policy.paths.length === 0) {
    facts.paths = stagedPathsSync(commit.repoDir);
    violations = evaluateCommit(facts, policy);
  }
  const errors = violations.filter((violation) => violation.severity === 'error').length;
  const body = violations.map(renderViolation).join('\n\n');
  const text = violations.length === 0 ? '' : `aitrail: the AI model policy says:\n\n${body}\n${errors > 0 ? enforceMessages.commitRefused(errors) : enforceMessages.warningsOnly()}`;
  return { violations, text };
}

import type { Attribution, Identity, Trailer } from '../types.js';

/** What the policy judges about one commit (stored, or being made right now). */
export interface CommitFacts {
  /** Commit id; empty while the commit is being made (commit-msg). */
  sha: string;
  subject: string;
  attributions: Attribution[];
  trailers: Trailer[];
  author: Identity;
  /** Changed paths; for merges, against the first parent (what the merge brings in). */
  paths: string[];
  isMerge: boolean;
  /**
   * Set when `paths` are not what the commit changed but the protected files its lines were
   * later moved, copied or merged into (path rules judged by lines): how many of its lines landed
   * there, and whether the global rules judge this commit in the same run.
   */
  landed?: { lines: number; inRange: boolean };
}

export type Severity = 'error' | 'warning';

/** Stable rule ids, for machines (`check --format json`) and for people. */
export type RuleId =
  | 'model-denied'
  | 'model-not-allowed'
  | 'unknown-model'
  | 'undeclared'
  | 'path-model-denied'
  | 'path-model-not-allowed'
  | 'path-missing-trailer'
  | 'path-symlink'
  | 'path-submodule'
  | 'unread-declarations';

/** One way a commit breaks the policy. */
export interface Violation {
  sha: string;
  /** The commit's subject line (empty while the commit is being made). */
  subject: string;
  rule: RuleId;
  severity: Severity;
  /** The model concerned (`unknown` when not identified). */
  model: string;
  agent: string;
  /** The file concerned: the first matching path for path rules, the first changed path otherwise; null when the commit changes no file. */
  path: string | null;
  /** Every changed path the violation concerns (capped; see `pathCount`). */
  paths: string[];
  pathCount: number;
  /** The config setting that decided, e.g. `policy.deny` or `policy.paths[0].requireTrailers`. */
  setting: string;
  /** Path rules judged by lines: how many lines of this commit later commits brought into `paths`. */
  lines?: number;
  /** What happened, in one sentence. */
  message: string;
  /** How to fix it. */
  fix: string;
}

/** A rule: pure function of one commit's facts and the compiled policy. */
export type Rule = (facts: CommitFacts, policy: import('./compile-policy.js').CompiledPolicy) => Violation[];

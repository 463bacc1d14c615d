import type { PolicyConfig, Tristate } from '../types.js';
import { modelMatcher, pathMatcher, type GlobMatcher } from './glob-matcher.js';
import { DEFAULTS } from '../defaults.js';

export interface CompiledPathRule {
  index: number;
  files: string[];
  matchFile: GlobMatcher;
  /** undefined = no narrowing; `[]` = no AI at all. */
  allow: string[] | undefined;
  matchAllow: GlobMatcher;
  deny: string[];
  matchDeny: GlobMatcher;
  requireTrailers: string[];
}

/** A policy with its globs compiled once per run (a range may hold 10,000 commits). */
export interface CompiledPolicy {
  allow: string[] | undefined;
  matchAllow: GlobMatcher;
  deny: string[];
  matchDeny: GlobMatcher;
  unknownModel: Tristate;
  undeclared: Tristate;
  paths: CompiledPathRule[];
  /** The declared trailer key (`trailer.key`), named in undeclared-commit messages. */
  trailerKey: string;
}

/** Fill in the defaults (core/defaults.ts; every model allowed) and compile the globs. */
export function compilePolicy(policy: PolicyConfig = {}, options: { trailerKey?: string } = {}): CompiledPolicy {
  const deny = policy.deny ?? [];
  return {
    trailerKey: options.trailerKey ?? DEFAULTS.trailerKey,
    allow: policy.allow,
    matchAllow: modelMatcher(policy.allow ?? [], { versionless: 'every' }),
    deny,
    matchDeny: modelMatcher(deny),
    unknownModel: policy.unknownModel ?? DEFAULTS.unknownModel,
    undeclared: policy.undeclared ?? DEFAULTS.undeclared,
    paths: (policy.paths ?? []).map((rule, index) => ({
      index,
      files: rule.files,
      matchFile: pathMatcher(rule.files),
      allow: rule.allow,
      matchAllow: modelMatcher(rule.allow ?? [], { versionless: 'every' }),
      deny: rule.deny ?? [],
      matchDeny: modelMatcher(rule.deny ?? []),
      requireTrailers: rule.requireTrailers ?? [],
    })),
  };
}

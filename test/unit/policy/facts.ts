import { compilePolicy } from '../../../src/core/policy/compile-policy.js';
import type { CommitFacts } from '../../../src/core/policy/types.js';
import type { Attribution, PolicyConfig } from '../../../src/core/types.js';

export function ai(model: string, options: { agent?: string; declared?: boolean; evidence?: string } = {}): Attribution {
  return { agent: options.agent ?? 'claude-code', model, evidence: [options.evidence ?? `trailer Assisted-by: ${model}`], declared: options.declared ?? true };
}

export function facts(overrides: Partial<CommitFacts> = {}): CommitFacts {
  return {
    sha: 'a'.repeat(40),
    subject: 'feat: something',
    attributions: [],
    trailers: [],
    author: { name: 'Dev', email: 'dev@example.com' },
    paths: ['src/app.ts'],
    isMerge: false,
    ...overrides,
  };
}

export const policy = (config: PolicyConfig = {}, trailerKey?: string) => compilePolicy(config, trailerKey ? { trailerKey } : {});

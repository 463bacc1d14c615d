import { describe, expect, it } from 'vitest';
import { evaluateCommit, hasErrors } from '../../../src/core/policy/evaluate.js';
import { mergeVerdicts, verdictOf } from '../../../src/core/policy/verdict.js';
import { ai, facts, policy } from './facts.js';

const config = {
  allow: ['anthropic/*', 'openai/*'],
  deny: ['qwen/*'],
  unknownModel: 'warn' as const,
  undeclared: 'deny' as const,
  paths: [{ files: ['src/crypto/**'], allow: [] as string[], requireTrailers: ['Reviewed-by'] }],
};

describe('evaluateCommit', () => {
  it('human commits pass everything', () => {
    expect(evaluateCommit(facts({ paths: ['src/crypto/aes.ts'] }), policy(config))).toEqual([]);
  });
  it('composes every rule, in order', () => {
    const commit = facts({
      attributions: [ai('qwen/qwen3-coder', { agent: 'qwen-code', declared: false }), ai('unknown', { agent: 'cursor', declared: false })],
      paths: ['src/crypto/aes.ts'],
    });
    const rules = evaluateCommit(commit, policy(config)).map((violation) => `${violation.rule}:${violation.model}`);
    expect(rules).toEqual([
      'model-denied:qwen/qwen3-coder',
      'unknown-model:unknown',
      'undeclared:qwen/qwen3-coder',
      'undeclared:unknown',
      'path-model-not-allowed:unknown',
      'path-missing-trailer:qwen/qwen3-coder',
    ]);
  });
  it('an allowed, declared model outside restricted paths passes', () => {
    expect(evaluateCommit(facts({ attributions: [ai('anthropic/claude-opus-4.6')] }), policy(config))).toEqual([]);
  });
  it('a merge is judged on what it brings in (its paths against the first parent)', () => {
    const merge = facts({ isMerge: true, attributions: [ai('anthropic/claude-opus-4.6')], paths: ['src/crypto/aes.ts'] });
    expect(evaluateCommit(merge, policy(config)).map((violation) => violation.rule)).toEqual(['path-model-not-allowed', 'path-missing-trailer']);
  });
  it('the default policy only warns', () => {
    const violations = evaluateCommit(facts({ attributions: [ai('unknown', { declared: false })] }), policy());
    expect(violations.map((violation) => violation.severity)).toEqual(['warning', 'warning']);
    expect(hasErrors(violations)).toBe(false);
  });
});

describe('verdicts', () => {
  it('ok unless an error; merged verdicts add up', () => {
    const warning = evaluateCommit(facts({ attributions: [ai('unknown')] }), policy());
    const error = evaluateCommit(facts({ attributions: [ai('qwen/x')] }), policy({ deny: ['qwen/*'] }));
    expect(verdictOf(3, warning).ok).toBe(true);
    const merged = mergeVerdicts([verdictOf(3, warning), verdictOf(2, error)]);
    expect(merged).toMatchObject({ ok: false, commits: 5 });
    expect(merged.violations).toHaveLength(2);
  });
});

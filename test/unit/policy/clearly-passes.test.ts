import { describe, expect, it } from 'vitest';
import { clearlyPasses } from '../../../src/core/policy/clearly-passes.js';
import { evaluateCommit } from '../../../src/core/policy/evaluate.js';
import type { PolicyConfig, Tristate } from '../../../src/core/types.js';
import { ai, facts, policy } from './facts.js';

function random(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

describe('clearlyPasses', () => {
  it('never says pass where evaluateCommit reports anything (generated policies and commits)', () => {
    const rand = random(3);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
    const models = ['anthropic/claude-opus-4.6', 'qwen/qwen3-coder', 'openai/gpt-5.2-codex', 'unknown', 'deepseek/deepseek-chat', 'qwen/unknown', 'anthropic/unknown'];
    const globs = ['anthropic/*', 'qwen/*', '*', '*coder*', 'openai/**', 'deepseek/deepseek-chat'];
    const tristates: Tristate[] = ['allow', 'warn', 'deny'];
    let passes = 0;
    for (let i = 0; i < 3000; i += 1) {
      const config: PolicyConfig = {
        ...(rand() < 0.6 ? { allow: globs.filter(() => rand() < 0.3) } : {}),
        ...(rand() < 0.6 ? { deny: globs.filter(() => rand() < 0.2) } : {}),
        unknownModel: pick(tristates),
        undeclared: pick(tristates),
        ...(rand() < 0.2 ? { paths: [{ files: ['src/**'], allow: [] }] } : {}),
      };
      const attributions = Array.from({ length: Math.floor(rand() * 3) }, () => ai(pick(models), { declared: rand() < 0.6 }));
      const compiled = policy(config);
      if (!clearlyPasses(attributions, compiled)) continue;
      passes += 1;
      expect(evaluateCommit(facts({ attributions, paths: ['src/a.ts'] }), compiled)).toEqual([]);
    }
    expect(passes).toBeGreaterThan(300);
  });
  it('a commit that declares more than detection reads is refused whatever the policy allows', () => {
    const unread = { ...ai('unknown'), unread: true as const };
    const everything = policy({ allow: ['*'], unknownModel: 'allow', undeclared: 'allow' });
    expect(clearlyPasses([unread], everything)).toBe(false);
    expect(evaluateCommit(facts({ attributions: [ai('anthropic/claude-opus-4.6'), unread] }), everything).map((violation) => [violation.rule, violation.severity])).toEqual([['unread-declarations', 'error']]);
  });
  it('path rules always need the full evaluation', () => {
    expect(clearlyPasses([ai('anthropic/claude-opus-4.6')], policy({ paths: [{ files: ['x/**'], requireTrailers: ['Reviewed-by'] }] }))).toBe(false);
  });
});

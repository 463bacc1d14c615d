import { describe, expect, it } from 'vitest';
import { evaluateCommit } from '../../../src/core/policy/evaluate.js';
import { mergeVerdicts, strictestOf, verdictOf } from '../../../src/core/policy/verdict.js';
import type { Violation } from '../../../src/core/policy/types.js';
import { ai, facts, policy } from './facts.js';

const qwen = facts({ attributions: [ai('qwen/qwen3-coder', { declared: false })], paths: ['src/a.ts'] });
const judged = (config: Parameters<typeof policy>[0]): Violation[] => evaluateCommit(qwen, policy(config));
const shown = (violations: readonly Violation[]) => violations.map((violation) => `${violation.rule} ${violation.severity}`);

describe('strictestOf (698): one finding of several judgements is one violation', () => {
  it('an error under either judgement is the error, whichever comes first; other findings kept', () => {
    const warned = judged({ deny: ['qwen/*'], undeclared: 'warn' });
    const denied = judged({ deny: ['qwen/qwen3-*'], undeclared: 'deny' });
    expect(shown(strictestOf([warned, denied]))).toEqual(['model-denied error', 'undeclared error']);
    expect(shown(strictestOf([denied, warned]))).toEqual(['model-denied error', 'undeclared error']);
    // The first judgement's words on a tie.
    expect(strictestOf([warned, denied])[0]?.message).toContain('"qwen/*"');
    expect(shown(strictestOf([judged({ undeclared: 'warn' }), denied]))).toEqual(['undeclared error', 'model-denied error']);
  });

  it('of two errors of one finding, the one naming more files and lines; a repeat word for word within one judgement once', () => {
    const [one] = judged({ deny: ['qwen/*'] });
    const more: Violation = { ...one!, message: 'three lines', paths: ['src/a.ts', 'src/b.ts'], pathCount: 2, lines: 3 };
    expect(strictestOf([[one!], [more]])).toEqual([more]);
    expect(strictestOf([[more], [one!]])).toEqual([more]);
    expect(strictestOf([[one!, one!]])).toEqual([one]);
    const merged = mergeVerdicts([verdictOf(2, [one!]), verdictOf(3, [more])], 4);
    expect(merged).toMatchObject({ ok: false, commits: 4, violations: [more] });
  });
});

describe('strictestOf (s44o): a report repeated word for word is listed once, beside another report of its finding', () => {
  it('a warning and an error of one finding in one judgement, the error repeated (there or in another judgement): each once, the warning kept', () => {
    const [one] = judged({ deny: ['qwen/*'] });
    const warning: Violation = { ...one!, severity: 'warning', message: 'a warning' };
    for (const judgements of [[[warning, one!, one!]], [[warning, one!], [one!]]]) {
      expect(strictestOf(judgements)).toEqual([warning, one]);
    }
  });
});

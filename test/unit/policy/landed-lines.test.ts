import { describe, expect, it } from 'vitest';
import type { OriginGroup } from '../../../src/core/blame/parse-origins.js';
import { blameStarts, type RangeCommit } from '../../../src/core/policy/blame-starts.js';
import { landOlderLines, newlyProtecting, olderRanges, protection, restoredAsOlder, sortBlame, uniqueLanded } from '../../../src/core/policy/landed-lines.js';
import { landedViolations } from '../../../src/core/policy/landed-violations.js';
import type { CommitFacts } from '../../../src/core/policy/types.js';
import { ai, facts, policy } from './facts.js';

const AI_SHA = 'a'.repeat(40);
const HUMAN_SHA = 'b'.repeat(40);
const OLD_SHA = 'c'.repeat(40);
const CRYPTO = policy({ paths: [{ files: ['src/crypto/**'], allow: [] }] });
const TWO_RULES = policy({ paths: [{ files: ['src/**'], requireTrailers: ['Reviewed-by'] }, { files: ['src/crypto/**'], allow: [] }] });

const group = (sha: string, originPath: string, finalLine: number, count: number, extra: Partial<OriginGroup> = {}): OriginGroup => ({ sha, boundary: false, originPath, originLine: finalLine, finalLine, count, ...extra });
const inRange = (sha: string) => sha === AI_SHA || sha === HUMAN_SHA;

describe('newlyProtecting / protection', () => {
  it('names the rules of the landing path that did not protect where the lines were', () => {
    expect(newlyProtecting(CRYPTO, 'src/crypto/aes.ts', ['lib/aes.ts'])).toEqual([0]);
    expect(newlyProtecting(CRYPTO, 'src/crypto/aes.ts', ['src/crypto/old.ts'])).toEqual([]);
    expect(newlyProtecting(TWO_RULES, 'src/crypto/aes.ts', ['src/lib/aes.ts'])).toEqual([1]);
    expect(newlyProtecting(TWO_RULES, 'src/crypto/aes.ts', ['lib/aes.ts'])).toEqual([0, 1]);
    expect(['README.md', 'src/crypto/aes.ts', 'SRC/Crypto/x', 'README.md'].filter(protection(CRYPTO))).toEqual(['src/crypto/aes.ts', 'SRC/Crypto/x']);
  });
});

describe('sortBlame', () => {
  it('lines written in the range outside the rule land with their commit; lines written in place are left to the commit itself', () => {
    const sorted = sortBlame(CRYPTO, 'src/crypto/aes.ts', [group(AI_SHA, 'lib/aes.ts', 5, 2), group(HUMAN_SHA, 'src/crypto/aes.ts', 1, 4)], inRange);
    expect(sorted).toEqual({
      landed: [{ sha: AI_SHA, path: 'src/crypto/aes.ts', rules: [0], lines: 2, origin: { path: 'lib/aes.ts', start: 5 } }],
      older: [],
      inPlace: [{ sha: HUMAN_SHA, path: 'src/crypto/aes.ts', rules: [0], lines: 4, origin: { path: 'src/crypto/aes.ts', start: 1 } }],
    });
  });
  it('older lines already protected at the boundary are nothing new; older lines moved in are looked up in older history', () => {
    const groups = [group(OLD_SHA, 'src/crypto/aes.ts', 1, 3, { boundary: true }), group(OLD_SHA, 'lib/aes.ts', 4, 2, { originLine: 10 })];
    expect(sortBlame(CRYPTO, 'src/crypto/aes.ts', groups, inRange)).toEqual({
      landed: [],
      older: [{ rev: OLD_SHA, path: 'lib/aes.ts', landing: 'src/crypto/aes.ts', rules: [0], start: 10, end: 11 }],
      inPlace: [],
    });
  });
  it('restoredAsOlder: lines a revert brought in, to blame again at the revert, keeping where they landed', () => {
    const lines = { sha: HUMAN_SHA, path: 'src/crypto/aes.ts', rules: [0], lines: 3, origin: { path: 'lib/aes.ts', start: 7 } };
    expect(restoredAsOlder([lines])).toEqual([{ rev: HUMAN_SHA, path: 'lib/aes.ts', landing: 'src/crypto/aes.ts', rules: [0], start: 7, end: 9 }]);
  });
});

describe('landOlderLines / olderRanges', () => {
  const older = [
    { rev: OLD_SHA, path: 'lib/aes.ts', landing: 'src/crypto/aes.ts', rules: [0], start: 10, end: 11 },
    { rev: OLD_SHA, path: 'lib/aes.ts', landing: 'src/crypto/rsa.ts', rules: [0], start: 12, end: 20 },
    { rev: OLD_SHA, path: 'lib/aes.ts', landing: 'src/crypto/rsa.ts', rules: [0], start: 30, end: 30 },
  ];
  it('merges the ranges for blame -L', () => {
    expect(olderRanges(older)).toEqual([[10, 20], [30, 30]]);
    expect(olderRanges([{ ...older[0]!, start: 5, end: 9 }, { ...older[0]!, start: 1, end: 6 }])).toEqual([[1, 9]]);
  });
  it('maps each writer back to the protected files its lines landed in, by overlap', () => {
    // The AI commit wrote its three lines as lines 101-103 of lib/aes.ts (`origin`: where a git-ai note speaks of them).
    const groups = [group(AI_SHA, 'lib/aes.ts', 11, 3, { originLine: 101 }), group(HUMAN_SHA, 'lib/aes.ts', 30, 1), group(OLD_SHA, 'src/crypto/legacy.ts', 10, 1)];
    expect(landOlderLines(CRYPTO, older, groups)).toEqual([
      { sha: AI_SHA, path: 'src/crypto/aes.ts', rules: [0], lines: 1, origin: { path: 'lib/aes.ts', start: 101 } },
      { sha: AI_SHA, path: 'src/crypto/rsa.ts', rules: [0], lines: 2, origin: { path: 'lib/aes.ts', start: 102 } },
      { sha: HUMAN_SHA, path: 'src/crypto/rsa.ts', rules: [0], lines: 1, origin: { path: 'lib/aes.ts', start: 30 } },
    ]);
  });
});

describe('landedViolations', () => {
  const claude = facts({ sha: AI_SHA, subject: 'feat: ai', attributions: [ai('anthropic/claude-opus-4.6')], paths: ['lib/aes.ts'] });
  const all = new Map<string, CommitFacts>([[AI_SHA, claude]]);
  const landed = [
    { sha: AI_SHA, path: 'src/crypto/aes.ts', rules: [0], lines: 2 },
    { sha: AI_SHA, path: 'src/crypto/rsa.ts', rules: [0], lines: 1 },
    { sha: HUMAN_SHA, path: 'src/crypto/aes.ts', rules: [0], lines: 9 },
  ];
  it('judges the AI commit by the rule of the files its lines sit in, naming the files, the commit and the line count', () => {
    const [violation, ...rest] = landedViolations(landed, all, CRYPTO, { inRange, reported: [] });
    expect(rest).toEqual([]);
    expect(violation).toMatchObject({ sha: AI_SHA, rule: 'path-model-not-allowed', setting: 'policy.paths[0].allow', path: 'src/crypto/aes.ts', paths: ['src/crypto/aes.ts', 'src/crypto/rsa.ts'], lines: 3, model: 'anthropic/claude-opus-4.6' });
    expect(violation!.message).toContain('3 lines written by model anthropic/claude-opus-4.6');
    expect(violation!.message).toContain('now sit in src/crypto/aes.ts (moved, copied or merged there later)');
    expect(violation!.fix).toContain('Undo the move');
  });
  it('is silent for human lines and does not repeat what the commit\'s own paths produced', () => {
    expect(landedViolations(landed.slice(2), all, CRYPTO, { inRange, reported: [] })).toEqual([]);
    const reported = landedViolations(landed, all, CRYPTO, { inRange, reported: [] });
    expect(landedViolations(landed, all, CRYPTO, { inRange, reported })).toEqual([]);
  });
  it('requireTrailers: the commit that wrote the lines needs the trailers', () => {
    const rule = policy({ paths: [{ files: ['src/crypto/**'], requireTrailers: ['Reviewed-by'] }] });
    const [violation] = landedViolations(landed, all, rule, { inRange, reported: [] });
    expect(violation).toMatchObject({ rule: 'path-missing-trailer', sha: AI_SHA, lines: 3 });
    expect(violation!.message).toContain("lacks the 'Reviewed-by' trailer");
    const reviewed = new Map([[AI_SHA, { ...claude, trailers: [{ key: 'reviewed-by', value: 'Ada <ada@example.com>' }] }]]);
    expect(landedViolations(landed, reviewed, rule, { inRange, reported: [] })).toEqual([]);
  });
  it('a model the global rules refuse is reported here only when they do not judge its commit in this run', () => {
    const qwen = policy({ deny: ['qwen/*'], paths: [{ files: ['src/crypto/**'], allow: [] }] });
    const denied = new Map([[AI_SHA, { ...claude, attributions: [ai('qwen/qwen3-coder')] }]]);
    expect(landedViolations(landed, denied, qwen, { inRange, reported: [] })).toEqual([]);
    expect(landedViolations(landed, denied, qwen, { inRange: () => false, reported: [] })).toMatchObject([{ rule: 'path-model-not-allowed', model: 'qwen/qwen3-coder' }]);
  });
  it('one violation per rule, each with its own files', () => {
    const twoRules = [{ sha: AI_SHA, path: 'src/crypto/aes.ts', rules: [0, 1], lines: 1 }, { sha: AI_SHA, path: 'src/app.ts', rules: [0], lines: 4 }];
    expect(landedViolations(twoRules, all, TWO_RULES, { inRange, reported: [] })).toMatchObject([
      { rule: 'path-missing-trailer', setting: 'policy.paths[0].requireTrailers', paths: ['src/app.ts', 'src/crypto/aes.ts'], lines: 5 },
      { rule: 'path-model-not-allowed', setting: 'policy.paths[1].allow', paths: ['src/crypto/aes.ts'], lines: 1 },
    ]);
  });
  it('one line is one line', () => {
    const [violation] = landedViolations([{ sha: AI_SHA, path: 'src/crypto/aes.ts', rules: [0], lines: 1 }], all, CRYPTO, { inRange, reported: [] });
    expect(violation!.message).toContain('1 line written by model anthropic/claude-opus-4.6 (via claude-code) in this commit now sits in');
  });
});

describe('blameStarts', () => {
  // m (merge of c and s) → c → b → a ; s → a ; boundary below a
  const range = new Map<string, RangeCommit>([
    ['m', { firstParent: 'c', protectedPaths: ['src/crypto/aes.ts'] }],
    ['c', { firstParent: 'b', protectedPaths: [] }],
    ['b', { firstParent: 'a', protectedPaths: ['src/crypto/aes.ts', 'src/crypto/rsa.ts'] }],
    ['a', { firstParent: 'boundary', protectedPaths: ['src/crypto/des.ts'] }],
    ['s', { firstParent: 'a', protectedPaths: ['src/crypto/rsa.ts'] }],
  ]);
  it('blames each file at every commit of the range that changes it, on every side of a merge (any of them can later be a tip)', () => {
    expect(blameStarts(range)).toEqual([
      { rev: 'm', path: 'src/crypto/aes.ts' },
      { rev: 'b', path: 'src/crypto/aes.ts' },
      { rev: 'b', path: 'src/crypto/rsa.ts' },
      { rev: 'a', path: 'src/crypto/des.ts' },
      { rev: 's', path: 'src/crypto/rsa.ts' },
    ]);
  });
  it('an empty range has nothing to blame', () => {
    expect(blameStarts(new Map())).toEqual([]);
  });
});

describe('uniqueLanded', () => {
  it('counts each line once where several commits of the range found it, in runs rebuilt from the lines', () => {
    const at = (start: number, lines: number, path = 'src/crypto/key.ts') => ({ sha: 'q', path, rules: [0], lines, origin: { path: 'lib/key.ts', start } });
    expect(uniqueLanded([at(1, 3), at(1, 1), at(3, 2), at(7, 1), at(1, 2, 'src/crypto/k2.ts')])).toEqual([at(1, 4), at(7, 1), at(1, 2, 'src/crypto/k2.ts')]);
  });
});

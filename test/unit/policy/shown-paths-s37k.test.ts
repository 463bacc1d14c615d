import { describe, expect, it } from 'vitest';
import { shownPathMatcher } from '../../../src/core/policy/link-reach.js';
import { compareWithMatchFile, rule } from '../../helpers/shown-path-differential.js';

// Session 37 (red team of row 468's shortcut): shownPathMatcher against matchFile on hostile globs
// (negations, `**` in the middle, braces, classes, extglobs, escapes, a leading `/` or `./`, a
// trailing `/`, non-ASCII and folded letters) and hostile paths (newlines, control characters,
// NFD, `ſ`, a zero-width joiner, backslashes, dot files). A negated glob (`!**/-`) was ruled out
// by the name of `-/secure`, which matchFile protects (it is not `**/-`).

const SEGMENTS = ['src', 'keys', 'Keys', '*', '**', '?', '*.pem', 'k*', '.env*', '[ab]', '{a,b}', '{a,b/c}', 'a b', 'caf\u00e9', '\u017fecure', 'secure', '!(x)', '@(a|b)', 'a.*', '*.{pem,key}', '[!a]*', '**.pem', 'k?y', '-', '\\!x', '(g)', '+(a)', 'x\ny', 'A'];
const LASTS = ['*', '?', '*.pem', 'k*', '.env*', 'a b', 'secure', 'k?y', '-', 'a.*', 'A', 'K', 'x', 'kk', '*y', 'up', 'ab', '*.*', '*.md'];
const NAMES = ['src', 'keys', 'KEYS', 'a', 'b', 'k.pem', 'K.PEM', '.env', '.env.x', 'x', 'a b', 'caf\u00e9', 'cafe\u0301', 'secure', '\u017fecure', 'sKy', 'k', 'x\ny', 'x\\y', '(g)', 'g', '-', 'a.b', 'ab', 'x\u0001', '\u00e9.pem', 'up', 'a.key', 'kk', 'e\u200cx', 'A', 'z.ts', 'run.md', 'docs.md', '!x'];

describe('shownPathMatcher on hostile globs and paths', () => {
  it('answers whether a glob matches as matchFile does, negated globs included', () => {
    const { compared, byName } = compareWithMatchFile({ seed: 3737, segments: SEGMENTS, lasts: LASTS, names: NAMES, shapes: [[0.15, (g) => `!${g}`], [0.2, (g) => `!./${g}`], [0.3, (g) => `/${g}`], [0.4, (g) => `${g}/`], [0.5, (g) => `**/${g}`]], depth: 4 });
    expect(compared).toBe(45_000);
    // The shortcut was taken often enough to be tested.
    expect(byName).toBeGreaterThan(5_000);
  });

  it.each([
    [['!**/*.md'], 'docs.md/run.ts'],
    [['!**/-'], '-/secure'],
    [['!./secure'], 'secure/ab'],
    [['!**/*.pem'], 'K.PEM/b'],
  ])('a negated glob %j protects %s, as matchFile says', (files, path) => {
    expect(rule(files).matchFile(path)).toBeDefined();
    expect(shownPathMatcher(rule(files)).match(path)).toBeDefined();
  });
});

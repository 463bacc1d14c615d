import { describe, expect, it } from 'vitest';
import { shownPathMatcher } from '../../../src/core/policy/link-reach.js';
import { compareWithMatchFile, rule } from '../../helpers/shown-path-differential.js';

// Session 38 (row 468's shortcut extended): a glob ending in `/**` is read by the segment before
// it (`src/{crypto,keys}/**` → `{crypto,keys}`), and a brace list of plain words is a pattern of
// one segment. shownPathMatcher against matchFile, the exact judge, on globs of those shapes and
// hostile others (ranges `{1..3}`, braces with a dot or a slash, nested braces, `**/**`, `.`/`..`).

const SEGMENTS = ['src', 'keys', 'crypto', '*', '**', '?', '{crypto,keys}', '{a,b}', '{a,b/c}', '{1..3}', '{a.b,c}', '{a,{b,c}}', 'k*', '[ab]', '@(a|b)', '.', '..', 'a b', 'caf\u00e9', '{ a,b }', '*.{pem,key}'];
const LASTS = ['**', '**', '**', '*', '{crypto,keys}', '*.{pem,key}', '{a,b}', '{1..3}', '{a.b,c}', '{a,b/c}', 'k*', 'secure', '{a,b}*', '*{x,y}', '{A,B}', '{a-b,c_d}', '.'];
const NAMES = ['src', 'keys', 'KEYS', 'crypto', 'Crypto', 'a', 'b', 'c', 'a.b', '1', '2', '3', 'k.pem', 'K.KEY', 'x', 'y', 'ax', 'ay', 'b/c', 'a b', 'caf\u00e9', '\u017fecure', 'secure', 'x\ny', 'x\\y', 'up', 'a-b', 'c_d', 'A', '.env', '{a,b}', ' a'];

describe('shownPathMatcher: globs ending in `/**` and brace lists, against matchFile', () => {
  it('answers whether a glob matches as matchFile does', () => {
    const { compared, byName } = compareWithMatchFile({ seed: 3838, segments: SEGMENTS, lasts: LASTS, names: NAMES, shapes: [[0.1, (g) => `!${g}`], [0.2, (g) => `/${g}`], [0.3, (g) => `${g}/`], [0.45, (g) => `**/${g}`]], depth: 5 });
    expect(compared).toBe(45_000);
    expect(byName).toBeGreaterThan(3_000);
  });

  it.each([
    [['src/{crypto,keys}/**'], 'src/d0/up/lib/m0/f0.ts', false],
    [['src/{crypto,keys}/**'], 'src/d0/up/src/crypto/f0.ts', false],
    [['k*/**'], 'KEYS/.env', true],
    [['src/{crypto,keys}/**'], 'src/keys', true],
    [['**/keys/**'], 'a/keys', true],
    [['**/*.{pem,key}'], 'a/b/x.KEY', true],
  ])('%j at %s: protected %s, decided without matching the whole path where it is not', (files, path, protectedThere) => {
    const fast = shownPathMatcher(rule(files));
    expect(fast.match(path) !== undefined).toBe(protectedThere);
    expect(rule(files).matchFile(path) !== undefined).toBe(protectedThere);
    if (!protectedThere) expect(fast.slow()).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import type { CompiledPathRule } from '../../../src/core/policy/compile-policy.js';
import { pathMatcher } from '../../../src/core/policy/glob-matcher.js';
import { shownPathMatcher } from '../../../src/core/policy/link-reach.js';
import { prng } from '../../helpers/trailer-messages.js';

// Session 38 (row 468's shortcut extended): a glob ending in `/**` is read by the segment before
// it (`src/{crypto,keys}/**` → `{crypto,keys}`), and a brace list of plain words is a pattern of
// one segment. shownPathMatcher against matchFile, the exact judge, on globs of those shapes and
// hostile others (ranges `{1..3}`, braces with a dot or a slash, nested braces, `**/**`, `.`/`..`).

const rule = (files: string[]) => ({ files, matchFile: pathMatcher(files) }) as unknown as CompiledPathRule;

const SEGMENTS = ['src', 'keys', 'crypto', '*', '**', '?', '{crypto,keys}', '{a,b}', '{a,b/c}', '{1..3}', '{a.b,c}', '{a,{b,c}}', 'k*', '[ab]', '@(a|b)', '.', '..', 'a b', 'caf\u00e9', '{ a,b }', '*.{pem,key}'];
const LASTS = ['**', '**', '**', '*', '{crypto,keys}', '*.{pem,key}', '{a,b}', '{1..3}', '{a.b,c}', '{a,b/c}', 'k*', 'secure', '{a,b}*', '*{x,y}', '{A,B}', '{a-b,c_d}', '.'];
const NAMES = ['src', 'keys', 'KEYS', 'crypto', 'Crypto', 'a', 'b', 'c', 'a.b', '1', '2', '3', 'k.pem', 'K.KEY', 'x', 'y', 'ax', 'ay', 'b/c', 'a b', 'caf\u00e9', '\u017fecure', 'secure', 'x\ny', 'x\\y', 'up', 'a-b', 'c_d', 'A', '.env', '{a,b}', ' a'];

describe('shownPathMatcher: globs ending in `/**` and brace lists, against matchFile', () => {
  it('answers whether a glob matches as matchFile does', () => {
    const next = prng(3838);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const glob = (): string => {
      let written = [...Array.from({ length: Math.floor(next() * 3) }, () => pick(SEGMENTS)), pick(LASTS)].join('/');
      const shape = next();
      if (shape < 0.1) written = `!${written}`;
      else if (shape < 0.2) written = `/${written}`;
      else if (shape < 0.3) written = `${written}/`;
      else if (shape < 0.45) written = `**/${written}`;
      return written;
    };
    let compared = 0;
    let byName = 0;
    for (let round = 0; round < 1500; round += 1) {
      const files = Array.from({ length: 1 + Math.floor(next() * 3) }, glob);
      const reference = rule(files);
      const fast = shownPathMatcher(rule(files));
      for (let at = 0; at < 30; at += 1) {
        const path = Array.from({ length: 1 + Math.floor(next() * 5) }, () => pick(NAMES)).join('/');
        const slow = fast.slow();
        const found = fast.match(path) !== undefined;
        if (!found && fast.slow() === slow) byName += 1;
        compared += 1;
        expect(found, `${JSON.stringify(files)}: ${JSON.stringify(path)}`).toBe(reference.matchFile(path) !== undefined);
      }
    }
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

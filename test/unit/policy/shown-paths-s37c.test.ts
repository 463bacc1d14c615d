import { describe, expect, it } from 'vitest';
import type { CompiledPathRule } from '../../../src/core/policy/compile-policy.js';
import { pathMatcher } from '../../../src/core/policy/glob-matcher.js';
import { pathsShownByLinks, shownPathMatcher } from '../../../src/core/policy/link-reach.js';

// Session 37: the paths links show are matched by their directory, or ruled out by their name,
// where those decide (shownPathMatcher); a differential test against matchFile itself on random
// links, files and globs: the same answer (a glob or none) for every shown path.

const rule = (files: string[]) => ({ files, matchFile: pathMatcher(files) }) as unknown as CompiledPathRule;

const GLOBS = [
  'src/**', 'src/crypto/**', '**/keys/*.pem', '**/*.pem', '*.pem', 'secrets', '**/keys/**', 'keys/**', 'src/*/x.ts', '**/keys/*.{pem,key}',
  'src/crypto/', '/lib/**', 'lib/m1/*', '**/id_rsa?', 'a/**/b/*.ts', '**/up/lib/*', 'd1/**', '*', '**', 'src/caf\u00e9/**', 'Keys/*.PEM', 'app/(auth)/**',
  '**/*.ts', '**/.env*', 'x y/*', '**/[ab].pem', '**/lib/m?/f1*',
];
const DIRS = ['', 'src', 'src/crypto', 'lib', 'lib/m1', 'keys', 'a/keys', 'a/b', 'src/keys', 'Keys', 'caf\u0065\u0301', 'src/caf\u00e9', 'x y', 'ctl\u0001', 'app/(auth)', '.env', 'up', 'back\\slash'];
const NAMES = ['a.ts', 'x.ts', 'k.pem', 'K.PEM', 'id_rsa1', 'secrets', 'f10.ts', '.env.local', 'keys', 'a.key', 'b.pem', 'up', 'n\u00e9.pem', 'w\\x.pem', 'sp ace.pem'];

/** A small seeded generator (mulberry32), so that a failure replays. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('shownPathMatcher: the paths links show, decided by their directory or name where possible', () => {
  it('answers as matchFile does (a glob or none) for random links, files and rules', () => {
    const next = random(37);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const join = (dir: string, name: string): string => (dir === '' ? name : `${dir}/${name}`);
    let compared = 0;
    for (let round = 0; round < 300; round += 1) {
      const files = Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(GLOBS));
      const reference = rule(files);
      const fast = shownPathMatcher(rule(files)).match;
      const links = Array.from({ length: 4 }, () => ({ path: join(pick(DIRS.filter((dir) => dir !== '')), pick(['up', 'k', 'keys'])), text: '..', target: pick(DIRS) }));
      const changed = Array.from({ length: 30 }, () => join(pick(DIRS), pick(NAMES)));
      for (const at of pathsShownByLinks(links, changed)) {
        compared += 1;
        expect(fast(at.shown) !== undefined, `${files.join(' ')}: ${at.shown}`).toBe(reference.matchFile(at.shown) !== undefined);
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('matches whole only the paths neither their directory nor their name decides', () => {
    const pem = shownPathMatcher(rule(['**/keys/*.pem']));
    for (let at = 0; at < 1000; at += 1) expect(pem.match(`d${at % 30}/up/lib/m${at % 7}/f${at}.ts`)).toBeUndefined();
    expect(pem.match('d1/up/keys/k.pem')).toBe('**/keys/*.pem');
    expect(pem.slow()).toBe(1);
    const src = shownPathMatcher(rule(['src/**']));
    for (let at = 0; at < 1000; at += 1) expect(src.match(`src/d${at % 30}/up/lib/f${at}.ts`)).toBe('src/**');
    expect(src.slow()).toBe(0);
  });
});

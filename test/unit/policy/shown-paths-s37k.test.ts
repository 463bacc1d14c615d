import { describe, expect, it } from 'vitest';
import type { CompiledPathRule } from '../../../src/core/policy/compile-policy.js';
import { pathMatcher } from '../../../src/core/policy/glob-matcher.js';
import { shownPathMatcher } from '../../../src/core/policy/link-reach.js';
import { prng } from '../../helpers/trailer-messages.js';

// Session 37 (red team of row 468's shortcut): shownPathMatcher against matchFile on hostile globs
// (negations, `**` in the middle, braces, classes, extglobs, escapes, a leading `/` or `./`, a
// trailing `/`, non-ASCII and folded letters) and hostile paths (newlines, control characters,
// NFD, `ſ`, a zero-width joiner, backslashes, dot files). A negated glob (`!**/-`) was ruled out
// by the name of `-/secure`, which matchFile protects (it is not `**/-`).

const rule = (files: string[]) => ({ files, matchFile: pathMatcher(files) }) as unknown as CompiledPathRule;

const SEGMENTS = ['src', 'keys', 'Keys', '*', '**', '?', '*.pem', 'k*', '.env*', '[ab]', '{a,b}', '{a,b/c}', 'a b', 'caf\u00e9', '\u017fecure', 'secure', '!(x)', '@(a|b)', 'a.*', '*.{pem,key}', '[!a]*', '**.pem', 'k?y', '-', '\\!x', '(g)', '+(a)', 'x\ny', 'A'];
const LASTS = ['*', '?', '*.pem', 'k*', '.env*', 'a b', 'secure', 'k?y', '-', 'a.*', 'A', 'K', 'x', 'kk', '*y', 'up', 'ab', '*.*', '*.md'];
const NAMES = ['src', 'keys', 'KEYS', 'a', 'b', 'k.pem', 'K.PEM', '.env', '.env.x', 'x', 'a b', 'caf\u00e9', 'cafe\u0301', 'secure', '\u017fecure', 'sKy', 'k', 'x\ny', 'x\\y', '(g)', 'g', '-', 'a.b', 'ab', 'x\u0001', '\u00e9.pem', 'up', 'a.key', 'kk', 'e\u200cx', 'A', 'z.ts', 'run.md', 'docs.md', '!x'];

describe('shownPathMatcher on hostile globs and paths', () => {
  it('answers whether a glob matches as matchFile does, negated globs included', () => {
    const next = prng(3737);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const glob = (): string => {
      let written = [...Array.from({ length: Math.floor(next() * 3) }, () => pick(SEGMENTS)), pick(LASTS)].join('/');
      const shape = next();
      if (shape < 0.15) written = `!${written}`;
      else if (shape < 0.2) written = `!./${written}`;
      else if (shape < 0.3) written = `/${written}`;
      else if (shape < 0.4) written = `${written}/`;
      else if (shape < 0.5) written = `**/${written}`;
      return written;
    };
    let compared = 0;
    let byName = 0;
    for (let round = 0; round < 1500; round += 1) {
      const files = Array.from({ length: 1 + Math.floor(next() * 3) }, glob);
      const reference = rule(files);
      const fast = shownPathMatcher(rule(files));
      for (let at = 0; at < 30; at += 1) {
        const path = Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(NAMES)).join('/');
        const slow = fast.slow();
        const found = fast.match(path) !== undefined;
        if (!found && fast.slow() === slow) byName += 1;
        compared += 1;
        expect(found, `${JSON.stringify(files)}: ${JSON.stringify(path)}`).toBe(reference.matchFile(path) !== undefined);
      }
    }
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

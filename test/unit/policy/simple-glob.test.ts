import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { simpleGlobRegex } from '../../../src/core/policy/simple-glob.js';

const picomatch = createRequire(import.meta.url)('picomatch') as typeof import('picomatch');

/** Deterministic pseudo-random numbers (LCG). */
function random(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

describe('simpleGlobRegex', () => {
  it('matches exactly what picomatch matches ({dot, nocase}) over generated globs and subjects', { timeout: 30_000 }, () => {
    const rand = random(1);
    const pick = (chars: string[]) => chars[Math.floor(rand() * chars.length)]!;
    const globChars = ['a', 'b', '.', '-', '*', '/', 'A', '+', '@', ':', '_', '0'];
    const subjectChars = ['a', 'b', '.', '-', '/', 'B', '+', '@', ':', '_', '0'];
    let compared = 0;
    const mismatches: string[] = [];
    for (let i = 0; i < 6000; i += 1) {
      const glob = Array.from({ length: 1 + Math.floor(rand() * 7) }, () => pick(globChars)).join('');
      const regex = simpleGlobRegex(glob);
      if (!regex) continue;
      const reference = picomatch(glob, { dot: true, nocase: true });
      for (let j = 0; j < 20; j += 1) {
        const subject = Array.from({ length: Math.floor(rand() * 8) }, () => pick(subjectChars)).join('');
        if (regex.test(subject) !== reference(subject)) mismatches.push(`${glob} ~ ${subject}`);
        compared += 1;
      }
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(10_000);
  });
  it('leaves anything beyond literals and single stars to picomatch', () => {
    for (const glob of ['a+', '@a', 'src/**', 'a?', '[ab]', '{a,b}', '!a', '+(a)', './a', 'a//b', '/a', 'a/']) expect(simpleGlobRegex(glob)).toBeNull();
    expect(simpleGlobRegex('anthropic/*')).not.toBeNull();
  });
});

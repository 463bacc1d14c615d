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
  it('holds picomatch\'s own expression for the default blame.include (** then /*), matching what picomatch matches; ** alone stays picomatch\'s', () => {
    const rand = random(7);
    const pick = (chars: string[]) => chars[Math.floor(rand() * chars.length)]!;
    const subjectChars = ['a', '.', '/', 'B', '-', ' ', '_', '\u00e9', '*'];
    const subjects = ['', '.', '..', '/', 'a', '.a', 'a/.', 'a/..', '../a', './a', 'a/./b', 'a//b', '/a', 'a/', '.git/config', 'src/.env'];
    for (let i = 0; i < 4000; i += 1) subjects.push(Array.from({ length: Math.floor(rand() * 10) }, () => pick(subjectChars)).join(''));
    expect(simpleGlobRegex('**')).toBeNull();
    for (const glob of ['**/*']) {
      const regex = simpleGlobRegex(glob);
      expect(regex, glob).not.toBeNull();
      expect(regex!.source, glob).toBe(picomatch.makeRe(glob, { dot: true, nocase: true }).source);
      const reference = picomatch(glob, { dot: true, nocase: true });
      expect(subjects.filter((subject) => regex!.test(subject) !== reference(subject)), glob).toEqual([]);
    }
  });
  it('leaves anything beyond literals and single stars to picomatch', () => {
    for (const glob of ['a+', '@a', 'src/**', 'a?', '[ab]', '{a,b}', '!a', '+(a)', './a', 'a//b', '/a', 'a/']) expect(simpleGlobRegex(glob)).toBeNull();
    expect(simpleGlobRegex('anthropic/*')).not.toBeNull();
  });
});

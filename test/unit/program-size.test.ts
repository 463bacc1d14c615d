import { describe, expect, it } from 'vitest';
import { estimateProgramSize } from '../../src/config/program-size.js';

describe('estimateProgramSize', () => {
  it('reads hand-written signatures as small and counted repetitions as what they expand to', () => {
    expect(estimateProgramSize('\\(bot\\)$')).toBeLessThan(20);
    expect(estimateProgramSize('^acme-ai \\((.+)\\)')).toBeLessThan(30);
    expect(estimateProgramSize('[0-9a-f]{40}')).toBeLessThan(100);
    expect(estimateProgramSize('x{1,1000}')).toBeGreaterThanOrEqual(2000);
    expect(estimateProgramSize('((x{1,10}){1,10}){1,10}')).toBeGreaterThanOrEqual(2221);
    expect(estimateProgramSize('(?:abcdefghijklmnopqrstuvwxyz){1,1000}'.repeat(12))).toBeGreaterThan(300_000);
  });

  it('skips classes, braced escapes and quoted text as single atoms', () => {
    expect(estimateProgramSize('[]{}(|)]{3}')).toBeLessThan(10);
    expect(estimateProgramSize('[[:alpha:]]{5}')).toBeLessThan(15);
    expect(estimateProgramSize('\\x{263a}\\p{Greek}')).toBe(2);
    expect(estimateProgramSize('\\Q{1,1000}\\E')).toBe(8);
    expect(estimateProgramSize('a{,5}')).toBeLessThan(10); // not a repetition in RE2: literal text
  });
});

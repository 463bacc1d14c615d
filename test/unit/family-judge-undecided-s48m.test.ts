// row 885: the exact family judge (row 870) fell back on its probe ids when it could not decide: an expression its
// reader did not take (POSIX classes picomatch writes with `\x21-\x7E` or `\t`: `[[:graph:]]`, `[[:space:]]`, `[[:print:]]`;
// a stray `}`), a walk past 2,000 states. A policy forcing that fall-back passed what the probes miss (Opus 20+). The matcher
// also read any lookahead holding `\.{1,2}` as picomatch's dot guard (an extglob `!(…|a/**)` holds one; config globs take no
// parentheses, so only callers of the matcher itself meet it) and `\u212A` (the Kelvin sign) as `k`, unlike the expression.
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { automatonMatches, regexAutomaton } from '../../src/core/policy/family-language.js';
import { modelMatcher } from '../../src/core/policy/glob-matcher.js';
import { cpuClock } from '../helpers/cpu-clock.js';

const OPUS = 'anthropic/claude-opus';
const padded = `anthropic/claude-opus-2[0-9]*{${Array.from({ length: 700 }, (_, at) => `zz${at}`).join(',')},}`;
const far = `anthropic/claude-opus-*1${'?'.repeat(40)}`;

describe('a family the judge cannot decide is refused (row 885)', () => {
  it('a deny the reader did not take (POSIX classes, an extglob, a glob past the budget) refuses opus: it reaches Opus 20', () => {
    for (const glob of ['anthropic/claude-opus-2[[:graph:]]', 'anthropic/claude-opus-[2][[:space:][:digit:]]', 'anthropic/claude-opus-2[[:print:]]', 'anthropic/claude-opus-2[0-9]!(zzz)', padded]) {
      const denied = modelMatcher([glob]);
      expect(denied(`${OPUS}-20`), glob.slice(0, 40)).toBe(glob);
      expect(denied(OPUS), glob.slice(0, 40)).toBe(glob);
    }
    // A walk past its limit: the deny reaches Opus with a 41-digit version, the probes none.
    expect(modelMatcher([far])(OPUS)).toBe(far);
  });

  it('an allow forcing the fall-back, or holding a `**` in its `!(…)`, refuses opus: it refuses Opus 20', () => {
    for (const glob of ['!anthropic/claude-opus-[2][[:space:][:digit:]]', 'anthropic/claude-opus-!(2[0-9]*)', 'anthropic/claude-opus-!(2[0-9]*|a/**)']) {
      const allowed = modelMatcher([glob], { versionless: 'every' });
      expect(allowed(`${OPUS}-20`), glob).toBeUndefined();
      expect(allowed(OPUS), glob).toBeUndefined();
      expect(modelMatcher([glob, 'openai/*'], { versionless: 'every' })(OPUS), glob).toBeUndefined();
    }
  });

  it('honest policies are judged as before', () => {
    expect(modelMatcher(['anthropic/*'], { versionless: 'every' })(OPUS)).toBe('anthropic/*');
    expect(modelMatcher(['anthropic/claude-opus-[1-9]*'], { versionless: 'every' })(OPUS)).toBe('anthropic/claude-opus-[1-9]*');
    expect(modelMatcher(['qwen/*', 'openai/*'])(OPUS)).toBeUndefined();
    expect(modelMatcher(['qwen/!(x)'])(OPUS)).toBeUndefined();
    expect(modelMatcher(['anthropic/claude-opus-[[:graph:]]*'], { versionless: 'every' })(OPUS)).toBe('anthropic/claude-opus-[[:graph:]]*');
    expect(modelMatcher(['anthropic/claude-sonnet-2[[:graph:]]', '}anthropic/claude-opus-2*'])(OPUS)).toBeUndefined();
    expect(modelMatcher(['anthropic/claude-sonnet-!(4*)'])(OPUS)).toBeUndefined();
    expect(modelMatcher(['anthropic/claude-opus-4*', 'anthropic/claude-opus-[5-9]*', 'anthropic/claude-opus-[1-3]*'], { versionless: 'every' })(OPUS)).toBeDefined();
  });

  it("reads only picomatch's own dot guards as always true, and folds case as the expression does", () => {
    const extglob = picomatch.makeRe('anthropic/claude-opus-!(2[0-9]*|a/**)', { dot: true, nocase: true });
    expect(regexAutomaton(extglob.source, true)).toBeNull();
    const globstar = picomatch.makeRe('anthropic/**/claude-opus-2*', { dot: true, nocase: true });
    expect(regexAutomaton(globstar.source, true)).not.toBeNull();
    const stray = picomatch.makeRe('anthropic/claude-opus-}[[:graph:]]{1..3}', { dot: true, nocase: true });
    const read = regexAutomaton(stray.source, true)!;
    for (const subject of ['anthropic/claude-opus-}a2', 'anthropic/claude-opus-}!4', 'anthropic/claude-opus-}\t2', 'anthropic/claude-opus-2']) expect(automatonMatches(read, subject), subject).toBe(stray.test(subject));
    const kelvin = new RegExp('^(?:opus-\u212A)$', 'i');
    const automaton = regexAutomaton(kelvin.source, true)!;
    for (const subject of ['opus-k', 'opus-K', 'opus-\u212A']) expect(automatonMatches(automaton, subject), subject).toBe(kelvin.test(subject));
  });
});

// row 887: each glob had its own limits (5,000 states, a walk of 2,000), so a list of 1,000 globs whose start is the
// family's did a thousand times the work in every hook (~7-10 s on this machine) and then passed `opus` on its probes.
// One family judgment now has one budget for the whole list; past it the family is refused.
describe('a whole list judged within one budget (row 887)', () => {
  it('1,000 deny globs each under its own limits: judged in bounded time, and refused when the budget runs out', () => {
    const globs = Array.from({ length: 1000 }, (_, at) => `anthropic/claude-opus-*${at}${'?'.repeat(6)}x`);
    const started = cpuClock();
    expect(modelMatcher(globs)(OPUS)).toBeDefined();
    expect(cpuClock() - started).toBeLessThan(30_000);
    // Honest lists stay well inside it.
    expect(modelMatcher(Array.from({ length: 50 }, (_, at) => `anthropic/claude-opus-${at + 1}*`), { versionless: 'every' })(OPUS)).toBeDefined();
    expect(modelMatcher(Array.from({ length: 200 }, (_, at) => `*word${at}*`))(OPUS)).toBeUndefined();
  });
});

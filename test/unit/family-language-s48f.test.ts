// row 870: the judge of a family id against allow/deny globs, checked against a reference: the family's concrete ids
// (versions 1-99 and 1.0-99.9, with the tails each side reads), each judged by the same matcher as a versioned id.
// A deny matching any of them must refuse the family, an allow refusing any of them must refuse it, and the converse
// (a refusal has a concrete id behind it) holds for globs whose ids lie under 100. The automaton reader is checked
// against picomatch's own expressions.
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { automatonMatches, regexAutomaton } from '../../src/core/policy/family-language.js';
import { modelMatcher } from '../../src/core/policy/glob-matcher.js';
import { cpuClock } from '../helpers/cpu-clock.js';

/** A small deterministic generator (the same cases every run). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}
const pick = <T>(next: () => number, list: readonly T[]): T => list[Math.floor(next() * list.length)]!;

const VERSIONS = [...Array.from({ length: 99 }, (_, major) => String(major + 1)), ...Array.from({ length: 990 }, (_, at) => `${Math.floor(at / 10) + 1}.${at % 10}`)];
const FAMILIES = [
  { id: 'anthropic/claude-opus', named: (version: string) => `anthropic/claude-opus-${version}`, prefix: 'anthropic/claude-opus-', tail: '', denyTails: [''] },
  { id: 'google/gemini-pro', named: (version: string) => `google/gemini-${version}-pro`, prefix: 'google/gemini-', tail: '-pro', denyTails: ['', '-preview'] },
];
const VERSION_GLOBS = ['*', '2[0-9]*', '[1-9]', '1?', '{5,6}*', '[3-9][0-9]*', '4.*', '1[5-9]', '[1-9]*', '[!1-8]*', '2?.[0-9]', '9[0-9]', '[1-3]*', '[4-9]*', '*[0-9]'];
const WHOLE = ['anthropic/*', 'qwen/*', 'claude*', '*opus*', 'google/*', '*-preview', '*', 'anthropic/claude-sonnet-*'];

function policy(next: () => number): string[] {
  return Array.from({ length: 1 + Math.floor(next() * 3) }, () => {
    const family = pick(next, FAMILIES);
    const glob = next() < 0.25 ? pick(next, WHOLE) : `${family.prefix}${pick(next, VERSION_GLOBS)}${next() < 0.5 ? family.tail : next() < 0.5 ? `${family.tail}*` : ''}`;
    return next() < 0.2 ? `!${glob}` : glob;
  });
}

describe('the family judge against its concrete ids (row 870)', () => {
  it('a deny reaching any version, or an allow missing one, refuses the family; a refusal has such a version behind it', () => {
    const next = random(48);
    const wrong: string[] = [];
    for (let round = 0; round < 160; round += 1) {
      const globs = policy(next);
      for (const family of FAMILIES) {
        const denied = modelMatcher(globs);
        const reached = family.denyTails.flatMap((tail) => VERSIONS.map((version) => family.named(version) + tail)).find((id) => denied(id) !== undefined);
        const denies = denied(family.id) !== undefined;
        if ((reached !== undefined) !== denies) wrong.push(`deny ${JSON.stringify(globs)} ${family.id}: judged ${denies}, ${reached ?? 'no version'} reached`);
        const allowed = modelMatcher(globs, { versionless: 'every' });
        const missed = ['', '-preview', '-fast'].flatMap((tail) => VERSIONS.map((version) => family.named(version) + tail)).find((id) => allowed(id) === undefined);
        const passes = allowed(family.id) !== undefined;
        if ((missed === undefined) !== passes) wrong.push(`allow ${JSON.stringify(globs)} ${family.id}: judged ${passes}, ${missed ?? 'no version'} refused`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("far versions: a deny of Opus 20+ refuses opus, a negated allow of them too; honest lists don't", () => {
    expect(modelMatcher(['anthropic/claude-opus-2[0-9]*'])('anthropic/claude-opus')).toBe('anthropic/claude-opus-2[0-9]*');
    expect(modelMatcher(['google/gemini-3[0-9]*-pro*'])('google/gemini-pro')).toBe('google/gemini-3[0-9]*-pro*');
    expect(modelMatcher(['!anthropic/claude-opus-2[0-9]'], { versionless: 'every' })('anthropic/claude-opus')).toBeUndefined();
    expect(modelMatcher(['qwen/*', 'anthropic/claude-sonnet-2[0-9]*'])('anthropic/claude-opus')).toBeUndefined();
    expect(modelMatcher(['anthropic/*'], { versionless: 'every' })('anthropic/claude-opus')).toBe('anthropic/*');
    expect(modelMatcher(['*-preview'])('anthropic/claude-opus')).toBeUndefined();
    // picomatch reads `{15..19}` after other text as `15..19`, its dots any character: it matches Opus 15.119, so it reaches opus.
    expect(modelMatcher(['anthropic/claude-opus-{15..19}'])('anthropic/claude-opus-15.119')).toBe('anthropic/claude-opus-{15..19}');
    expect(modelMatcher(['anthropic/claude-opus-{15..19}'])('anthropic/claude-opus')).toBe('anthropic/claude-opus-{15..19}');
  });

  it('a hostile glob (braces nested 20 deep, 200 `?`) is judged in bounded time: no hook hangs on a policy', () => {
    const deep = `anthropic/claude-opus-${'{a,'.repeat(20)}2[0-9]*${'}'.repeat(20)}`;
    const started = cpuClock();
    expect(modelMatcher([deep])('anthropic/claude-opus')).toBe(deep);
    expect(modelMatcher([deep], { versionless: 'every' })('anthropic/claude-opus')).toBeUndefined();
    modelMatcher([`anthropic/claude-opus-${'?'.repeat(200)}*`])('anthropic/claude-opus');
    expect(cpuClock() - started).toBeLessThan(5000);
  });

  it("reads picomatch's expressions as they match", () => {
    const next = random(7);
    const pieces = ['anthropic/', 'claude-', 'opus-', '*', '?', '[1-3]', '[!2]', '[0-9]', '{4,1[0-9]}', '2', '.', '-', '**', '{1..3}', 'pro', '[a-z]', '**/'];
    const subjects = ['anthropic/claude-opus-20', 'anthropic/claude-opus-4.6', 'anthropic/claude-opus-1', 'claude-opus-2', 'anthropic/claude-opus-', 'x/2', '2', 'opus-13', 'a/b/c', 'anthropic/claude-opus-2-pro'];
    for (let round = 0; round < 400; round += 1) {
      const glob = Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(next, pieces)).join('');
      const expression = picomatch.makeRe(glob, { dot: true, nocase: true });
      const automaton = regexAutomaton(expression.source, true);
      if (automaton === null) continue;
      for (const subject of subjects) expect(automatonMatches(automaton, subject), `${glob} ${subject}`).toBe(expression.test(subject));
    }
  });
});

// Session 56 helper d (row 1200): identity.ts indexed the fast-path identity texts by their first four characters and threw
// on a shorter one at the first identity read (every commit's detection failed), while the build that writes the texts
// (src/install/fast-path-signals.ts, whose required texts may be three long) let it through; found reading textsByStart.
// Now `npm run build:shims` and `npm run build:catalog` fail naming the text and its signature, and the reader looks for a
// shorter text whole instead of throwing.
import { describe, expect, it } from 'vitest';
import { GRAM, holdsText, indexTexts } from '../../src/core/detect/identity.js';
import { identityTexts } from '../../src/install/fast-path-signals.js';

describe('a fast-path identity text shorter than the index\'s start', () => {
  it('fails the build, naming the text and its signature', () => {
    expect(() => identityTexts([{ name: '^(?:zq9)$' }])).toThrow(/"zq9".*shorter than 4|shorter than 4.*"zq9"/s);
    expect(() => identityTexts([{ name: '^(?:zq9)$' }])).toThrow(/identity signature \{"name":"\^\(\?:zq9\)\$"\}/);
    expect(identityTexts([{ name: '^zq9x-bot$' }])).toContain('zq9x-bot');
  });

  it('the built-in texts are each long enough, and a shorter one is looked for whole at run time, not thrown on', () => {
    expect(identityTexts().every((text) => text.length >= GRAM)).toBe(true);
    const index = indexTexts(['zq9', 'claude']);
    expect(holdsText('pat zq9 person', index)).toBe(true);
    expect(holdsText('pat claude', index)).toBe(true);
    expect(holdsText('pat person', index)).toBe(false);
    expect(holdsText('zq', index)).toBe(false);
  });

  it('a text of exactly GRAM characters is found at the very end of a name or address (session 56 helper u: the built-in `code` and `opus` are that long; no corpus identity put one last, so a scan stopping one position short passed every other test)', () => {
    const index = indexTexts(['code', 'opus']);
    expect(holdsText('kilo code', index)).toBe(true);
    expect(holdsText('code', index)).toBe(true);
    expect(holdsText('claude opus', index)).toBe(true);
    expect(holdsText('kilo cod', index)).toBe(false);
  });
});

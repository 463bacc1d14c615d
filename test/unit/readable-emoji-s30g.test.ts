import { describe, expect, it } from 'vitest';
import { READABLE_PATTERNS, readable } from '../../src/core/detect/readable.js';

// readable() gives ASCII with emoji of U+1F300-U+1FAFF back without normalising (PLAIN_WITH_EMOJI).
// That is exact only if the full reading gives each such text back unchanged too.
describe('readable(): ASCII with emoji, read without the normaliser', () => {
  // The full reading: a character outside the shortcut (é) appended, then cut off again.
  const full = (text: string) => readable(`${text}\u00e9`).slice(0, -1);

  it('reads every code point the shortcut lets through as the full reading does', () => {
    const passed: number[] = [];
    const differ: string[] = [];
    for (let code = 0x80; code <= 0x10ffff; code += 1) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      if (!READABLE_PATTERNS.PLAIN_WITH_EMOJI.test(char)) continue;
      passed.push(code);
      for (const text of [char, `x ${char} Generated with`, `${char}${char}a`]) if (readable(text) !== full(text)) differ.push(code.toString(16));
    }
    expect(passed.length).toBe(0x1faff - 0x1f300 + 1);
    expect(differ).toEqual([]);
  });

  it('leaves what it does not cover to the full reading', () => {
    for (const text of ['\u{1F916} Generated with [Claude Code](https://claude.com/claude-code)', '\u{1F110} (A)', 'tab\t\u{1F916}', '\u{1F916}\u200b x', 'lone \ud83e x', '\u{1F916}\u{FE0F} x', '\u{1F916} \u0430bc']) {
      expect(readable(text), JSON.stringify(text)).toBe(full(text));
    }
  });
});

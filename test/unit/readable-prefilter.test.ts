import { describe, expect, it } from 'vitest';
import { READABLE_PATTERNS, readable } from '../../src/core/detect/readable.js';

// readable() skips its FORMAT strip (Unicode property classes, ~1 ms to compile) for text made of
// characters NOTHING_TO_STRIP lets through. That is exact only if FORMAT matches none of them.
describe('readable(): the characters it does not strip for', () => {
  const format = new RegExp(READABLE_PATTERNS.FORMAT_SOURCE, 'u');

  it('FORMAT matches no code point NOTHING_TO_STRIP lets through (every code point, this node\'s Unicode)', () => {
    const passed: number[] = [];
    for (let code = 0; code <= 0x10ffff; code += 1) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      if (READABLE_PATTERNS.NOTHING_TO_STRIP.test(char)) passed.push(code);
    }
    // ASCII, U+2100-U+2BFF and U+1F000-U+1FAFF: the ranges it names, no more.
    expect(passed.length).toBe(0x80 + (0x2bff - 0x2100 + 1) + (0x1faff - 0x1f000 + 1));
    expect(passed.filter((code) => format.test(String.fromCodePoint(code)))).toEqual([]);
  });

  it('reads as the full strip would, with and without the shortcut', () => {
    const full = (text: string) => readable(`${text}\u00e9`).slice(0, -1);
    for (const text of ['\u{1F916} Generated with [Claude Code](https://claude.com/claude-code)', '\u{1F498} Generated with Crush', '\u2728 qwen3-coder \u2192 done', 'tab\there', 'Qw\u200ben3 \u{1F916}', 'Qw\u034fen3\u{1F916}', '\u{1F916}\u{E0071}\u{E0077}en', 'q\u{FE0F}wen \u2705', 'lone \ud83c x']) {
      expect(readable(text), JSON.stringify(text)).toBe(full(text));
    }
    expect(readable('Qw\u200ben3 \u{1F916}')).toBe('Qwen3 \u{1F916}');
    expect(readable('\u{1F916}\u{E0071}\u{E0077}en')).toBe('\u{1F916}en');
  });
});

import { describe, expect, it } from 'vitest';
import { leadingMark } from '../../src/core/detect/commit.js';

// The pattern leadingMark stands for (src/core/detect/commit.ts LEADING_MARK_SOURCE), as a literal.
const LEADING_MARK = /^(?:(?:\u{1F916}|\u00f0[Y\u0178]\u00a4\u2013|(?![\x00-\x7f])[\p{So}\p{Sm}\p{Sk}\p{Pd}\p{Po}\p{Extended_Pictographic}])[ \t]*)+/u;
const byPattern = (text: string): string | null => LEADING_MARK.exec(text)?.[0] ?? null;

describe('leadingMark: the robot footer read without the Unicode pattern, the same as the pattern', () => {
  const robot = '\u{1F916}';
  const cases = [
    `${robot} Generated with [Claude Code](https://claude.com/claude-code)`,
    `${robot}Generated`,
    `${robot}\t \tGenerated`,
    `${robot} ${robot}  Generated`,
    `${robot}${robot}`,
    robot,
    `${robot} `,
    `${robot} \u2728 Generated`,
    `${robot}\u2728 Generated`,
    `${robot} \u00e9t\u00e9`,
    `${robot} \u00f0Y\u00a4\u2013 x`,
    `\u2728 Generated with Claude Code`,
    `\u00f0Y\u00a4\u2013 Generated`,
    '\ud83e',
    `\ud83e Generated`,
    `${robot}\ud83e`,
    '\u2022 item',
    '\u00e9t\u00e9',
    'Generated',
    '',
    ` ${robot} Generated`,
    `${robot}\u00a0Generated`,
    `${robot}\nGenerated`,
  ];
  for (const text of cases) {
    it(`reads ${JSON.stringify(text)} as the pattern does`, () => {
      expect(leadingMark(text)).toBe(byPattern(text));
    });
  }
  it('agrees with the pattern on every code point after a robot and a space', () => {
    const differ: string[] = [];
    for (let code = 0; code <= 0x10ffff; code += code < 0x3000 ? 1 : 61) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const text = `${robot} ${String.fromCodePoint(code)}x`;
      if (leadingMark(text) !== byPattern(text)) differ.push(code.toString(16));
    }
    expect(differ).toEqual([]);
  });
});

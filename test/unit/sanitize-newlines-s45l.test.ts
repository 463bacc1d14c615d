// sanitize(..., { keepNewlines: true }) shows a line's first colon of `::` escaped (a runner command at a line's
// start). Its pattern `^(\s*):(?=:)` let `\s*` run over line breaks: from every line start a scan over all the
// blank lines below, quadratic in a text a repository writes (100,000 newlines: 40 s). Now `[^\S\n]*`: the
// differential runs the old pattern over random texts of the characters it reads (each kept as it is by the
// escaping) and asserts the same output; 200,000 blank lines before a word took minutes before (the file's timeout).
import { describe, expect, it } from 'vitest';
import { sanitize } from '../../src/core/sanitize.js';

function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('sanitize keepNewlines: a runner command at a line start, found in linear time', () => {
  it('the same output as the old pattern over random texts of blanks, line breaks, colons and letters', () => {
    const next = random(45);
    const tokens = ['\n', ' ', '\t', ':', '::', 'a', '\u00a0', '\u3000', 'x:'];
    for (let i = 0; i < 5000; i++) {
      const text = Array.from({ length: Math.floor(next() * 20) }, () => tokens[Math.floor(next() * tokens.length)]!).join('');
      const shown = sanitize(text, { keepNewlines: true, max: 1e9 });
      // These characters are kept as they are by the escaping, so the old pattern applies to the text itself.
      expect(shown, JSON.stringify(text)).toBe(text.replace(/^(\s*):(?=:)/gm, '$1\\x3a'));
    }
  });

  it('200,000 blank lines, a word, then a runner command: the command still shown escaped', () => {
    const text = `${'\n'.repeat(200_000)}x\n  ::add-mask::y`;
    expect(sanitize(text, { keepNewlines: true, max: 1e9 }).endsWith('x\n  \\x3a:add-mask::y')).toBe(true);
  });
});

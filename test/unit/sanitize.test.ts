import { describe, expect, it } from 'vitest';
import { sanitize } from '../../src/core/sanitize.js';
import { escapeText } from '../../src/config/config-error.js';

describe('sanitize', () => {
  it.each([
    ['\u061c', '\\u{61c}'], // ARABIC LETTER MARK: a bidi control (Trojan Source)
    ['\u00ad', '\\xad'], // soft hyphen: invisible
    ['\u2060', '\\u{2060}'], // word joiner
    ['\u180e', '\\u{180e}'],
    ['\ufffb', '\\u{fffb}'],
    ['\u202e', '\\u{202e}'],
    ['\u001b[31m', '\\x1b[31m'],
  ])('escapes %j', (raw, shown) => expect(sanitize(`a${raw}b`)).toBe(`a${shown}b`));

  it('keeps newlines and tabs only when asked, and ordinary unicode always', () => {
    expect(sanitize('x\ny\tz')).toBe('x\\ny\\tz');
    expect(sanitize('x\ny\tz', { keepNewlines: true })).toBe('x\ny\tz');
    expect(sanitize('café — 模型 🚀')).toBe('café — 模型 🚀');
  });

  it('neutralises exactly the characters config messages escape', () => {
    // One assertion over every code unit (65,536 `expect` calls cost seconds): the list of
    // disagreements, empty.
    const disagreements: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      if (code >= 0xd800 && code <= 0xdfff) continue;
      if ((sanitize(ch) !== ch) !== (escapeText(ch) !== ch)) disagreements.push(code.toString(16));
    }
    expect(disagreements).toEqual([]);
  });
});

describe('safeJson: one escaping policy for every JSON output', () => {
  it('escapes every character of the one unsafeChars() set, keeps the values and the indentation', async () => {
    const { safeJson, unsafeChars } = await import('../../src/core/sanitize.js');
    const hostile = 'a\u202eb\u061cc\u00add\u200be\u2066f\u009bg\u2028h\n\x1bi\ufeff';
    const text = safeJson({ subject: hostile, list: [1] }, 2);
    expect(text.replace(/\n/g, '')).not.toMatch(new RegExp(unsafeChars().source, unsafeChars().flags.replace('g', '')));
    expect(text).toContain('\\u202e');
    expect(text).toContain('\\u061c');
    expect(JSON.parse(text)).toEqual({ subject: hostile, list: [1] });
    expect(text.split('\n')).toHaveLength(6);
  });
});

describe('text a CI runner would run as a command (row 610)', () => {
  it('shows the `[` of `##[` and `##vso[` escaped anywhere in a name, and JSON writes it as \\u005b (read back unchanged)', async () => {
    const { safeJson } = await import('../../src/core/sanitize.js');
    expect(sanitize('src/##[error]x.js')).toBe('src/##\\x5berror]x.js');
    expect(sanitize('a ##VSO[task.setvariable variable=A]b')).toBe('a ##VSO\\x5btask.setvariable variable=A]b');
    expect(sanitize('#[x] and # [y]')).toBe('#[x] and # [y]');
    expect(sanitize('src/##[error]x.js', { insideRunnerCommand: true })).toBe('src/##[error]x.js');
    const json = safeJson({ path: 'src/##[error]x.js' });
    expect(json).not.toContain('##[');
    expect(JSON.parse(json)).toEqual({ path: 'src/##[error]x.js' });
  });

  it('with kept line breaks, a line starting with `::` (after blanks) has its first colon escaped', () => {
    expect(sanitize("path 'x\n  ::add-mask::y' is gone", { keepNewlines: true })).toBe("path 'x\n  \\x3a:add-mask::y' is gone");
    expect(sanitize('a::b\nc: d', { keepNewlines: true })).toBe('a::b\nc: d');
  });
});

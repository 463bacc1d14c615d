// markdownKeyTexts tries each of its anchored patterns (a heading's marks, a bullet, a key in a tag,
// emphasis or a link's text, a block tag) only where the one character it opens with stands, so an
// agent's footer (`🤖 Generated with [Claude Code](…)`) compiles none of the patterns it cannot
// match. Differential: the reading as it was (every pattern tried on every line, copied below from
// src/core/detect/commit.ts before the change) and the guarded one give the same texts, over random
// lines of the characters those patterns read and over the agents' own footers.
import { describe, expect, it } from 'vitest';
import { HTML_KEY, LINK_KEY, leadingMark, markdownKeyTexts } from '../../src/core/detect/commit.js';
import { prng } from '../helpers/trailer-messages.js';

// The reading before the guards, pattern for pattern.
const MARKDOWN_HEADING = /^#{1,6}[ \t]+/;
const MARKDOWN_BULLET = /^(?:[-*+]|\d{1,9}[.)])[ \t]+(\[[ xX]\][ \t]+)?/;
const MARKDOWN_WRAPPED = /^(\*{1,3}|_{1,3}|`)(\S.*\S)\1$/;
const MARKDOWN_KEY = /^(\*{1,3}|_{1,3}|`)([A-Za-z][A-Za-z0-9 _-]{0,63}?)[ \t]*(:?)\1[ \t]*(:?)[ \t]*/;
const HTML_TAGS = 'p|div|span|sub|sup|small|b|strong|em|i|u|code|kbd|mark|ins|li|td|th|summary|details|h[1-6]';
const HTML_OPEN = new RegExp(`^<(?:${HTML_TAGS})(?:[ \\t][^<>]{0,256})?>[ \\t]*`, 'i');
const HTML_CLOSE = new RegExp(`<\\/(?:${HTML_TAGS})>$`, 'i');

function unmarked(text: string): string {
  const mark = text.length > 0 && text.charCodeAt(0) > 0x7f ? leadingMark(text) : null;
  return mark === null ? text : text.slice(mark.length);
}

function withoutBlockTag(line: string): string {
  const inner = line.replace(HTML_OPEN, '');
  const close = HTML_CLOSE.exec(inner.slice(-16));
  return close ? inner.slice(0, inner.length - close[0].length).trimEnd() : inner;
}

function linkText(line: string): string | null {
  if (!line.startsWith('[') || !line.endsWith(')')) return null;
  const middle = line.lastIndexOf('](');
  const url = line.slice(middle + 2, -1);
  return middle >= 2 && url.length <= 2048 && !/[()\s]/.test(url) ? line.slice(1, middle) : null;
}

// A nested list's indent before its bullet (s42d: `  - Assisted-by: Jules`), read past as at the list's top.
const NESTED_BULLET = /^[ \t]{1,6}(?=(?:[-*+]|\d{1,9}[.)])[ \t])/;

function unguarded(text: string): string[] {
  const nested = NESTED_BULLET.exec(text);
  let plain = unmarked(nested ? text.slice(nested[0].length) : text);
  if (plain === text && !/^[-*+_`#<[\d]/.test(text)) return [];
  plain = unmarked(plain.replace(MARKDOWN_HEADING, ''));
  const bullet = MARKDOWN_BULLET.exec(plain);
  if (bullet) {
    if (bullet[1] !== undefined && !/[xX]/.test(bullet[1])) return [];
    plain = unmarked(plain.slice(bullet[0].length));
  }
  const tagged = HTML_KEY.exec(plain);
  if (!tagged) {
    plain = withoutBlockTag(plain);
    const wrapped = MARKDOWN_WRAPPED.exec(plain);
    plain = wrapped ? (wrapped[2] ?? plain) : (linkText(plain) ?? plain);
  }
  const key = tagged ?? MARKDOWN_KEY.exec(plain) ?? HTML_KEY.exec(plain);
  if (key && (key[3] === ':') !== (key[4] === ':')) plain = `${key[2]}: ${plain.slice(key[0].length)}`;
  const link = key ? null : LINK_KEY.exec(plain);
  if (link && (link[2] === ':') !== (link[3] === ':')) plain = `${link[1]}: ${plain.slice(link[0].length)}`;
  return plain === text ? [] : [plain];
}

const TOKENS = [
  '#', '## ', '- ', '* ', '+ ', '1. ', '12) ', '[x] ', '[ ] ', '[X] ', '**', '*', '__', '_', '`', '<b>', '</b>', '<strong>', '</STRONG>', '<p>', '</p>',
  '<p class="x">', '<sub>', '</sub>', '<span>', '</span>', '<', '>', '</', '[', ']', '(', ')', '](https://x.example/a)', ':', ' ', '\t', 'Assisted-by', 'Assisted by',
  'AI-Model', 'Co-Authored-By', 'claude-code:anthropic/claude-opus-4.6', 'Claude <noreply@anthropic.com>', 'Generated with', 'Claude Code', 'qwen3-coder',
  '\u{1F916} ', '\u{1F916}', '\u2728 ', '\u2022 ', '\u00f0\u0178\u00a4\u2013 ', '\u00e9', 'x', 'X', '0', '9', '.', ',', '|',
];

describe('markdownKeyTexts tries each anchored pattern only where it can match (s35f)', () => {
  it('gives what the unguarded reading gave, over random lines and the agents\' footers', () => {
    const next = prng(35);
    const lines = Array.from({ length: 20_000 }, () => Array.from({ length: 1 + Math.floor(next() * 10) }, () => TOKENS[Math.floor(next() * TOKENS.length)]!).join(''));
    lines.push(
      '\u{1F916} Generated with [Claude Code](https://claude.com/claude-code)',
      '- \u{1F916} **Assisted-by:** claude-code:anthropic/claude-opus-4.6',
      '<p><b>Assisted-by:</b> qwen-code:qwen/qwen3-coder</p>',
      '[Assisted-by](https://example.com/x): claude-code:anthropic/claude-opus-4.6',
      '## `Assisted-by: qwen3-coder`',
      '1. [x] <strong>AI-Model</strong>: gpt-5',
      '\u2728 _AI-Model_: gpt-5',
      '',
    );
    let differences = 0;
    for (const line of lines) {
      if (line.startsWith('|')) continue; // a table row: read by tableRowTexts, unchanged
      const now = markdownKeyTexts(line);
      const before = unguarded(line);
      if (JSON.stringify(now) !== JSON.stringify(before)) {
        differences += 1;
        expect({ line, now }).toEqual({ line, now: before });
      }
    }
    expect(differences).toBe(0);
    // The cases really reach each reading (the corpus is not all lines of no key).
    expect(lines.filter((line) => !line.startsWith('|') && unguarded(line).length > 0).length).toBeGreaterThan(1000);
  });
});

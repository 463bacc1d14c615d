// Row 1117: a message's unread tail (past a 65,536-character line or 20,000 lines) is now put in keyForm a
// piece of 1 MiB at a time, not whole (the whole took ~300 MB of heap for a 15 MiB message). The answer must
// be the same: this differential compares detection with the whole-tail reading it replaced (kept here, as it
// was in src/core/detect/commit.ts) over generated tails of 1-2 MiB whose key texts, terminal sequences, runs
// of spaces and hyphens, CR, NUL and tabs fall on and around every piece's edge.
import { describe, expect, it } from 'vitest';
import { detectCommit, PIECE } from '../../src/core/detect/commit.js';
import { commitSignals } from '../../src/core/commit-signals.js';
import { CSI } from '../../src/core/detect/readable.js';
import FAST_PATH_TEXTS from '../../src/core/data/fast-path-texts.generated.json' with { type: 'json' };

const MAX_LINE = 65_536;
const PAST = 'a message past 20000 lines or a line past 65536 characters';
const human = { name: 'Pat', email: 'pat@example.com' };

/** The reading replaced: the whole tail in keyForm at once (ASCII tails only reach it). */
const keyForm = (text: string) => text.toLowerCase().replace(CSI, '').replace(/[\x00-\x09\x0b-\x1f\x7f _-]+/g, '-');
const TEXTS = [keyForm('Assisted-by'), ...(FAST_PATH_TEXTS.message as string[]).map(keyForm)];
const wholeNames = (tail: string) => {
  // keyForm once, not once a text (~90 passes over a 1 MiB tail: session 55 helper b).
  const form = keyForm(tail);
  return TEXTS.some((text) => form.includes(text));
};

const unread = (message: string) => detectCommit(commitSignals({ message, author: human, committer: human })).some((a) => a.evidence.includes(PAST));

/** A deterministic filler of characters no key text is made of alone: digits, `;`, `m`, `[`, escape, runs. */
function filler(length: number, seed: number): string {
  const alphabet = '0123456789;m[\x1b _-\t\r\x00\x7fqz';
  let state = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1_103_515_245 + 12_345) & 0x7fffffff;
    out += alphabet[state % alphabet.length];
  }
  return out;
}

/** `text` written over `base` at `at`. */
const put = (base: string, at: number, text: string) => base.slice(0, at) + text + base.slice(at + text.length);

describe('a long line\'s unread tail is read in pieces, with the same answer as whole (row 1117)', () => {
  // The tail starts MAX_LINE characters into the long body line, after `feat: x\n\n`.
  const head = 'feat: x\n\n';
  const edge = (k: number) => head.length + MAX_LINE + k * PIECE;
  const spellings = ['Assis\x1b[0mted-by', 'assisted \t_-by'];

  it('key texts across each piece\'s edge, split by terminal sequences and runs', () => {
    const base = filler(edge(1) + 2_000 - head.length, 7);
    let checked = 0;
    for (const spelling of spellings) {
      for (const k of [1]) {
        for (const shift of [-8, -3, 0]) {
          const message = head + put(base, edge(k) + shift - head.length, spelling);
          const tail = message.slice(head.length + MAX_LINE);
          expect(unread(message), `${JSON.stringify(spelling)} at ${k}:${shift}`).toBe(wholeNames(tail));
          checked++;
        }
      }
    }
    expect(checked).toBe(6);
  });

  it('terminal sequences and runs on the edge that make or unmake a key text', () => {
    const base = filler(edge(1) + 3_000 - head.length, 11);
    const cases: [string, number][] = [
      // A sequence begun before the edge and ended after it (`ESC [ 0 ; … m`), inside a key text.
      ['assisted\x1b[' + '1'.repeat(3000) + 'm-by', -10],
      // An escape left unfinished at the edge is a space (a hyphen): `assisted` `ESC` `by`.
      ['assisted\x1b-by', -9],
      // A run of spaces, tabs, hyphens and NULs across the edge is one hyphen.
      ['assisted \t\x00 _ -by', -10],
      ['assisted\x1b[0m\x1b[1mby', -12],
    ];
    for (const [text, shift] of cases) {
      const message = head + put(base, edge(1) + shift - head.length, text);
      const tail = message.slice(head.length + MAX_LINE);
      expect(unread(message), `${JSON.stringify(text)} at ${shift}`).toBe(wholeNames(tail));
    }
    // And the plain filler names nothing, whole or in pieces.
    expect(wholeNames((head + base).slice(head.length + MAX_LINE))).toBe(false);
    expect(unread(head + base)).toBe(false);
  });

  it('a tail past ASCII and lines past 20,000 are read as before', () => {
    const base = filler(edge(1) + 2_000 - head.length, 3);
    expect(unread(head + put(base, edge(1) - head.length, 'é'))).toBe(true);
    const many = `feat: x\n\n${'ok\n'.repeat(20_001)}${filler(2 * PIECE, 5)}\nAssisted-by: x\n`;
    expect(unread(many)).toBe(wholeNames(many.slice(many.indexOf('\n', 9 + 3 * 20_000) + 1)));
  });
});

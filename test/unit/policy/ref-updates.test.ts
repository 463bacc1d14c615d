import { describe, expect, it } from 'vitest';
import { parsePrePushLines, parsePreReceiveLines } from '../../../src/core/ref-updates.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const Z = '0'.repeat(40);

describe('parsePrePushLines', () => {
  it('existing, new, deleted refs and several at once', () => {
    const stdin = `refs/heads/main ${A} refs/heads/main ${B}\nrefs/heads/new ${A} refs/heads/new ${Z}\n(delete) ${Z} refs/heads/old ${B}\nrefs/tags/v1 ${B} refs/tags/v1 ${Z}\n`;
    expect(parsePrePushLines(stdin)).toEqual({
      updates: [
        { ref: 'refs/heads/main', from: B, to: A },
        { ref: 'refs/heads/new', from: null, to: A },
        { ref: 'refs/heads/old', from: B, to: null },
        { ref: 'refs/tags/v1', from: null, to: B },
      ],
      malformed: [],
    });
  });
  it('SHA-256 ids; empty input', () => {
    const long = 'c'.repeat(64);
    expect(parsePrePushLines(`HEAD ${long} refs/heads/x ${'0'.repeat(64)}\n`).updates).toEqual([{ ref: 'refs/heads/x', from: null, to: long }]);
    expect(parsePrePushLines('')).toEqual({ updates: [], malformed: [] });
  });
  it('a local revision with spaces (git push origin "HEAD^{/fix bug}:refs/heads/x")', () => {
    expect(parsePrePushLines(`HEAD^{/fix the bug} ${A} refs/heads/x ${Z}\n`)).toEqual({ updates: [{ ref: 'refs/heads/x', from: null, to: A }], malformed: [] });
  });
  it('anything else is malformed (the hook fails closed)', () => {
    expect(parsePrePushLines(`refs/heads/main --all refs/heads/main ${B}\n`).malformed).toHaveLength(1);
    expect(parsePrePushLines(`refs/heads/main ${A}\n`).malformed).toHaveLength(1);
  });
});

describe('parsePreReceiveLines', () => {
  it('old new ref; zero old = new ref, zero new = deletion', () => {
    expect(parsePreReceiveLines(`${B} ${A} refs/heads/main\n${Z} ${A} refs/heads/topic\n${B} ${Z} refs/heads/gone\n`).updates).toEqual([
      { ref: 'refs/heads/main', from: B, to: A },
      { ref: 'refs/heads/topic', from: null, to: A },
      { ref: 'refs/heads/gone', from: B, to: null },
    ]);
  });
  it('malformed lines are reported', () => {
    expect(parsePreReceiveLines('garbage\n').malformed).toEqual(['garbage']);
  });
});

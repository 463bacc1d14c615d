import { describe, expect, it } from 'vitest';
import { eolLines } from '../../src/core/blame/eol-lines.js';

describe('eolLines: lines git blame gives a commit only for a final newline', () => {
  it('the open last line of the parent, where the commit appended after it', () => {
    expect(eolLines('h1\n}', 'h1\n}\nai3\n')).toEqual([{ line: 2, parentLine: 2 }]);
    // Lines added above it move it down; an added `}` below is the commit's own.
    expect(eolLines('a\n}', 'z\na\n}\n\nfn\n}\n')).toEqual([{ line: 3, parentLine: 2 }]);
  });

  it("the commit's own open last line, where it stripped the newline (or appended without one)", () => {
    expect(eolLines('q1\nq2\n', 'q1\nq2')).toEqual([{ line: 2, parentLine: 2 }]);
    expect(eolLines('x', 'x\ny')).toEqual([{ line: 1, parentLine: 1 }]);
  });

  it('a CRLF file: its open last line is the other version\'s line ended by CR LF', () => {
    expect(eolLines('h1\r\n}', 'h1\r\n}\r\nai\r\n')).toEqual([{ line: 2, parentLine: 2 }]);
    expect(eolLines('q1\r\nq2\r\n', 'q1\r\nq2')).toEqual([{ line: 2, parentLine: 2 }]);
  });

  it('nothing when both versions end alike, or the line really changed', () => {
    expect(eolLines('a\nb\n', 'a\nb\nc\n')).toEqual([]);
    expect(eolLines('a\nb', 'a\nB\n')).toEqual([]);
    expect(eolLines('', 'a')).toEqual([]);
  });
});

describe('eolLines: lines git blame gives a commit only for turning CR LF into LF or back', () => {
  it('every converted line, matched where it stood, and none the commit changed', () => {
    expect(eolLines('a\r\nb\r\n', 'a\nb\n')).toEqual([{ line: 1, parentLine: 1 }, { line: 2, parentLine: 2 }]);
    expect(eolLines('a\nb\nc\n', 'a\r\nB\r\nc\r\nd\r\n')).toEqual([{ line: 1, parentLine: 1 }, { line: 3, parentLine: 3 }]);
    // A mixed file: only the lines whose ending changed.
    expect(eolLines('a\r\nb\nc\r\n', 'a\nb\nc\n')).toEqual([{ line: 1, parentLine: 1 }, { line: 3, parentLine: 3 }]);
    // With an open last line as well.
    expect(eolLines('a\r\nb', 'a\nb\nc\n')).toEqual([{ line: 1, parentLine: 1 }, { line: 2, parentLine: 2 }]);
  });

  it('nothing when every line of both ends alike', () => {
    expect(eolLines('a\r\nb\r\n', 'a\r\nB\r\nc\r\n')).toEqual([]);
  });
});

describe('eolLines: a first line git blame gives a commit only for a byte order mark', () => {
  it('the first line, when the mark alone was added or taken away', () => {
    expect(eolLines('using X;\nclass A {}\n', '\u00ef\u00bb\u00bfusing X;\nclass A {}\n')).toEqual([{ line: 1, parentLine: 1 }]);
    expect(eolLines('\u00ef\u00bb\u00bfa\nb\n', 'a\nb\nc\n')).toEqual([{ line: 1, parentLine: 1 }]);
    // Lines added above it: the marked line is matched where it moved; a changed first line is the commit's.
    expect(eolLines('a\nb\n', '\u00ef\u00bb\u00bfz\na\nb\n')).toEqual([]);
    expect(eolLines('a\nb\n', '\u00ef\u00bb\u00bfA\nb\n')).toEqual([]);
    // With the line endings turned as well.
    expect(eolLines('\u00ef\u00bb\u00bfa\r\nb\r\n', 'a\nb\n')).toEqual([{ line: 1, parentLine: 1 }, { line: 2, parentLine: 2 }]);
  });

  it('nothing when both start with it, or neither', () => {
    expect(eolLines('\u00ef\u00bb\u00bfa\nb\n', '\u00ef\u00bb\u00bfa\nb\nc\n')).toEqual([]);
  });
});

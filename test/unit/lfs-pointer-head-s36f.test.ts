import { describe, expect, it } from 'vitest';
import { hiddenLineBreaks, lfsPointerHead } from '../../src/git/wide-text.js';

// Session 36 (red team, path rules): a Git LFS pointer at a protected path shows the object it names
// at checkout; git-lfs reads a pointer from a blob's first 1,024 bytes, leniently.

const OID = 'a672718a0fe8d6d61903da96f1aa444199e4f69f8cddfd54e17ce84076dca490';
const POINTER = `version https://git-lfs.github.com/spec/v1\noid sha256:${OID}\nsize 168\n`;

describe('lfsPointerHead: a blob a Git LFS checkout replaces', () => {
  it('finds the pointers git-lfs smudges, the strict spec and what its parser also takes', () => {
    for (const text of [
      POINTER,
      POINTER.replaceAll('\n', '\r\n'),
      POINTER.trimEnd(),
      `\n  ${POINTER.replaceAll('\n', '\n\n ')}`,
      POINTER.replace('https://git-lfs.github.com/spec/v1', 'http://git-media.io/v/2'),
      POINTER.replace('git-lfs.github.com', 'hawser.github.com'),
      // Past the first 1,024 bytes git-lfs reads nothing: code there is never checked out.
      `${POINTER}${'\n'.repeat(1000)}export const shown = "never";\n`,
    ]) {
      expect(lfsPointerHead(Buffer.from(text)), JSON.stringify(text.slice(0, 80))).toBe(true);
      expect(hiddenLineBreaks(Buffer.from(text))).toBe('lfs');
    }
  });

  it('leaves code that only speaks of LFS, and a pointer pushed past the first 1,024 bytes, alone', () => {
    for (const text of [
      'const spec = "version https://git-lfs.github.com/spec/v1";\n',
      `// ${POINTER.replaceAll('\n', '\n// ')}`,
      `${'\n'.repeat(1100)}${POINTER}`,
      'export const oid = 1;\nexport const version = 2;\n',
    ]) expect(lfsPointerHead(Buffer.from(text)), JSON.stringify(text.slice(0, 80))).toBe(false);
  });
});

// Session 55 helper j (row 1175): the twin search's patches are split per file as a stream, chunk by chunk, instead
// of whole strings (a 50 MB diff held ~470 MB); whatever the chunks' boundaries, git patch-id is given the same bytes
// the whole-string split gave: each `diff --git` line after a `commit <tag>` line of its own, mode lines dropped.
import { describe, expect, it } from 'vitest';
import { PatchSplitter } from '../../src/git/patch-splitter.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const LONG = `+${'x'.repeat(1_000)}\n`;
const PATCH = [
  `commit ${A}\n`,
  'diff --git a/one b/one\nold mode 100644\nnew mode 100755\nindex 1..2\n--- a/one\n+++ b/one\n@@ -1 +1 @@\n-old mode 100644\n+new\n',
  `commit ${B}\n`,
  `diff --git a/${'d'.repeat(300)} b/${'d'.repeat(300)}\nnew file mode 100644\n--- /dev/null\n+++ b/long\n@@ -0,0 +1 @@\n${LONG}`,
  'diff --git a/two b/two\ndeleted file mode 100755\n--- a/two\n+++ /dev/null\n@@ -1 +0,0 @@\n-gone\n\\ No newline at end of file',
].join('');
const EXPECTED = [
  `commit ${A}\n`,
  'diff --git a/one b/one\nindex 1..2\n--- a/one\n+++ b/one\n@@ -1 +0,0 @@\n-old mode 100644\n@@ -0,0 +1 @@\n+new\n',
  `commit ${B}\n`,
  `diff --git a/${'d'.repeat(300)} b/${'d'.repeat(300)}\n--- /dev/null\n+++ b/long\n@@ -0,0 +1 @@\n${LONG}`,
  `commit ${B}\n`,
  'diff --git a/two b/two\n--- a/two\n+++ /dev/null\n@@ -1 +0,0 @@\n-gone\n',
].join('');

/** The splitter's output for PATCH given in chunks of `size` bytes. */
function split(size: number): string {
  const splitter = new PatchSplitter((line) => (line.startsWith('commit ') ? line.slice(7) : undefined));
  const bytes = Buffer.from(PATCH);
  const out: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) out.push(...splitter.push(bytes.subarray(at, at + size)));
  out.push(...splitter.end());
  return Buffer.concat(out).toString();
}

describe('PatchSplitter (row 1175)', () => {
  it('gives the same bytes whatever the chunk boundaries', () => {
    for (const size of [1, 2, 3, 7, 64, 255, 256, 257, 1_000, 100_000]) expect(split(size), `chunks of ${size}`).toBe(EXPECTED);
  });
});

// Session 56 helper c (rows 1203..1206): a run of content lines of one sign is one line (a hunk of its own), without
// white space (JavaScript's Unicode white space, carriage returns, U+2028, U+2029 too), so blank lines and how a run is
// wrapped are no part of it; `\ No newline at end of file` is dropped; whatever the chunk boundaries.
describe('PatchSplitter (rows 1203..1206)', () => {
  const spaced = `commit ${A}\ndiff --git a/p b/p\n--- /dev/null\n+++ b/p\n@@ -0,0 +1,8 @@ f\n+a\rb\r\n+\n+ \t\n+\tc\n+${'x'.repeat(300)}\r\r${'y'.repeat(300)}\n+\u00A0\u3000\u2002\n+\uFEFFg\u00A0h\u2028\u205Fé—\n+i\u202F\n\\ No newline at end of file\ndiff --git a/q b/q\n--- a/q\n+++ b/q\n@@ -1,2 +0,0 @@\n-\r\n-d\n`;
  const expected = `commit ${A}\ndiff --git a/p b/p\n--- /dev/null\n+++ b/p\n@@ -0,0 +1 @@\n+abc${'x'.repeat(300)}${'y'.repeat(300)}ghé—i\n`
    + `commit ${A}\ndiff --git a/q b/q\n--- a/q\n+++ b/q\n@@ -1 +0,0 @@\n-d\n`;
  it('gives each run of one sign one line, in chunks of any size', () => {
    for (const size of [1, 2, 5, 64, 256, 257, 100_000]) {
      const splitter = new PatchSplitter((line) => (line.startsWith('commit ') ? line.slice(7) : undefined));
      const bytes = Buffer.from(spaced);
      const out: Buffer[] = [];
      for (let at = 0; at < bytes.length; at += size) out.push(...splitter.push(bytes.subarray(at, at + size)));
      out.push(...splitter.end());
      expect(Buffer.concat(out).toString(), `chunks of ${size}`).toBe(expected);
    }
  });
});

// Session 56 helper r (row 1203, kept): helper i asked whether a hunk header should end a run of added lines (`foo` at
// line 3 and `bar` at line 10 have `foobar`'s id). It must not: under `-U0` a blank line the copy's base already held
// between two of Q's added lines is a hunk header, and ending the run there gave the copy another id than Q's. This
// pins that a run split only by a hunk header is the run whole.
import { describe, expect, it } from 'vitest';
import { PatchSplitter } from '../../src/git/patch-splitter.js';

const split = (patch: string): string => {
  const splitter = new PatchSplitter((line) => (line.startsWith('commit ') ? line.slice(7) : undefined));
  return Buffer.concat([...splitter.push(Buffer.from(patch)), ...splitter.end()]).toString();
};
const HEAD = 'commit x\ndiff --git a/p b/p\n--- a/p\n+++ b/p\n';

describe('PatchSplitter across hunk headers (row 1203)', () => {
  it("gives Q's added run with a blank line in it and the copy around a base's blank line the same bytes", () => {
    expect(split(`${HEAD}@@ -1,0 +2 @@\n+a\n@@ -2,0 +4 @@\n+b\n`)).toBe(split(`${HEAD}@@ -1,0 +2,3 @@\n+a\n+\n+b\n`));
  });
});

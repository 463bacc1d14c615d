import { describe, expect, it } from 'vitest';
import { baseBelongs, firstParentOf, mayNameParent } from '../../../src/core/notes/note-base.js';

const COMMIT = 'a'.repeat(40);
const PARENT = 'b'.repeat(40);
const OTHER = 'c'.repeat(40);

describe('whom a note was written for (base_commit_sha, 687)', () => {
  it('the commit itself, or its first parent (initial for a root commit) as git-ai wrote before 1.0; nothing else', () => {
    expect(baseBelongs(COMMIT, COMMIT, PARENT)).toBe(true);
    expect(baseBelongs(COMMIT.toUpperCase(), COMMIT, PARENT)).toBe(true);
    expect(baseBelongs(PARENT, COMMIT, PARENT)).toBe(true);
    expect(baseBelongs('initial', COMMIT, null)).toBe(true);
    expect(baseBelongs('initial', COMMIT, PARENT)).toBe(false);
    expect(baseBelongs(OTHER, COMMIT, PARENT)).toBe(false);
    expect(baseBelongs('0'.repeat(40), COMMIT, PARENT)).toBe(false);
    expect(baseBelongs(null, COMMIT, PARENT)).toBe(false);
    expect(baseBelongs('', COMMIT, null)).toBe(false);
    expect(baseBelongs(COMMIT.slice(0, 12), COMMIT, PARENT)).toBe(false);
  });

  it('only a full id or initial is worth reading the parent for', () => {
    expect(mayNameParent(OTHER)).toBe(true);
    expect(mayNameParent('d'.repeat(64))).toBe(true);
    expect(mayNameParent('Initial')).toBe(true);
    expect(mayNameParent('x')).toBe(false);
    expect(mayNameParent(null)).toBe(false);
  });

  it('the first parent line of a commit object, never one in its message', () => {
    const merge = Buffer.from(`tree ${OTHER}\nparent ${PARENT}\nparent ${OTHER}\nauthor T <t@e> 1 +0000\ncommitter T <t@e> 1 +0000\n\nmsg\n`);
    expect(firstParentOf(merge)).toBe(PARENT);
    const root = Buffer.from(`tree ${OTHER}\nauthor T <t@e> 1 +0000\ncommitter T <t@e> 1 +0000\n\nparent ${PARENT}\n`);
    expect(firstParentOf(root)).toBeNull();
  });
});

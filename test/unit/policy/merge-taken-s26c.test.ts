import { describe, expect, it } from 'vitest';
import { pathsTakenWhole, sidePathsOf, type MergeShape } from '../../../src/core/policy/merge-taken.js';

// Trees as maps path -> object; '' (absent) where a path is not listed.
function lookup(trees: Record<string, Record<string, string>>) {
  return (commit: string, path: string) => trees[commit]?.[path] ?? '';
}
const SHAPE: MergeShape = { merge: 'M', first: 'P1', others: [{ parent: 'P2', bases: ['B'] }] };

describe('pathsTakenWhole (row 317): what a merge took whole from a merged side', () => {
  it('takes a path only the merged side changed, at that side version', () => {
    const at = lookup({ B: { k: 'old' }, P1: { k: 'old' }, P2: { k: 'new' }, M: { k: 'new' } });
    expect([...pathsTakenWhole(['k'], SHAPE, at)]).toEqual(['k']);
  });

  it('takes a file the side added, and one it deleted, the first parent holding the base version', () => {
    const at = lookup({ B: { gone: 'g' }, P1: { gone: 'g' }, P2: { added: 'a' }, M: { added: 'a' } });
    expect([...pathsTakenWhole(['added', 'gone'], SHAPE, at)].sort()).toEqual(['added', 'gone']);
  });

  it('leaves to the merge a version no parent holds (an evil merge, a resolution)', () => {
    const at = lookup({ B: { k: 'old' }, P1: { k: 'old' }, P2: { k: 'new' }, M: { k: 'evil' } });
    expect(pathsTakenWhole(['k'], SHAPE, at).size).toBe(0);
  });

  it('leaves to the merge a side version taken over a first parent that changed the path too', () => {
    const at = lookup({ B: { k: 'old' }, P1: { k: 'mine' }, P2: { k: 'theirs' }, M: { k: 'theirs' } });
    expect(pathsTakenWhole(['k'], SHAPE, at).size).toBe(0);
  });

  it('leaves to the merge an older version brought back over the first parent (a merge of an ancestor made by hand)', () => {
    // P2 is the base itself: the first parent changed k since, and the merge put the old k back.
    const shape: MergeShape = { merge: 'M', first: 'P1', others: [{ parent: 'B', bases: ['B'] }] };
    const at = lookup({ B: { k: 'old' }, P1: { k: 'new' }, M: { k: 'old' } });
    expect(pathsTakenWhole(['k'], shape, at).size).toBe(0);
  });

  it('counts a mode change the merge made as its own', () => {
    const at = lookup({ B: { k: '100644 a' }, P1: { k: '100644 a' }, P2: { k: '100644 b' }, M: { k: '100755 b' } });
    expect(pathsTakenWhole(['k'], SHAPE, at).size).toBe(0);
  });

  it('with unrelated histories (no base) takes only what the first parent lacked', () => {
    const shape: MergeShape = { merge: 'M', first: 'P1', others: [{ parent: 'P2', bases: [] }] };
    const at = lookup({ P1: { mine: 'm' }, P2: { theirs: 't', mine: 'x' }, M: { theirs: 't', mine: 'x' } });
    expect([...pathsTakenWhole(['theirs', 'mine'], shape, at)]).toEqual(['theirs']);
  });

  it('asks every merge base (criss-cross), and any merged parent of an octopus', () => {
    const criss: MergeShape = { merge: 'M', first: 'P1', others: [{ parent: 'P2', bases: ['B1', 'B2'] }] };
    const differs = lookup({ B1: { k: 'old' }, B2: { k: 'older' }, P1: { k: 'old' }, P2: { k: 'new' }, M: { k: 'new' } });
    expect(pathsTakenWhole(['k'], criss, differs).size).toBe(0);
    const octopus: MergeShape = { merge: 'M', first: 'P1', others: [{ parent: 'P2', bases: ['B'] }, { parent: 'P3', bases: ['B'] }] };
    const at = lookup({ B: { k: 'old' }, P1: { k: 'old' }, P2: { k: 'old' }, P3: { k: 'new' }, M: { k: 'new' } });
    expect([...pathsTakenWhole(['k'], octopus, at)]).toEqual(['k']);
  });
});

describe('pathsTakenWhole through a subtree merge (row 319)', () => {
  it("reads the side's lib.c as vendor/lib.c, on the same conditions", () => {
    const at = lookup({ B: { 'lib.c': 'old' }, P1: { 'vendor/lib.c': 'old' }, P2: { 'lib.c': 'new' }, M: { 'vendor/lib.c': 'new' } });
    expect([...pathsTakenWhole(['vendor/lib.c'], SHAPE, at)]).toEqual(['vendor/lib.c']);
    const changedHere = lookup({ B: { 'lib.c': 'old' }, P1: { 'vendor/lib.c': 'local' }, P2: { 'lib.c': 'new' }, M: { 'vendor/lib.c': 'new' } });
    expect(pathsTakenWhole(['vendor/lib.c'], SHAPE, changedHere).size).toBe(0);
  });

  it('lists every place a side may hold a path', () => {
    expect(sidePathsOf('a/b/c.ts')).toEqual(['a/b/c.ts', 'b/c.ts', 'c.ts']);
    expect(sidePathsOf('top.ts')).toEqual(['top.ts']);
  });
});

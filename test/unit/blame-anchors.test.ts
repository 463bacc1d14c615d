import { describe, expect, it } from 'vitest';
import { createAnchorWalk, type ChainCommit } from '../../src/core/blame/blame-anchors.js';

/** A chain commit: `changes` maps a path to [before, after] objects. */
const commit = (sha: string, parent: string | null, changes: Record<string, [string, string]> = {}): ChainCommit => ({
  sha,
  parents: parent ? [parent] : [],
  changes: new Map(Object.entries(changes)),
});

describe('createAnchorWalk', () => {
  it('anchors each path at the newest commit whose first parent holds another object, roots anchor the rest', () => {
    const walk = createAnchorWalk(['a', 'b', 'c'], 'c3');
    expect(walk.commit(commit('c3', 'c2', { a: ['10:1', '10:2'] }))).toBe(true);
    // b: same object before and after (a mode change 100644 -> 100755): not an anchor.
    expect(walk.commit(commit('c2', 'c1', { b: ['10:5', '10:5'], x: ['', '10:9'] }))).toBe(true);
    expect(walk.commit(commit('c1', null, { a: ['', '10:1'], b: ['', '10:5'], c: ['', '10:7'] }))).toBe(false);
    expect(Object.fromEntries(walk.finish())).toEqual({ a: 'c3', b: 'c1', c: 'c1' });
  });

  it('a type change is a change; a walk that leaves the chain anchors open paths at the last commit seen', () => {
    const walk = createAnchorWalk(['link', 'kept'], 'c2');
    walk.commit(commit('c2', 'c1', { link: ['12:4', '10:4'] }));
    expect(walk.commit(commit('zz', 'c0'))).toBe(false);
    expect(Object.fromEntries(walk.finish())).toEqual({ link: 'c2', kept: 'c2' });
  });

  it('adopts the anchors of an earlier walk at the commit it started from, only for the paths it names', () => {
    const walk = createAnchorWalk(['a', 'b', 'new'], 'c5');
    walk.commit(commit('c5', 'c4', { a: ['10:1', '10:2'] }));
    // Not the chain's next commit: nothing adopted.
    expect(walk.adopt('c3', new Map([['b', 'c1']]))).toBe(true);
    expect(walk.adopt('c4', new Map([['a', 'old'], ['b', 'c1']]))).toBe(true);
    expect(walk.commit(commit('c4', 'c3', { new: ['', '10:3'] }))).toBe(false);
    expect(Object.fromEntries(walk.finish())).toEqual({ a: 'c5', b: 'c1', new: 'c4' });
  });
});

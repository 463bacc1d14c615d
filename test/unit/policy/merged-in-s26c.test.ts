import { describe, expect, it } from 'vitest';
import { mergedInBy } from '../../../src/core/policy/merged-in.js';
import { mergedInFix } from '../../../src/core/policy/messages.js';

describe('mergedInBy (row 318): through which merge a commit of another branch came in', () => {
  it('names the merge whose other parent reaches the commit, not commits of the first-parent line', () => {
    // main: B <- M (merge of topic: T1 <- T2); the range is everything but the base.
    const nodes = [
      { sha: 'M', parents: ['B', 'T2'] },
      { sha: 'T2', parents: ['T1'] },
      { sha: 'T1', parents: ['B'] },
    ];
    expect([...mergedInBy(nodes)]).toEqual([
      ['T2', 'M'],
      ['T1', 'M'],
    ]);
  });

  it('gives nothing for a merge whose first parent is the side branch (merged on the topic, then fast-forwarded)', () => {
    const nodes = [
      { sha: 'F', parents: ['Q', 'H'] },
      { sha: 'Q', parents: ['B'] },
      { sha: 'H', parents: ['B'] },
    ];
    expect([...mergedInBy(nodes)]).toEqual([['H', 'F']]);
  });

  it('gives a commit two merges reach to the older one, and reads a stash (three parents, a root) as any merge', () => {
    const nodes = [
      { sha: 'M2', parents: ['M1', 'S2'] },
      { sha: 'M1', parents: ['B', 'S1'] },
      { sha: 'S2', parents: ['S1'] },
      { sha: 'S1', parents: ['B'] },
      { sha: 'W', parents: ['M2', 'I', 'U'] },
      { sha: 'I', parents: ['M2'] },
      { sha: 'U', parents: [] },
    ];
    const brought = mergedInBy(nodes);
    expect(brought.get('S1')).toBe('M1');
    expect(brought.get('S2')).toBe('M2');
    expect(brought.get('I')).toBe('W');
    expect(brought.get('U')).toBe('W');
    expect(brought.has('M1')).toBe(false);
  });

  it('says in the fix which merge to make again', () => {
    const fix = mergedInFix('Rewrite it.', 'a'.repeat(40), "Merge branch 'topic'");
    expect(fix).toContain(`merge ${'a'.repeat(12)} "Merge branch 'topic'"`);
    expect(fix).toContain('git merge -s ours');
  });
});

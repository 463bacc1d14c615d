import { describe, expect, it } from 'vitest';
import { addedLinesOf } from '../../../src/git/path-patches.js';

const OLD = 'a'.repeat(40);
const NEW = 'b'.repeat(40);
const SHA = 'c'.repeat(40);

describe('addedLinesOf: the lines a commit adds and the blob it leaves, from git log -p', () => {
  it('counts hunk lines by the header, so an added line that reads like a file header stays content', () => {
    const patch = [
      `commit ${SHA}`,
      '',
      'diff --git a/lib/key.ts b/lib/key.ts',
      `index ${OLD}..${NEW} 100644`,
      '--- a/lib/key.ts',
      '+++ b/lib/key.ts',
      '@@ -1,2 +1,4 @@',
      ' keep',
      '+++ b/other.ts',
      '+diff --git a/x b/x',
      ' keep too',
      '@@ -9 +11,2 @@',
      '-gone',
      '+new 11',
      '+new 12',
      '',
    ].join('\n');
    const change = addedLinesOf(patch).get(SHA);
    expect(change?.added).toEqual(new Map([['lib/key.ts', [2, 3, 11, 12]]]));
    expect(change?.blobs).toEqual(new Map([['lib/key.ts', NEW]]));
  });

  it('a deleted file leaves no blob and adds no lines', () => {
    const patch = [`commit ${SHA}`, '', 'diff --git a/lib/key.ts b/lib/key.ts', 'deleted file mode 100644', `index ${OLD}..${'0'.repeat(40)}`, '--- a/lib/key.ts', '+++ /dev/null', '@@ -1 +0,0 @@', '-gone', ''].join('\n');
    expect(addedLinesOf(patch).get(SHA)).toEqual({ added: new Map(), blobs: new Map() });
  });

  it('reads a name git quotes, and one with a space (a tab ends its line)', () => {
    const patch = [`commit ${SHA}`, '', 'diff --git "a/t\\tab.ts" "b/t\\tab.ts"', `index ${OLD}..${NEW} 100644`, '--- "a/t\\tab.ts"', '+++ "b/t\\tab.ts"', '@@ -0,0 +1 @@', '+one', 'diff --git a/a b.ts b/a b.ts', `index ${OLD}..${NEW} 100644`, '--- a/a b.ts\t', '+++ b/a b.ts\t', '@@ -0,0 +1 @@', '+two', ''].join('\n');
    expect(addedLinesOf(patch).get(SHA)?.added).toEqual(new Map([['t\tab.ts', [1]], ['a b.ts', [1]]]));
  });
});

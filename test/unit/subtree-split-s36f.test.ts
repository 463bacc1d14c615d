import { describe, expect, it } from 'vitest';
import { subtreeSplitOf } from '../../src/core/blame/revert-of.js';

const SPLIT = 'edb3823a1f0c4b5d6e7f8091a2b3c4d5e6f70819';

describe('subtreeSplitOf: the upstream commit a git subtree --squash commit copies', () => {
  it('reads git subtree’s own trailer, the last one when there are several', () => {
    expect(subtreeSplitOf(`Squashed 'src/crypto/' content from commit edb3823\n\ngit-subtree-dir: src/crypto\ngit-subtree-split: ${SPLIT}\n`)).toBe(SPLIT);
    expect(subtreeSplitOf(`Squashed 'src/crypto/' changes from a..b\r\n\r\ngit-subtree-dir: src/crypto\r\ngit-subtree-split: ${'1'.repeat(40)}\r\ngit-subtree-split: ${SPLIT}\r\n`)).toBe(SPLIT);
  });

  it('takes no abbreviated, indented or quoted sha', () => {
    for (const message of [`x\n\ngit-subtree-split: ${SPLIT.slice(0, 12)}\n`, `x\n\n    git-subtree-split: ${SPLIT}\n`, `x\n\nsee git-subtree-split: ${SPLIT}\n`, 'x\n']) expect(subtreeSplitOf(message)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { commentCandidates, commitFindings } from '../../src/core/detect/commit.js';

// 493 tried each first letter of the last paragraph's prose lines as a reader's comment prefix,
// reading the trailer block again for each: a hostile repository's 20,000 lines opening with 20,000
// different letters made that 20,000 readings of a 120 KB message (~2 minutes of check, pre-receive
// and commit-msg). The letters that leave the fewest prose lines are enough: git finds the same block
// under them.
describe('the comment prefixes a reader may have, bounded', () => {
  const decoys = (count: number, from: number) => Array.from({ length: count }, (_, at) => `${String.fromCodePoint(from + at)} prose`);

  it('a last paragraph of thousands of different first letters gives a handful', () => {
    const message = `feat: x\n\n${decoys(5000, 0x4e00).join('\n')}\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n`;
    expect(commentCandidates(message).length).toBeLessThanOrEqual(20);
  });

  it('the letter that hides the most prose lines is among them, and its Qwen trailer still read', () => {
    // Under `K` the three Keep lines are comments: 3 x 3 trailers >= 9 prose lines left, with a
    // Signed-off-by (git's own prefix): a trailer block; under `#` 12 prose lines are too many, and the
    // folded value names no model on a line of its own.
    const lines = [...decoys(9, 0x4e00), 'Keep a', 'Keep b', 'Keep c', 'Signed-off-by: Ann <ann@example.com>', 'Assisted-by:', ' qwen3-coder', 'Reviewed-by: Bob <bob@example.com>'];
    const message = `feat: y\n\n${lines.join('\n')}\n`;
    expect(commentCandidates(message)).toContain('K');
    const models = commitFindings({ subject: 'feat: y', message, author: { name: 'Ann', email: 'ann@example.com' }, committer: { name: 'Ann', email: 'ann@example.com' }, trailers: [] } as never).map((found) => found.model);
    expect(models).toContain('qwen/qwen3-coder');
  });
});

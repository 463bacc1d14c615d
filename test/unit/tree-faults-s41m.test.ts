import { describe, expect, it } from 'vitest';
import { isTree, treeFault, type RawTreeEntry } from '../../src/core/tree-faults.js';

const ID = 'ab'.repeat(20);
const entry = (mode: string, name: string): RawTreeEntry => ({ mode, name: Buffer.from(name), oid: ID });

describe('isTree: a folder as git reads a mode (575)', () => {
  it('is any mode whose type bits are 040000, as tree-walk.c reads it', () => {
    for (const mode of ['40000', '040000', '40755', '0040000']) expect(isTree(entry(mode, 'a')), mode).toBe(true);
    for (const mode of ['100644', '100664', '120000', '160000', '', '4000x', '140000']) expect(isTree(entry(mode, 'a')), mode).toBe(false);
  });

  it('sorts a 40755 folder as git does (name/), not as a file', () => {
    expect(treeFault([entry('100644', 'crypto-x.ts'), entry('40755', 'crypto')])).toBeNull();
    expect(treeFault([entry('40755', 'crypto'), entry('100644', 'crypto-x.ts')])).toBe("entries out of git's order ('crypto' before 'crypto-x.ts')");
  });
});

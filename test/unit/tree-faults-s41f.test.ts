import { describe, expect, it } from 'vitest';
import { parseRawTree, treeFault, type RawTreeEntry } from '../../src/core/tree-faults.js';

const ID = 'ab'.repeat(20);
const entry = (mode: string, name: string): RawTreeEntry => ({ mode, name: Buffer.from(name), oid: ID });

describe('treeFault (575)', () => {
  it('takes git\'s order, a folder read as if its name ended in /', () => {
    expect(treeFault([entry('100644', 'a-b'), entry('100644', 'a.ts'), entry('40000', 'a'), entry('100644', 'a0'), entry('160000', 'b'), entry('100644', 'b.ts')])).toBeNull();
    expect(treeFault([entry('100644', 'a'), entry('100644', 'a.ts')])).toBeNull();
  });

  it('names a name given twice, entries out of order, and names git fsck refuses', () => {
    expect(treeFault([entry('100644', 'x.ts'), entry('100644', 'x.ts')])).toBe("'x.ts' twice");
    expect(treeFault([entry('100644', 'crypto'), entry('40000', 'crypto')])).toBe("'crypto' twice");
    expect(treeFault([entry('40000', 'a'), entry('100644', 'a.ts')])).toBe("entries out of git's order ('a' before 'a.ts')");
    expect(treeFault([entry('100644', 'crypto/x.ts')])).toBe("an entry whose name holds '/' ('crypto/x.ts')");
    expect(treeFault([entry('40000', '..')])).toBe("an entry named '..'");
  });

  it('parses a raw tree, and refuses bytes cut short', () => {
    const raw = Buffer.concat([Buffer.from('100644 x.ts\0'), Buffer.from(ID, 'hex')]);
    expect(parseRawTree(raw, 20)).toEqual([{ mode: '100644', name: Buffer.from('x.ts'), oid: ID }]);
    expect(parseRawTree(raw.subarray(0, raw.length - 1), 20)).toBeNull();
  });
});

import { describe, expect, test } from 'vitest';
import { buildLineIndex, eachOwner } from '../../../src/core/notes/line-index.js';
import type { AttestationEntry } from '../../../src/core/notes/types.js';

const entry = (key: string, ranges: number[]): AttestationEntry => ({ key, kind: key.startsWith('h_') ? 'human' : 'prompt', record: key, ranges });

function owners(entries: AttestationEntry[], start: number, count: number): [string, number][] {
  const found: [string, number][] = [];
  eachOwner(buildLineIndex(entries), start, count, (owner, lines) => found.push([owner.key, lines]));
  return found;
}

/** The naive reading: for each line, the last entry that covers it. */
function naive(entries: AttestationEntry[], line: number): string | null {
  for (let at = entries.length - 1; at >= 0; at -= 1) {
    const { ranges } = entries[at]!;
    for (let pair = 0; pair < ranges.length; pair += 2) if (ranges[pair]! <= line && line <= ranges[pair + 1]!) return entries[at]!.key;
  }
  return null;
}

describe('line index', () => {
  test('disjoint ranges: counts of the lines asked, untracked lines left out', () => {
    const entries = [entry('a', [1, 10, 15, 20]), entry('b', [25, 25, 30, 35]), entry('h_1', [42, 50])];
    expect(owners(entries, 1, 50)).toEqual([['a', 10], ['a', 6], ['b', 1], ['b', 6], ['h_1', 9]]);
    expect(owners(entries, 8, 10)).toEqual([['a', 3], ['a', 3]]);
    expect(owners(entries, 11, 4)).toEqual([]);
    expect(owners(entries, 50, 100)).toEqual([['h_1', 1]]);
    expect(owners(entries, 51, 100)).toEqual([]);
  });

  test('adjacent ranges of one entry merge', () => {
    const index = buildLineIndex([entry('a', [1, 3, 4, 6, 7, 7])]);
    expect([index.starts, index.ends]).toEqual([[1], [7]]);
  });

  test('overlaps: the later entry wins the shared lines', () => {
    const entries = [entry('a', [1, 10]), entry('h_1', [4, 6]), entry('b', [6, 8])];
    expect(owners(entries, 1, 10)).toEqual([['a', 3], ['h_1', 2], ['b', 3], ['a', 2]]);
  });

  test('a range inside a later, longer one; one entry overlapping itself', () => {
    expect(owners([entry('a', [5, 6]), entry('b', [1, 10])], 1, 10)).toEqual([['b', 10]]);
    expect(owners([entry('a', [1, 5, 3, 8])], 1, 10)).toEqual([['a', 8]]);
  });

  test('huge ranges cost nothing per line', () => {
    expect(owners([entry('a', [1, 2 ** 31 - 1])], 1_000_000_000, 5)).toEqual([['a', 5]]);
  });

  test('agrees with the naive per-line reading on random notes', () => {
    let seed = 7;
    const random = (limit: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % limit;
    };
    for (let round = 0; round < 300; round += 1) {
      const entries = Array.from({ length: 1 + random(5) }, (_, index) => {
        const ranges: number[] = [];
        for (let pair = random(4); pair >= 0; pair -= 1) {
          const start = 1 + random(40);
          ranges.push(start, start + random(12));
        }
        return entry(index % 3 === 2 ? `h_${index}` : `k${index}`, ranges);
      });
      const start = 1 + random(45);
      const count = 1 + random(20);
      const expected = new Map<string, number>();
      for (let line = start; line < start + count; line += 1) {
        const key = naive(entries, line);
        if (key) expected.set(key, (expected.get(key) ?? 0) + 1);
      }
      const actual = new Map<string, number>();
      for (const [key, lines] of owners(entries, start, count)) actual.set(key, (actual.get(key) ?? 0) + lines);
      expect(actual).toEqual(expected);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { matchLines } from '../../../src/core/lines/match-lines.js';

function lcsLength(a: string[], b: string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j]!;
      row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(row[j]!, row[j - 1]!);
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The match is a common subsequence: equal lines, both positions increasing. */
function check(a: string[], b: string[], match: Int32Array): number {
  let last = -1;
  let count = 0;
  match.forEach((at, index) => {
    if (at === -1) return;
    expect(a[at]).toBe(b[index]);
    expect(at).toBeGreaterThan(last);
    last = at;
    count += 1;
  });
  return count;
}

function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
}

describe('matchLines', () => {
  it('matches unchanged lines around an edit', () => {
    expect([...matchLines(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd', 'e'])]).toEqual([0, -1, 2, 3, -1]);
    expect([...matchLines([], ['a'])]).toEqual([-1]);
    expect([...matchLines(['a'], [])]).toEqual([]);
  });

  it('finds a longest common subsequence (random edits, checked against dynamic programming)', () => {
    const next = random(7);
    for (let round = 0; round < 300; round += 1) {
      const alphabet = 2 + Math.floor(next() * 6);
      const a = Array.from({ length: Math.floor(next() * 40) }, () => String(Math.floor(next() * alphabet)));
      const b = a.flatMap((line) => (next() < 0.2 ? [] : next() < 0.2 ? [line, String(Math.floor(next() * alphabet))] : [next() < 0.1 ? 'x' : line]));
      const match = matchLines(a, b);
      expect(check(a, b, match)).toBe(lcsLength(a, b));
    }
  });

  it('stays correct (a common subsequence) on a large edit', () => {
    const a = Array.from({ length: 3000 }, (_, index) => `line ${index}`);
    const b = a.map((line, index) => (index % 2 === 0 ? `changed ${index}` : line));
    const match = matchLines(a, b);
    expect(check(a, b, match)).toBe(1500);
  });

  it('calls added the lines git blame gives the commit when the same text could be added in two places (xdiff\'s slide and indent heuristic)', () => {
    const added = (a: string[], b: string[]) => [...matchLines(a, b)].flatMap((at, index) => (at === -1 ? [index] : []));
    // An import edited and a function added between two others: git adds `function three` to the blank line after it, not the `}` and blank line before.
    const base = ['import a', '', 'function one() {', '  return 1;', '}', '', 'function two() {', '  return 2;', '}'];
    expect(added(base, ['import a, b', '', 'function one() {', '  return 1;', '}', '', 'function three() {', '  return 3;', '}', '', 'function two() {', '  return 2;', '}'])).toEqual([0, 6, 7, 8, 9]);
    // A second `}` after a first, with an edit above: git adds the lower one.
    expect(added(['x', 'y', '}', '', 'z'], ['x', 'w', 'y', '}', '}', '', 'z'])).toEqual([1, 4]);
    // A deletion and an addition that can each go in two places: the addition lines up with the deletion, as in git.
    expect(added(['a', 'b', 'a', 'c'], ['a', 'c', 'a', 'c'])).toEqual([1]);
    // A method added between two: the blank line before it stays the old one.
    expect(added(['x', '  a() {', '    p();', '  }', '', '  c() {', '  }'], ['x', '  a() {', '    p();', '  }', '', '  b() {', '  }', '', '  c() {', '  }'])).toEqual([5, 6, 7]);
  });
});

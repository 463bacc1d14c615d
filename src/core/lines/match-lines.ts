/**
 * Which line of `before` each line of `after` is, unchanged (-1: a line added or changed): the
 * equal lines of a shortest edit script (Myers' O(ND) diff, as git's default), after the common
 * head and tail are taken off. Linear-ish on what edits look like; bounded on what they do not:
 * past `maxEdits` differences a region is aligned on the lines that occur once on each side
 * (patience), and what still differs too much is left unmatched (its lines count as changed —
 * never as the same line).
 */
export function matchLines(before: readonly string[], after: readonly string[], maxEdits = 2000): Int32Array {
  const ids = new Map<string, number>();
  const id = (line: string) => {
    let value = ids.get(line);
    if (value === undefined) ids.set(line, (value = ids.size));
    return value;
  };
  const a = Int32Array.from(before, id);
  const b = Int32Array.from(after, id);
  const match = new Int32Array(b.length).fill(-1);
  align(a, 0, a.length, b, 0, b.length, match, maxEdits, 0);
  return match;
}

function align(a: Int32Array, aStart: number, aEnd: number, b: Int32Array, bStart: number, bEnd: number, match: Int32Array, maxEdits: number, depth: number): void {
  while (aStart < aEnd && bStart < bEnd && a[aStart] === b[bStart]) match[bStart++] = aStart++;
  while (aStart < aEnd && bStart < bEnd && a[aEnd - 1] === b[bEnd - 1]) match[--bEnd] = --aEnd;
  if (aStart === aEnd || bStart === bEnd) return;
  if (myers(a, aStart, aEnd, b, bStart, bEnd, match, maxEdits)) return;
  if (depth > 32) return;
  const anchors = uniqueAnchors(a, aStart, aEnd, b, bStart, bEnd);
  if (anchors.length === 0) return;
  let fromA = aStart;
  let fromB = bStart;
  for (const [atA, atB] of anchors) {
    align(a, fromA, atA, b, fromB, atB, match, maxEdits, depth + 1);
    match[atB] = atA;
    fromA = atA + 1;
    fromB = atB + 1;
  }
  align(a, fromA, aEnd, b, fromB, bEnd, match, maxEdits, depth + 1);
}

/** Myers' greedy forward search keeping each round's frontier; false when more than `maxEdits` edits are needed. */
function myers(a: Int32Array, aStart: number, aEnd: number, b: Int32Array, bStart: number, bEnd: number, match: Int32Array, maxEdits: number): boolean {
  const n = aEnd - aStart;
  const m = bEnd - bStart;
  const limit = Math.min(n + m, maxEdits);
  const offset = limit + 1;
  let v = new Int32Array(2 * limit + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= limit; d += 1) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    const next = v;
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[aStart + x] === b[bStart + y]) {
        x += 1;
        y += 1;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        backtrack(trace, d, n, m, a, aStart, b, bStart, match);
        return true;
      }
    }
    v = next;
  }
  return false;
}

/** Walk the frontiers back from (n, m), marking the diagonal runs (equal lines). `trace[d]` holds k in [-d-1, d+1]. */
function backtrack(trace: Int32Array[], last: number, n: number, m: number, a: Int32Array, aStart: number, b: Int32Array, bStart: number, match: Int32Array): void {
  let x = n;
  let y = m;
  for (let d = last; d > 0; d -= 1) {
    const frontier = trace[d]!;
    const at = (k: number) => frontier[k + d + 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const previousK = down ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    const startX = down ? previousX : previousX + 1;
    const startY = startX - k;
    while (x > startX && y > startY) {
      x -= 1;
      y -= 1;
      match[bStart + y] = aStart + x;
    }
    x = previousX;
    y = previousY;
  }
  while (x > 0 && y > 0) {
    x -= 1;
    y -= 1;
    match[bStart + y] = aStart + x;
  }
}

/** Lines that occur exactly once in each region, as (a, b) pairs in a longest increasing run of both positions (patience). */
function uniqueAnchors(a: Int32Array, aStart: number, aEnd: number, b: Int32Array, bStart: number, bEnd: number): Array<[number, number]> {
  const inA = new Map<number, number>();
  for (let at = aStart; at < aEnd; at += 1) inA.set(a[at]!, inA.has(a[at]!) ? -1 : at);
  const inB = new Map<number, number>();
  for (let at = bStart; at < bEnd; at += 1) inB.set(b[at]!, inB.has(b[at]!) ? -1 : at);
  const pairs: Array<[number, number]> = [];
  for (let at = bStart; at < bEnd; at += 1) {
    const atA = inA.get(b[at]!);
    if (atA !== undefined && atA !== -1 && inB.get(b[at]!) === at) pairs.push([atA, at]);
  }
  // Longest increasing subsequence of the a positions (pairs are in b order): O(p log p).
  const tails: number[] = [];
  const previous = new Int32Array(pairs.length).fill(-1);
  for (let index = 0; index < pairs.length; index += 1) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (pairs[tails[middle]!]![0] < pairs[index]![0]) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[index] = tails[low - 1]!;
    tails[low] = index;
  }
  const chain: Array<[number, number]> = [];
  for (let index = tails.length > 0 ? tails[tails.length - 1]! : -1; index !== -1; index = previous[index]!) chain.push(pairs[index]!);
  return chain.reverse();
}

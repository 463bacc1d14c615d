import type { AttestationEntry } from './types.js';

/**
 * One file's attestations as sorted, disjoint intervals `[start, end]` → the entry that owns
 * those lines. Where entries overlap, the later entry wins (git-ai reads entries in reverse
 * order and takes the first that covers a line), except that an entry whose record the note
 * lacks yields to any earlier entry that has one (git-ai's reader skips such an entry).
 */
export interface LineIndex {
  starts: number[];
  ends: number[];
  owners: AttestationEntry[];
}

interface Claim {
  start: number;
  end: number;
  /** Position of the entry in the file, entries with a record above all others: higher wins. */
  rank: number;
  /** Index of the entry in the file. */
  which: number;
}

/** Max-heap of claims by rank, with lazy removal of claims that ended. */
function push(heap: Claim[], claim: Claim): void {
  heap.push(claim);
  for (let at = heap.length - 1; at > 0; ) {
    const parent = (at - 1) >> 1;
    if (heap[parent]!.rank >= heap[at]!.rank) break;
    [heap[parent], heap[at]] = [heap[at]!, heap[parent]!];
    at = parent;
  }
}

function pop(heap: Claim[]): void {
  const last = heap.pop()!;
  if (heap.length === 0) return;
  heap[0] = last;
  for (let at = 0; ; ) {
    const left = 2 * at + 1;
    const right = left + 1;
    let top = at;
    if (left < heap.length && heap[left]!.rank > heap[top]!.rank) top = left;
    if (right < heap.length && heap[right]!.rank > heap[top]!.rank) top = right;
    if (top === at) return;
    [heap[top], heap[at]] = [heap[at]!, heap[top]!];
    at = top;
  }
}

/**
 * Build the index of one file's entries: O(n log n) in the number of ranges. `held(entry)`: the
 * note holds the record the entry's key names (default: every entry); an entry without one (a
 * person's `h_` key whose record a cherry-pick left behind, a session no note describes) owns
 * only the lines no entry with a record claims, as git-ai's blame reads it.
 */
export function buildLineIndex(entries: readonly AttestationEntry[], held: (entry: AttestationEntry) => boolean = () => true): LineIndex {
  const claims: Claim[] = [];
  entries.forEach((entry, which) => {
    const rank = held(entry) ? entries.length + which : which;
    for (let at = 0; at < entry.ranges.length; at += 2) claims.push({ start: entry.ranges[at]!, end: entry.ranges[at + 1]!, rank, which });
  });
  claims.sort((a, b) => a.start - b.start || b.rank - a.rank);
  const index: LineIndex = { starts: [], ends: [], owners: [] };
  const emit = (start: number, end: number, which: number) => {
    const last = index.starts.length - 1;
    if (last >= 0 && index.owners[last] === entries[which] && index.ends[last] === start - 1) index.ends[last] = end;
    else {
      index.starts.push(start);
      index.ends.push(end);
      index.owners.push(entries[which]!);
    }
  };
  const heap: Claim[] = [];
  let next = 0;
  let position = 0;
  while (next < claims.length || heap.length > 0) {
    if (heap.length === 0) position = Math.max(position, claims[next]!.start);
    while (next < claims.length && claims[next]!.start <= position) push(heap, claims[next++]!);
    while (heap.length > 0 && heap[0]!.end < position) pop(heap);
    if (heap.length === 0) continue;
    const top = heap[0]!;
    const until = Math.min(top.end, next < claims.length ? claims[next]!.start - 1 : top.end);
    emit(position, until, top.which);
    position = until + 1;
  }
  return index;
}

/** Call `add(entry, lines)` for each entry owning lines of `[start, start + count)`. */
export function eachOwner(index: LineIndex, start: number, count: number, add: (entry: AttestationEntry, lines: number) => void): void {
  const last = start + count - 1;
  let low = 0;
  let high = index.ends.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (index.ends[middle]! < start) low = middle + 1;
    else high = middle;
  }
  for (let at = low; at < index.starts.length && index.starts[at]! <= last; at += 1) {
    add(index.owners[at]!, Math.min(index.ends[at]!, last) - Math.max(index.starts[at]!, start) + 1);
  }
}

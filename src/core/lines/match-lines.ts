/**
 * Which line of `before` each line of `after` is, unchanged (-1: a line added or changed): the
 * equal lines of a shortest edit script (Myers' O(ND) diff, as git's default), after the common
 * head and tail are taken off, then each run of added or deleted lines slid where git puts it
 * (`compact`: xdiff's `xdl_change_compact` with the indent heuristic git blame uses by default),
 * so that the lines called added are the very lines `git blame` gives the commit when the same
 * text could be added in two places (a function added after another: `}` and blank lines).
 * Linear-ish on what edits look like; bounded on what they do not: past `maxEdits` differences a
 * region is aligned on the lines that occur once on each side (patience), and what still differs
 * too much is left unmatched (its lines count as changed — never as the same line).
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
  return compactMatch(a, before, b, after, match);
}

/**
 * One side of a diff as xdiff sees it while compacting: line ids, texts (for the indent
 * heuristic) and `changed`, offset by one so that index -1 and `n` are unchanged sentinels.
 */
interface Side {
  ids: Int32Array;
  lines: readonly string[];
  changed: Uint8Array;
  n: number;
}

/** A run of changed lines `[start, end)` of one side (empty: start === end). */
interface Group {
  start: number;
  end: number;
}

const isChanged = (side: Side, at: number): boolean => side.changed[at + 1] === 1;
const mark = (side: Side, at: number, value: 0 | 1): void => {
  side.changed[at + 1] = value;
};

/** `match` as git would report it: the changed lines of each side slid as xdiff slides them (deletions first, then additions). */
function compactMatch(a: Int32Array, before: readonly string[], b: Int32Array, after: readonly string[], match: Int32Array): Int32Array {
  const sideA: Side = { ids: a, lines: before, changed: new Uint8Array(a.length + 2).fill(1, 1, a.length + 1), n: a.length };
  const sideB: Side = { ids: b, lines: after, changed: new Uint8Array(b.length + 2), n: b.length };
  match.forEach((at, index) => {
    if (at === -1) mark(sideB, index, 1);
    else mark(sideA, at, 0);
  });
  if (!compact(sideA, sideB) || !compact(sideB, sideA)) return match;
  const out = new Int32Array(b.length).fill(-1);
  let i = 0;
  for (let j = 0; j < b.length; j += 1) {
    if (isChanged(sideB, j)) continue;
    while (i < a.length && isChanged(sideA, i)) i += 1;
    // Both sides keep as many unchanged lines as before: never past the end (checked all the same).
    if (i >= a.length || a[i] !== b[j]) return match;
    out[j] = i;
    i += 1;
  }
  return out;
}

function groupInit(side: Side): Group {
  const group = { start: 0, end: 0 };
  while (isChanged(side, group.end)) group.end += 1;
  return group;
}

/** Move to the next group; false at the end of the side. */
function groupNext(side: Side, group: Group): boolean {
  if (group.end === side.n) return false;
  group.start = group.end + 1;
  for (group.end = group.start; isChanged(side, group.end); group.end += 1);
  return true;
}

/** Move to the previous group; false at the start of the side. */
function groupPrevious(side: Side, group: Group): boolean {
  if (group.start === 0) return false;
  group.end = group.start - 1;
  for (group.start = group.end; isChanged(side, group.start - 1); group.start -= 1);
  return true;
}

/** Slide the group one line down when the line after it equals its first (merging a group it meets); false when it cannot. */
function slideDown(side: Side, group: Group): boolean {
  if (group.end >= side.n || side.ids[group.start] !== side.ids[group.end]) return false;
  mark(side, group.start++, 0);
  mark(side, group.end++, 1);
  while (isChanged(side, group.end)) group.end += 1;
  return true;
}

/** Slide the group one line up when the line before it equals its last (merging a group it meets); false when it cannot. */
function slideUp(side: Side, group: Group): boolean {
  if (group.start <= 0 || side.ids[group.start - 1] !== side.ids[group.end - 1]) return false;
  mark(side, --group.start, 1);
  mark(side, --group.end, 0);
  while (isChanged(side, group.start - 1)) group.start -= 1;
  return true;
}

const INDENT_HEURISTIC_MAX_SLIDING = 100;

/**
 * xdiff's `xdl_change_compact` on `side` (`other` kept in step): each group of changed lines is
 * slid up, then down as far as it goes (merging groups it meets); then moved back up to line up
 * with a change of the other side when it can, else to the place the indent heuristic scores
 * best (git's default, and git blame's). False when the two sides fall out of step (never for a
 * valid match): the caller then keeps its own answer.
 */
function compact(side: Side, other: Side): boolean {
  const group = groupInit(side);
  const twin = groupInit(other);
  for (;;) {
    if (group.end !== group.start) {
      let size: number;
      let earliestEnd: number;
      let endMatchingOther: number;
      do {
        size = group.end - group.start;
        endMatchingOther = -1;
        while (slideUp(side, group)) if (!groupPrevious(other, twin)) return false;
        earliestEnd = group.end;
        if (twin.end > twin.start) endMatchingOther = group.end;
        while (slideDown(side, group)) {
          if (!groupNext(other, twin)) return false;
          if (twin.end > twin.start) endMatchingOther = group.end;
        }
      } while (size !== group.end - group.start);
      if (group.end === earliestEnd) {
        // Nowhere else to go.
      } else if (endMatchingOther !== -1) {
        while (twin.end === twin.start) {
          if (!slideUp(side, group) || !groupPrevious(other, twin)) return false;
        }
      } else {
        let shift = Math.max(earliestEnd, group.end - size - 1, group.end - INDENT_HEURISTIC_MAX_SLIDING);
        let bestShift = -1;
        let best: SplitScore = { indent: 0, penalty: 0 };
        for (; shift <= group.end; shift += 1) {
          const score: SplitScore = { indent: 0, penalty: 0 };
          scoreSplit(measureSplit(side, shift), score);
          scoreSplit(measureSplit(side, shift - size), score);
          if (bestShift === -1 || compareScores(score, best) <= 0) {
            best = score;
            bestShift = shift;
          }
        }
        while (group.end > bestShift) {
          if (!slideUp(side, group) || !groupPrevious(other, twin)) return false;
        }
      }
    }
    if (!groupNext(side, group)) break;
    if (!groupNext(other, twin)) return false;
  }
  return !groupNext(other, twin);
}

const MAX_INDENT = 200;
const MAX_BLANKS = 20;

/** A line's indent as xdiff counts it (a tab to the next multiple of 8), -1 for a line of whitespace only. */
function indentOf(line: string): number {
  let indent = 0;
  for (let at = 0; at < line.length; at += 1) {
    const ch = line.charCodeAt(at);
    // XDL_ISSPACE: space, \t, \n, \v, \f, \r.
    if (ch !== 32 && (ch < 9 || ch > 13)) return indent;
    if (ch === 32) indent += 1;
    else if (ch === 9) indent += 8 - (indent % 8);
    if (indent >= MAX_INDENT) return MAX_INDENT;
  }
  return -1;
}

interface SplitMeasure {
  endOfFile: boolean;
  indent: number;
  preBlank: number;
  preIndent: number;
  postBlank: number;
  postIndent: number;
}

interface SplitScore {
  indent: number;
  penalty: number;
}

/** xdiff's `measure_split`: what surrounds a split before line `split`. */
function measureSplit(side: Side, split: number): SplitMeasure {
  const measure: SplitMeasure = { endOfFile: split >= side.n, indent: split >= side.n ? -1 : indentOf(side.lines[split]!), preBlank: 0, preIndent: -1, postBlank: 0, postIndent: -1 };
  for (let at = split - 1; at >= 0; at -= 1) {
    measure.preIndent = indentOf(side.lines[at]!);
    if (measure.preIndent !== -1) break;
    measure.preBlank += 1;
    if (measure.preBlank === MAX_BLANKS) {
      measure.preIndent = 0;
      break;
    }
  }
  for (let at = split + 1; at < side.n; at += 1) {
    measure.postIndent = indentOf(side.lines[at]!);
    if (measure.postIndent !== -1) break;
    measure.postBlank += 1;
    if (measure.postBlank === MAX_BLANKS) {
      measure.postIndent = 0;
      break;
    }
  }
  return measure;
}

/** xdiff's `score_add_split`, with its weights. */
function scoreSplit(measure: SplitMeasure, score: SplitScore): void {
  if (measure.preIndent === -1 && measure.preBlank === 0) score.penalty += 1; // START_OF_FILE_PENALTY
  if (measure.endOfFile) score.penalty += 21; // END_OF_FILE_PENALTY
  const postBlank = measure.indent === -1 ? 1 + measure.postBlank : 0;
  const totalBlank = measure.preBlank + postBlank;
  score.penalty += -30 * totalBlank; // TOTAL_BLANK_WEIGHT
  score.penalty += 6 * postBlank; // POST_BLANK_WEIGHT
  const indent = measure.indent !== -1 ? measure.indent : measure.postIndent;
  const anyBlanks = totalBlank !== 0;
  score.indent += indent;
  if (indent === -1 || measure.preIndent === -1) return;
  if (indent > measure.preIndent) score.penalty += anyBlanks ? 10 : -4; // RELATIVE_INDENT(_WITH_BLANK)_PENALTY
  else if (indent === measure.preIndent) return;
  else if (measure.postIndent !== -1 && measure.postIndent > indent) score.penalty += anyBlanks ? 17 : 24; // RELATIVE_OUTDENT(_WITH_BLANK)_PENALTY
  else score.penalty += anyBlanks ? 17 : 23; // RELATIVE_DEDENT(_WITH_BLANK)_PENALTY
}

/** xdiff's `score_cmp` (INDENT_WEIGHT 60): below zero when `first` is the better split. */
function compareScores(first: SplitScore, second: SplitScore): number {
  const indents = Number(first.indent > second.indent) - Number(first.indent < second.indent);
  return 60 * indents + (first.penalty - second.penalty);
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

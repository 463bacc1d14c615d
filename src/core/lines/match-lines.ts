import { xdiffChanges } from './xdiff.js';

/**
 * Which line of `before` each line of `after` is, unchanged (-1: a line added or changed), as
 * `git blame` reads a commit against its parent: the changed lines git's xdiff finds (Myers, with
 * its pruning and cost limits: `xdiff.ts`), then each run of added or deleted lines slid where git
 * puts it (`compact`: xdiff's `xdl_change_compact` with the indent heuristic git blame uses by
 * default). Where the same text could be added in two places (a function added after another: `}`
 * and blank lines), the lines called added are the very lines git blame gives the commit, so a
 * note's line numbers name them. Bounded as git is on what edits do not look like.
 */
export function matchLines(before: readonly string[], after: readonly string[]): Int32Array {
  const ids = new Map<string, number>();
  const id = (line: string) => {
    let value = ids.get(line);
    if (value === undefined) ids.set(line, (value = ids.size));
    return value;
  };
  const a = Int32Array.from(before, id);
  const b = Int32Array.from(after, id);
  const { changedA, changedB, countA, countB } = xdiffChanges(a, b, before, after);
  const sideA: Side = { ids: a.subarray(0, countA), lines: before, changed: new Uint8Array(countA + 2), n: countA };
  const sideB: Side = { ids: b.subarray(0, countB), lines: after, changed: new Uint8Array(countB + 2), n: countB };
  sideA.changed.set(changedA.subarray(0, countA), 1);
  sideB.changed.set(changedB.subarray(0, countB), 1);
  // Out of step (never for a diff xdiff made): the changes as found, unslid.
  if (!compact(sideA, sideB) || !compact(sideB, sideA)) {
    sideA.changed.set(changedA.subarray(0, countA), 1);
    sideB.changed.set(changedB.subarray(0, countB), 1);
  }
  const match = new Int32Array(b.length).fill(-1);
  let i = 0;
  for (let j = 0; j < countB; j += 1) {
    if (isChanged(sideB, j)) continue;
    while (i < countA && isChanged(sideA, i)) i += 1;
    match[j] = i;
    i += 1;
  }
  // The common tail xdiff left out of the diff.
  for (let j = countB; j < b.length; j += 1) match[j] = countA + (j - countB);
  return match;
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

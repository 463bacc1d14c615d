/** Largest line number read (git-ai writes u32; blame never reaches this). */
export const MAX_LINE = 2 ** 31 - 1;

/** Largest number git-ai reads in a range (its `u32`); past it git-ai refuses the note too. */
const MAX_NUMBER = 2 ** 32 - 1;

const PART = /^(\d{1,10})(?:-(\d{1,10}))?$/;

/**
 * A line range specification (`1,3-7,12`) as flat inclusive pairs `[1, 1, 3, 7, 12, 12]`, or
 * null when it is not one. Read as git-ai reads it: each number a u32, so signs, spaces and
 * numbers past 4294967295 are refused; empty parts (`1,,2`, a trailing comma) are skipped. A
 * part that names no line (`0`, a reversed `9-3`, a start past MAX_LINE: old git-ai's line
 * shifting wrote them) matches nothing, as in git-ai's blame, and is left out, so the entry
 * keeps its other ranges (none at all: it claims no line); a range is cut to lines
 * 1..MAX_LINE. Order is kept as written (the spec asks writers to sort; readers need not rely on it).
 */
export function parseLineRanges(text: string): number[] | null {
  const ranges: number[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf(',', start);
    if (end === -1) end = text.length;
    if (end > start) {
      const match = PART.exec(text.slice(start, end));
      if (!match) return null;
      const first = Number(match[1]);
      const last = match[2] === undefined ? first : Number(match[2]);
      if (first > MAX_NUMBER || last > MAX_NUMBER) return null;
      const from = Math.max(first, 1);
      const to = Math.min(last, MAX_LINE);
      if (from <= to) ranges.push(from, to);
    }
    start = end + 1;
  }
  return ranges;
}

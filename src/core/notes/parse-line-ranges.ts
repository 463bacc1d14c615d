/** Largest line number read (git-ai writes u32; blame never reaches this). */
export const MAX_LINE = 2 ** 31 - 1;

/** Largest number git-ai reads in a range (its `u32`); past it git-ai refuses the note too. */
const MAX_NUMBER = 2 ** 32 - 1;

/**
 * The number in `text[from, to)` as Rust's `str::parse::<u32>()` reads it (git-ai's parser): one
 * optional `+`, then ASCII digits only, any number of leading zeros (they never overflow); null
 * for anything else (empty, a lone `+`, a `-` sign, a space) or a value past 4294967295. One
 * scan, no backtracking: a part of millions of zeros costs its length.
 */
function u32At(text: string, from: number, to: number): number | null {
  let at = text.charCodeAt(from) === 43 /* + */ ? from + 1 : from;
  if (at >= to) return null;
  while (at < to - 1 && text.charCodeAt(at) === 48 /* 0 */) at += 1;
  if (to - at > 10) return null;
  let value = 0;
  for (; at < to; at += 1) {
    const digit = text.charCodeAt(at) - 48;
    if (digit < 0 || digit > 9) return null;
    value = value * 10 + digit;
  }
  return value > MAX_NUMBER ? null : value;
}

/**
 * A line range specification (`1,3-7,12`) as flat inclusive pairs `[1, 1, 3, 7, 12, 12]`, or
 * null when it is not one. Read as git-ai reads it: each number a u32 as Rust parses one, so a
 * leading `+` and leading zeros (`+3`, `007`, `+0005-+9`) read as the number, while a `-` sign,
 * a lone `+`, spaces, a side left empty (`5-`, `-`) and numbers past 4294967295 are refused (git-ai
 * refuses the whole note then); empty parts (`1,,2`, a trailing comma) are skipped. A
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
      let dash = start;
      while (dash < end && text.charCodeAt(dash) !== 45 /* - */) dash += 1;
      const first = u32At(text, start, dash);
      const last = dash === end ? first : u32At(text, dash + 1, end);
      if (first === null || last === null) return null;
      const from = Math.max(first, 1);
      const to = Math.min(last, MAX_LINE);
      if (from <= to) ranges.push(from, to);
    }
    start = end + 1;
  }
  return ranges;
}

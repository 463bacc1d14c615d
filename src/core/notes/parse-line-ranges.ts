/** Largest line number read (git-ai writes u32; blame never reaches this). */
export const MAX_LINE = 2 ** 31 - 1;

const PART = /^(\d{1,10})(?:-(\d{1,10}))?$/;

/**
 * A line range specification (`1,3-7,12`) as flat inclusive pairs `[1, 1, 3, 7, 12, 12]`, or
 * null when it is not one. Line numbers are 1-based; `b-a` with `b > a`, `0`, signs and spaces
 * are refused; empty parts (`1,,2`, a trailing comma) are skipped as git-ai skips them. Order
 * is kept as written (the spec asks writers to sort; readers need not rely on it).
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
      if (first < 1 || last < first || last > MAX_LINE) return null;
      ranges.push(first, last);
    }
    start = end + 1;
  }
  return ranges.length > 0 ? ranges : null;
}

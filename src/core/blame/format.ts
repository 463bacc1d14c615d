import { sanitize } from '../sanitize.js';

/** The characters of a name shown. */
const NAME_MAX = 4096;

/**
 * A hostile name made safe for a terminal, table, Markdown or the HTML page: controls become visible
 * escapes (`\x1b`, `\u{202e}`, `\n`), and a `\` of the name that would begin one of them (followed by
 * `x`, `u`, `n`, `r` or `t`) is written `\x5c`, so a file named with the text `a\x1b.ts` is shown
 * `a\x5cx1b.ts`, never as the file whose name holds ESC (`a\x1b.ts`); any other `\` is shown as it
 * is (`src\b.ts`). Cut at 4,096 characters first, so no `\x5c` is cut in two. CSV writes every `\` so (csvCell).
 */
export function displayName(text: string): string {
  return displayText(text, NAME_MAX);
}

/** displayName's form, cut at `max` characters (`log`'s subject at 100, an author's name at 200). */
export function displayText(text: string, max: number): string {
  const cut = text.length > max ? `${text.slice(0, max).replace(/[\ud800-\udbff]$/, '')}…` : text;
  return sanitize(cut.replace(/\\(?=[xuntr])/g, '\\x5c'), { max: Infinity });
}

/**
 * `37.5%`. A share that would round to `0.0%` with a line in it is `<0.1%`, and one that would
 * round to `100.0%` with a line outside it `>99.9%`: a published number never says no AI line
 * (or no human line) where there is one. The page's own `pct` (report-html/browser/format.ts) says the same.
 */
export function percent(part: number, whole: number): string {
  if (whole === 0) return '0.0%';
  const share = (part / whole) * 100;
  if (part > 0 && share < 0.05) return '<0.1%';
  if (part < whole && share >= 99.95) return '>99.9%';
  return `${share.toFixed(1)}%`;
}

/** `anthropic/claude-opus-4.6 120, qwen/qwen3-coder 4` — most lines first. */
export function countsSummary(counts: Record<string, number>, limit = 3): string {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const shown = entries.slice(0, limit).map(([name, count]) => `${displayName(name)} ${count}`);
  if (entries.length > limit) shown.push(`+${entries.length - limit} more`);
  return shown.join(', ');
}

/** Sorted entries of a count map, most lines first. */
export function sortedCounts(counts: Record<string, number>): [string, number][] {
  return Object.entries(counts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/** `1 file`, `2 files`: a count with its noun. */
export const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

import { sanitize } from '../sanitize.js';

/** A hostile name made safe for a terminal, CSV cell or Markdown: controls become visible escapes. */
export function displayName(text: string): string {
  return sanitize(text, { max: 4096 });
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

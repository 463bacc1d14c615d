import { sanitize } from '../sanitize.js';

/** A hostile name made safe for a terminal, CSV cell or Markdown: controls become visible escapes. */
export function displayName(text: string): string {
  return sanitize(text, { max: 4096 });
}

/** `37.5%` */
export function percent(part: number, whole: number): string {
  return `${whole === 0 ? '0.0' : ((part / whole) * 100).toFixed(1)}%`;
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

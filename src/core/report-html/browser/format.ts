/** `37.5%` (`0.0%` of nothing), as the text reports write it. */
export function pct(part: number, whole: number): string {
  return `${whole === 0 ? '0.0' : ((part / whole) * 100).toFixed(1)}%`;
}

const GROUPED = new Intl.NumberFormat('en-US');

/** `12,345` (one formatter for the page: toLocaleString builds one per call). */
export function num(value: number): string {
  return GROUPED.format(value);
}

/** `text…` cut to `max` characters. */
export function clip(text: string, max: number): string {
  if (max < 2) return '';
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** `37.5%` (`0.0%` of nothing; `<0.1%` and `>99.9%` where rounding would hide a line), as the text reports write it. */
export function pct(part: number, whole: number): string {
  if (whole === 0) return '0.0%';
  const share = (part / whole) * 100;
  if (part > 0 && share < 0.05) return '<0.1%';
  if (part < whole && share >= 99.95) return '>99.9%';
  return `${share.toFixed(1)}%`;
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

/** `1 line`, `12,345 lines`: a count with its noun, as the text reports write it (`plural` in core/blame/format). */
export function counted(value: number, one: string, many: string): string {
  return `${num(value)} ${value === 1 ? one : many}`;
}

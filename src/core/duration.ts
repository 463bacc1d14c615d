const UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Longest accepted duration: a session is meant for a stretch of work, not forever (use no `--for`). */
export const MAX_DURATION_MS = 366 * UNITS.d!;

/**
 * Milliseconds in a duration such as `30m`, `2h`, `1d`, `1h30m`, `90s`, `1w`; `null` when the text is
 * not one (no unit, zero, negative, or longer than a year).
 */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim().toLowerCase();
  if (!/^(\d{1,6}[smhdw])+$/.test(trimmed)) return null;
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(/(\d+)([smhdw])/g)) total += Number(amount) * UNITS[unit!]!;
  return total > 0 && total <= MAX_DURATION_MS ? total : null;
}

/** `7h 59m`, `2d 3h`, `45m`, `less than a minute`: how long is left, for people. */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(ms / UNITS.m!);
  if (minutes < 1) return 'less than a minute';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days}d ${hours}h` : `${days}d`;
  if (hours > 0) return rest > 0 ? `${hours}h ${rest}m` : `${hours}h`;
  return `${rest}m`;
}

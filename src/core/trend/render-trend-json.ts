import { safeJson } from '../sanitize.js';
import type { TrendReport } from './types.js';

/** DESIGN.md `trend` JSON; each release's `since`, `rev` and `totals` are exactly blame's. */
export function renderTrendJson(report: TrendReport): string {
  return `${safeJson({ releases: report.releases.map(({ since, rev, sinceName, revName, totals }) => ({ since, rev, sinceName, revName, totals })) }, 2)}\n`;
}

import { safeJson } from '../sanitize.js';
import type { TrendReport } from './types.js';

/** The `trend --format json` object (DESIGN.md); each release's `since`, `rev` and `totals` are exactly blame's. Pure. */
export function trendJson(report: TrendReport): TrendReport {
  return { releases: report.releases.map(({ since, rev, sinceName, revName, totals }) => ({ since, rev, sinceName, revName, totals })) };
}

/** DESIGN.md `trend` JSON text. */
export function renderTrendJson(report: TrendReport): string {
  return `${safeJson(trendJson(report), 2)}\n`;
}

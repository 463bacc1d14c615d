import { safeJson } from '../sanitize.js';
import type { TrendReport } from './types.js';

/** The `trend --format json` object (DESIGN.md); each release's `since`, `rev`, `totals` and `excluded` are exactly blame's. Pure. */
export function trendJson(report: TrendReport): TrendReport {
  return {
    releases: report.releases.map(({ since, rev, sinceName, revName, totals, excluded }) => ({ since, rev, sinceName, revName, totals, ...(excluded ? { excluded } : {}) })),
    ...(report.warnings && report.warnings.length > 0 ? { warnings: report.warnings } : {}),
  };
}

/** DESIGN.md `trend` JSON text. */
export function renderTrendJson(report: TrendReport): string {
  return `${safeJson(trendJson(report), 2)}\n`;
}

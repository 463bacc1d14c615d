import { csvCell } from '../blame/render-csv.js';
import { trendModels, type TrendReport } from './types.js';

/** CSV (RFC 4180, CRLF): one row per release, one column per model (lines). */
export function renderTrendCsv(report: TrendReport): string {
  const models = trendModels(report);
  const row = (cells: (string | number)[]) => `${cells.map(csvCell).join(',')}\r\n`;
  return (
    row(['since', 'rev', 'since_sha', 'rev_sha', 'lines', 'ai', 'human', 'ai_share', ...models]) +
    report.releases
      .map(({ since, rev, sinceName, revName, totals }) =>
        row([sinceName, revName, since, rev, totals.lines, totals.ai, totals.human, totals.lines === 0 ? 0 : Number((totals.ai / totals.lines).toFixed(4)), ...models.map((model) => totals.byModel[model] ?? 0)]),
      )
      .join('')
  );
}

import { renderTrendHtml } from '../report-html/render-trend-html.js';
import type { PageMeta } from '../report-html/page-data.js';
import { renderTrendCsv } from './render-trend-csv.js';
import { renderTrendJson } from './render-trend-json.js';
import { renderTrendMarkdown } from './render-trend-markdown.js';
import { renderTrendTable } from './render-trend-table.js';
import type { TrendFormat, TrendReport } from './types.js';

/** The trend in the requested format. Pure. */
export function renderTrend(report: TrendReport, format: TrendFormat, meta: PageMeta): string {
  switch (format) {
    case 'json':
      return renderTrendJson(report);
    case 'csv':
      return renderTrendCsv(report);
    case 'markdown':
      return renderTrendMarkdown(report);
    case 'html':
      return renderTrendHtml(report, meta);
    default:
      return renderTrendTable(report);
  }
}

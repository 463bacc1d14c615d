import { groupRows } from './aggregate.js';
import { renderBlameHtml } from '../report-html/render-blame-html.js';
import type { PageMeta } from '../report-html/page-data.js';
import { renderCsv } from './render-csv.js';
import { renderJson } from './render-json.js';
import { renderMarkdown } from './render-markdown.js';
import { renderTable } from './render-table.js';
import type { BlameFormat, BlameGrouping, BlameReport } from './types.js';

const NO_META: PageMeta = { tool: 'aitrail', generatedAt: null, options: [] };

/** The report in the requested format and `--by` view (the HTML page shows every view at once). Pure. */
export function renderBlame(report: BlameReport, format: BlameFormat, by: BlameGrouping, meta: PageMeta = NO_META): string {
  if (format === 'html') return renderBlameHtml(report, meta);
  const rows = groupRows(report.files, by);
  switch (format) {
    case 'json':
      return renderJson(report, by, rows);
    case 'csv':
      return renderCsv(report, by, rows);
    case 'markdown':
      return renderMarkdown(report, by, rows);
    default:
      return renderTable(report, by, rows);
  }
}

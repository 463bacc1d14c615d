import { groupRows } from './aggregate.js';
import { renderCsv } from './render-csv.js';
import { renderJson } from './render-json.js';
import { renderMarkdown } from './render-markdown.js';
import { renderTable } from './render-table.js';
import type { BlameFormat, BlameGrouping, BlameReport } from './types.js';

/** The report in the requested format and `--by` view. Pure. */
export function renderBlame(report: BlameReport, format: BlameFormat, by: BlameGrouping): string {
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

import { countsSummary, displayName, percent, plural } from '../blame/format.js';
import { warningLines } from '../blame/report-warnings.js';
import { trendNotes, trendSum, type TrendReport } from './types.js';

/** Aligned text: one row per release (lines it introduced, AI share, top models), then the sum. */
export function renderTrendTable(report: TrendReport): string {
  const header = ['AI%', 'AI', 'HUMAN', 'LINES', 'RELEASE', 'MODELS'];
  const rows = report.releases.map(({ sinceName, revName, totals }) => [percent(totals.ai, totals.lines), String(totals.ai), String(totals.human), String(totals.lines), `${displayName(sinceName)}..${displayName(revName)}`, countsSummary(totals.byModel)]);
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => row.map((cell, column) => (column < 4 ? cell.padStart(widths[column]!) : column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ').trimEnd();
  const sum = trendSum(report);
  return `${[line(header), ...rows.map(line), '', `Across ${plural(report.releases.length, 'release', 'releases')}: ${sum.ai} of ${plural(sum.lines, 'line', 'lines')} introduced ${sum.lines === 1 ? 'was' : 'were'} AI-authored (${percent(sum.ai, sum.lines)}), ${sum.human} human.`, ...trendNotes(report, ({ sinceName, revName }) => `${displayName(sinceName)}..${displayName(revName)}`), ...warningLines(report.warnings)].join('\n')}\n`;
}

import { percent, plural } from '../blame/format.js';
import { markdownName, markdownWarnings } from '../blame/render-markdown.js';
import { trendModels, trendNotes, trendSum, type TrendReport } from './types.js';

/** Models with a column of their own; the rest share "Other models". */
const MODEL_COLUMNS = 6;

/** The table projects publish about themselves: per release, lines introduced, AI share, lines per model. */
export function renderTrendMarkdown(report: TrendReport): string {
  const models = trendModels(report);
  const shown = models.slice(0, MODEL_COLUMNS);
  const other = models.length > shown.length;
  const header = ['Release', 'Since', 'Lines', 'AI', 'Human', 'AI %', ...shown.map(markdownName), ...(other ? ['Other models'] : [])];
  const rows = report.releases.map(({ sinceName, revName, totals }) => [
    markdownName(revName),
    markdownName(sinceName),
    String(totals.lines),
    String(totals.ai),
    String(totals.human),
    percent(totals.ai, totals.lines),
    ...shown.map((model) => String(totals.byModel[model] ?? 0)),
    ...(other ? [String(Object.entries(totals.byModel).filter(([model]) => !shown.includes(model)).reduce((sum, [, lines]) => sum + lines, 0))] : []),
  ]);
  const sum = trendSum(report);
  return `${[
    '### AI-authored lines per release',
    '',
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, column) => (column < 2 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
    `Across ${plural(report.releases.length, 'release', 'releases')}: **${percent(sum.ai, sum.lines)}** of ${plural(sum.lines, 'line', 'lines')} introduced ${sum.lines === 1 ? 'was' : 'were'} AI-authored (${sum.ai} AI, ${sum.human} human).`,
    ...trendNotes(report, ({ sinceName, revName }) => `${markdownName(sinceName)}..${markdownName(revName)}`).flatMap((note) => ['', `_${note}_`]),
    ...markdownWarnings(report.warnings),
  ].join('\n')}\n`;
}

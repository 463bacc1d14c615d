import { displayName } from '../blame/format.js';
import { warningLines } from '../blame/report-warnings.js';
import { trendModels, trendNotes, type TrendReport } from '../trend/types.js';
import { countList, pageTotals } from './blame-page-data.js';
import { htmlPage } from './html-page.js';
import type { PageMeta, TrendPageData } from './page-data.js';

/** `aitrail trend --format html`: AI share per release as a line chart, the per-model stack, the table. Pure. */
export function renderTrendHtml(report: TrendReport, meta: PageMeta): string {
  const data: TrendPageData = {
    kind: 'trend',
    ...meta,
    releases: report.releases.map((release) => ({
      since: release.since,
      rev: release.rev,
      sinceName: displayName(release.sinceName),
      revName: displayName(release.revName),
      totals: pageTotals(release.totals),
      models: countList(release.totals.byModel),
      agents: countList(release.totals.byAgent),
    })),
    models: trendModels(report).map(displayName),
    notes: [...trendNotes(report, ({ sinceName, revName }) => `${displayName(sinceName)}..${displayName(revName)}`), ...warningLines(report.warnings)],
  };
  return htmlPage('AI share per release', data);
}

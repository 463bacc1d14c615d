import { append, el } from './dom.js';
import { counted, num, pct } from './format.js';
import { bigShare, metaRow, provenance } from './headline.js';
import { modelStack, shareChart } from './trend-charts.js';
import type { TrendPageData } from '../page-data.js';

/** Releases as a table: lines introduced, AI share, lines per model (the first 8 models, then the rest). */
function releaseTable(data: TrendPageData): HTMLTableElement {
  const table = el('table', 'file-table');
  table.id = 'trend-table';
  const shownModels = data.models.slice(0, 8);
  const rest = data.models.length > shownModels.length;
  const head = el('tr');
  for (const title of ['Release', 'Since', 'Lines', 'AI', 'Human', 'AI %', ...shownModels, ...(rest ? ['Other models'] : [])]) {
    const th = el('th', undefined, title);
    th.setAttribute('scope', 'col');
    head.appendChild(th);
  }
  const body = el('tbody');
  for (const release of data.releases) {
    const tr = el('tr');
    const counts = new Map(release.models);
    const other = release.models.filter(([model]) => !shownModels.includes(model)).reduce((sum, [, lines]) => sum + lines, 0);
    const cells = [num(release.totals.lines), num(release.totals.ai), num(release.totals.human), pct(release.totals.ai, release.totals.lines), ...shownModels.map((model) => num(counts.get(model) ?? 0)), ...(rest ? [num(other)] : [])];
    append(tr, el('td', 'path', release.revName), el('td', 'path', release.sinceName), ...cells.map((cell) => el('td', 'num', cell)));
    body.appendChild(tr);
  }
  const thead = el('thead');
  thead.appendChild(head);
  append(table, thead, body);
  return table;
}

/** The `trend --format html` page: AI share per release as a line, the per-model stack, the table. */
export function trendView(root: HTMLElement, data: TrendPageData): void {
  const section = el('section', 'headline');
  section.id = 'headline';
  const last = data.releases[data.releases.length - 1];
  if (!last) {
    append(root, section);
    append(section, el('p', 'empty', 'No releases to compare.'));
    return;
  }
  const all = data.releases.reduce((sum, release) => ({ lines: sum.lines + release.totals.lines, ai: sum.ai + release.totals.ai, human: sum.human + release.totals.human, lineLevel: sum.lineLevel + release.totals.lineLevel }), { lines: 0, ai: 0, human: 0, lineLevel: 0 });
  append(section, el('h2', undefined, `Latest: ${last.revName}`), bigShare(last.totals, ' it introduced'));
  const list = el('dl', 'meta');
  metaRow(list, 'Releases', `${num(data.releases.length)} (${data.releases[0]!.sinceName} … ${last.revName})`, 'headline-releases');
  metaRow(list, 'All of them', `${pct(all.ai, all.lines)} AI: ${num(all.ai)} of ${counted(all.lines, 'line', 'lines')} introduced`, 'headline-overall');
  metaRow(list, 'Models', `${data.models.length}`, 'headline-models');
  provenance(list, data);
  append(section, list);
  for (const note of data.notes) append(section, el('p', 'note', note));
  const charts = el('section', 'charts');
  append(charts, el('h2', undefined, 'AI share of the lines each release introduced'), shareChart(data), el('h2', undefined, 'Lines introduced, per model'), modelStack(data));
  const table = el('section', 'files');
  append(table, el('h2', undefined, 'Releases'), releaseTable(data));
  append(root, section, charts, table);
}

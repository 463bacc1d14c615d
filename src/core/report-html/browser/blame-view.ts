import { countBars } from './bars.js';
import { append, el } from './dom.js';
import { fileRows } from './file-rows.js';
import { fileTable } from './file-table.js';
import { counted, num } from './format.js';
import { bigShare, metaRow, provenance } from './headline.js';
import { treemapView } from './treemap.js';
import { buildTree } from './tree.js';
import type { BlamePageData } from '../page-data.js';

function headline(data: BlamePageData): HTMLElement {
  const section = el('section', 'headline');
  section.id = 'headline';
  if (data.rev === null) {
    append(section, el('p', 'empty', 'No lines to report: the repository has no commit yet.'));
    return section;
  }
  append(section, bigShare(data.totals));
  const list = el('dl', 'meta');
  metaRow(list, 'Files', num(data.files.length), 'headline-files');
  metaRow(list, 'Models', `${data.models.length}`, 'headline-models');
  metaRow(list, 'Agents', `${data.agents.length}`, 'headline-agents');
  metaRow(list, 'Revision', data.rev, 'headline-rev');
  if (data.since) metaRow(list, 'Since', `${data.since} (only lines introduced after it)`, 'headline-since');
  if (data.totals.lineLevel > 0) metaRow(list, 'Line by line', `${counted(data.totals.lineLevel, 'line', 'lines')} judged from git-ai notes; the rest by their commit's attribution`);
  provenance(list, data);
  append(section, list);
  for (const note of data.notes) append(section, el('p', 'note', note));
  return section;
}

/** The `blame --format html` page: headline, treemap, bars per model and agent, the file table. */
export function blameView(root: HTMLElement, data: BlamePageData): void {
  const tree = buildTree(data);
  const rows = fileRows(data);
  const table = fileTable(rows, data.totals.lineLevel > 0);
  const map = treemapView(data, tree, {
    onZoom: (dir) => {
      map.zoom(dir);
      table.setUnder(dir.path);
    },
    onPick: (target) => ('path' in target ? table.show(target.path) : table.setUnder(target.dir.path)),
  });
  const pickModel = (name: string) => table.show(null, name);
  const bars = el('div', 'bars-pair');
  append(bars, countBars('by-model', 'By model', data.models, data.totals.lines, pickModel), countBars('by-agent', 'By agent', data.agents, data.totals.lines));
  append(root, headline(data));
  if (data.files.length > 0) append(root, map.section, bars, table.section);
  else if (data.rev !== null) append(root, el('p', 'empty', `No lines to report${data.since ? ' (no line is newer than --since)' : ''}.`));
}

import { shareColour } from './colour.js';
import { append, el } from './dom.js';
import { counted, num, pct } from './format.js';
import { filterRows, sortRows, type FileRowView, type RowFilter, type SortKey } from './file-rows.js';

const PAGE = 500;
const COLUMNS: { key: SortKey; title: string; numeric: boolean }[] = [
  { key: 'path', title: 'File', numeric: false },
  { key: 'lines', title: 'Lines', numeric: true },
  { key: 'ai', title: 'AI', numeric: true },
  { key: 'human', title: 'Human', numeric: true },
  { key: 'share', title: 'AI %', numeric: true },
  { key: 'lineLevel', title: 'From notes', numeric: true },
  { key: 'models', title: 'Models', numeric: false },
];

/** A row to clone: cloning one prepared row is much faster than building 8 elements per file. */
function prototypeRow(withNotes: boolean): HTMLTableRowElement {
  const tr = el('tr');
  const share = el('td', 'num share');
  append(share, el('span', 'share-bar'), document.createTextNode(''));
  append(tr, el('td', 'path'), el('td', 'num'), el('td', 'num'), el('td', 'num'), share);
  if (withNotes) append(tr, el('td', 'num'));
  append(tr, el('td', 'models'));
  return tr;
}

function rowOf(proto: HTMLTableRowElement, row: FileRowView, withNotes: boolean): HTMLTableRowElement {
  const tr = proto.cloneNode(true) as HTMLTableRowElement;
  const cells = tr.cells;
  cells[0]!.textContent = row.path;
  cells[1]!.textContent = num(row.lines);
  cells[2]!.textContent = num(row.ai);
  cells[3]!.textContent = num(row.human);
  const bar = cells[4]!.firstChild as HTMLElement;
  bar.style.width = `${row.share * 100}%`;
  bar.style.backgroundColor = shareColour(row.share);
  (cells[4]!.lastChild as Text).data = pct(row.ai, row.lines);
  if (withNotes) cells[5]!.textContent = num(row.lineLevel);
  cells[cells.length - 1]!.textContent = row.models;
  return tr;
}

/** The sortable, filterable table of every file; shows PAGE rows at a time, all of them in print. */
export function fileTable(all: FileRowView[], withNotes: boolean) {
  const filter: RowFilter = { text: '', under: '', exact: null, onlyAi: false };
  let key: SortKey = 'share';
  let descending = true;
  let limit = PAGE;
  let printing = false;
  const section = el('section', 'files');
  section.id = 'files-section';
  const search = el('input', 'filter');
  search.type = 'search';
  search.id = 'file-filter';
  search.placeholder = 'Filter by path or model…';
  search.setAttribute('aria-label', 'Filter files by path or model');
  const onlyAi = el('input');
  onlyAi.type = 'checkbox';
  onlyAi.id = 'only-ai';
  const onlyLabel = el('label', 'only-ai', ' only files with AI lines');
  onlyLabel.prepend(onlyAi);
  const scope = el('p', 'scope');
  const status = el('p', 'status');
  status.id = 'files-status';
  status.setAttribute('aria-live', 'polite');
  const table = el('table', 'file-table');
  table.id = 'file-table';
  const head = el('tr');
  const body = el('tbody');
  const more = el('button', 'more', `Show ${PAGE} more`);
  const everything = el('button', 'more', 'Show all');
  const proto = prototypeRow(withNotes);
  const columns = COLUMNS.filter((column) => withNotes || column.key !== 'lineLevel');
  const headers = columns.map((column) => {
    const th = el('th', column.numeric ? 'num' : undefined);
    th.setAttribute('scope', 'col');
    const button = el('button', 'sort', column.title);
    button.type = 'button';
    button.dataset.key = column.key;
    button.addEventListener('click', () => {
      descending = key === column.key ? !descending : column.numeric;
      key = column.key;
      render();
    });
    th.appendChild(button);
    return th;
  });
  append(head, ...headers);
  append(table, el('thead'), body);
  table.tHead!.appendChild(head);

  function render(): void {
    const rows = sortRows(filterRows(all, filter), key, descending);
    const shown = printing ? rows : rows.slice(0, limit);
    const fragment = document.createDocumentFragment();
    for (const row of shown) fragment.appendChild(rowOf(proto, row, withNotes));
    body.replaceChildren(fragment);
    headers.forEach((th, index) => th.setAttribute('aria-sort', columns[index]!.key === key ? (descending ? 'descending' : 'ascending') : 'none'));
    status.textContent = `Showing ${num(shown.length)} of ${counted(rows.length, 'file', 'files')}${rows.length === all.length ? '' : ` (${num(all.length)} in the report)`}.`;
    more.hidden = everything.hidden = shown.length >= rows.length;
    const parts = [filter.exact !== null ? `the file ${filter.exact}` : '', filter.under !== '' ? `files under ${filter.under}/` : ''].filter(Boolean);
    scope.textContent = parts.length > 0 ? `Showing ${parts.join(', ')} (clear the filter or zoom out to see all).` : '';
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      filter.text = search.value;
      filter.exact = null;
      limit = PAGE;
      render();
    }, 120);
  });
  onlyAi.addEventListener('change', () => {
    filter.onlyAi = onlyAi.checked;
    render();
  });
  more.addEventListener('click', () => ((limit += PAGE), render()));
  everything.addEventListener('click', () => ((limit = Infinity), render()));
  window.addEventListener('beforeprint', () => ((printing = true), render()));
  window.addEventListener('afterprint', () => ((printing = false), render()));
  const controls = el('div', 'controls');
  append(controls, search, onlyLabel);
  append(section, el('h2', undefined, 'Files'), controls, scope, status, table, more, everything);
  render();
  return {
    section,
    /** Only files under `dir` ('' = all); a zoom in the treemap. */
    setUnder(dir: string): void {
      filter.under = dir;
      filter.exact = null;
      limit = PAGE;
      render();
    },
    /** Only this file (a click in the treemap) or, with text, a filter as typed. */
    show(exact: string | null, text = ''): void {
      filter.exact = exact;
      filter.text = search.value = text;
      render();
      section.scrollIntoView({ block: 'start' });
    },
  };
}

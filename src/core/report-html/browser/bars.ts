import { seriesColour } from './colour.js';
import { append, el } from './dom.js';
import { counted, pct } from './format.js';
import type { CountList } from '../page-data.js';

/**
 * Horizontal bars, one per model (or agent): its lines as a share of all `whole` lines. A line
 * of a commit with several models counts under each, as in every aitrail report.
 */
export function countBars(id: string, heading: string, counts: CountList, whole: number, onPick?: (name: string) => void): HTMLElement {
  const section = el('section', 'bars');
  section.id = id;
  append(section, el('h2', undefined, heading));
  if (counts.length === 0) {
    append(section, el('p', 'empty', 'No AI-authored lines.'));
    return section;
  }
  const list = el('ol', 'bar-list');
  const top = counts[0]![1];
  counts.forEach(([name, lines], rank) => {
    const item = el('li', 'bar-row');
    const label = onPick ? el('button', 'bar-name link', name) : el('span', 'bar-name', name);
    if (onPick) {
      label.setAttribute('type', 'button');
      label.title = `Show the files with lines of ${name}`;
      label.addEventListener('click', () => onPick(name));
    }
    const track = el('span', 'bar-track');
    const fill = el('span', 'bar-fill');
    fill.style.width = `${top === 0 ? 0 : (lines / top) * 100}%`;
    fill.style.backgroundColor = seriesColour(rank);
    append(track, fill);
    append(item, label, track, el('span', 'bar-count', `${counted(lines, 'line', 'lines')} · ${pct(lines, whole)}`));
    append(list, item);
  });
  append(section, list);
  return section;
}

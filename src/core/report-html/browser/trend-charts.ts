import { seriesColour } from './colour.js';
import { append, el, svgEl, svgTitle } from './dom.js';
import { clip, counted, num, pct } from './format.js';
import type { TrendPageData } from '../page-data.js';

const WIDTH = 960;
const HEIGHT = 320;
const LEFT = 56;
const RIGHT = 16;
const TOP = 16;
const BOTTOM = 56;

function xOf(index: number, count: number): number {
  const span = WIDTH - LEFT - RIGHT;
  return count <= 1 ? LEFT + span / 2 : LEFT + (span * (index + 0.5)) / count;
}

function axis(svg: SVGSVGElement, data: TrendPageData, ticks: { value: number; text: string }[], yOf: (value: number) => number): void {
  for (const tick of ticks) {
    append(svg, svgEl('line', { x1: LEFT, x2: WIDTH - RIGHT, y1: yOf(tick.value), y2: yOf(tick.value), class: 'grid' }));
    const text = svgEl('text', { x: LEFT - 6, y: yOf(tick.value) + 4, class: 'axis', 'text-anchor': 'end' });
    text.textContent = tick.text;
    svg.appendChild(text);
  }
  data.releases.forEach((release, index) => {
    const text = svgEl('text', { x: xOf(index, data.releases.length), y: HEIGHT - BOTTOM + 18, class: 'axis release', 'text-anchor': 'middle' });
    text.textContent = clip(release.revName, Math.max(4, Math.floor((WIDTH - LEFT - RIGHT) / data.releases.length / 7)));
    append(text, svgTitle(`${release.sinceName}..${release.revName}`));
    svg.appendChild(text);
  });
}

/** AI share of the lines each release introduced, as a line. */
export function shareChart(data: TrendPageData): SVGSVGElement {
  const svg = svgEl('svg', { id: 'trend-share', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': 'AI share of the lines each release introduced' });
  const yOf = (share: number) => TOP + (1 - share) * (HEIGHT - TOP - BOTTOM);
  axis(svg, data, [0, 0.25, 0.5, 0.75, 1].map((value) => ({ value, text: `${value * 100}%` })), yOf);
  const count = data.releases.length;
  const points = data.releases.map((release, index) => [xOf(index, count), yOf(release.totals.lines === 0 ? 0 : release.totals.ai / release.totals.lines)] as const);
  append(svg, svgEl('polyline', { points: points.map(([x, y]) => `${x},${y}`).join(' '), class: 'share-line' }));
  data.releases.forEach((release, index) => {
    const [x, y] = points[index]!;
    const point = svgEl('circle', { cx: x, cy: y, r: 4, class: 'share-point' });
    append(point, svgTitle(`${release.revName}: ${pct(release.totals.ai, release.totals.lines)} AI (${num(release.totals.ai)} of ${counted(release.totals.lines, 'line', 'lines')} introduced)`));
    const value = svgEl('text', { x, y: y - 9, class: 'point-label', 'text-anchor': 'middle' });
    value.textContent = pct(release.totals.ai, release.totals.lines);
    append(svg, point, value);
  });
  return svg;
}

/** Lines each release introduced, stacked per model (then human), in `data.models` order. */
export function modelStack(data: TrendPageData): HTMLElement {
  const box = el('div', 'stack');
  const svg = svgEl('svg', { id: 'trend-models', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': 'Lines introduced per release, per model' });
  const height = (release: TrendPageData['releases'][number]) => release.models.reduce((sum, [, lines]) => sum + lines, 0) + release.totals.human;
  const top = Math.max(1, ...data.releases.map(height));
  const yOf = (lines: number) => TOP + (1 - lines / top) * (HEIGHT - TOP - BOTTOM);
  axis(svg, data, [0, 0.5, 1].map((part) => ({ value: Math.round(top * part), text: num(Math.round(top * part)) })), yOf);
  const rank = new Map(data.models.map((model, index) => [model, index]));
  const barWidth = Math.max(4, Math.min(64, ((WIDTH - LEFT - RIGHT) / Math.max(1, data.releases.length)) * 0.6));
  data.releases.forEach((release, index) => {
    const x = xOf(index, data.releases.length) - barWidth / 2;
    let base = 0;
    const segments: [string, number, string][] = [...release.models.map(([model, lines]) => [model, lines, seriesColour(rank.get(model) ?? 99)] as [string, number, string]), ['human', release.totals.human, '#cbd5e1']];
    for (const [name, lines, colour] of segments) {
      if (lines === 0) continue;
      const rect = svgEl('rect', { x, y: yOf(base + lines), width: barWidth, height: Math.max(0.5, yOf(base) - yOf(base + lines)), fill: colour });
      append(rect, svgTitle(`${release.revName}: ${name} ${counted(lines, 'line', 'lines')} (${pct(lines, release.totals.lines)})`));
      svg.appendChild(rect);
      base += lines;
    }
  });
  const keys = el('ul', 'keys');
  for (const [index, model] of [...data.models, 'human'].entries()) {
    const swatch = el('span', 'swatch');
    swatch.style.backgroundColor = model === 'human' && index === data.models.length ? '#cbd5e1' : seriesColour(index);
    const item = el('li', undefined, model);
    item.prepend(swatch);
    keys.appendChild(item);
  }
  append(box, svg, keys);
  return box;
}

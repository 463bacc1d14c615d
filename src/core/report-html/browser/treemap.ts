import { hierarchy, treemap, treemapSquarify, type HierarchyRectangularNode } from 'd3-hierarchy';
import { SHARE_STOPS, shareColour } from './colour.js';
import { append, el, svgEl, svgTitle } from './dom.js';
import { clip, counted, num, pct } from './format.js';
import { MAX_DEPTH, tilesOf, type Tile } from './tiles.js';
import { dirLabel, filePath, type DirNode } from './tree.js';
import type { BlamePageData } from '../page-data.js';

const WIDTH = 1200;
const HEIGHT = 640;
const HEADER = 18;
/** Smallest tile drawn on its own, in square pixels of the layout. */
const MIN_AREA = 300;
const CHAR = 6.6;

export interface TreemapEvents {
  /** The view moved to `dir` (a click on a directory or a crumb). */
  onZoom(dir: DirNode): void;
  /** A file, or a lump of small files under `dir`, was clicked. */
  onPick(target: { path: string } | { dir: DirNode }): void;
}

function describe(data: BlamePageData, tile: Tile): string {
  const what = tile.kind === 'file' ? filePath(data, tile.file!) : tile.kind === 'small' ? `${tile.name} in ${dirLabel(tile.dir)}` : dirLabel(tile.dir);
  const files = tile.kind === 'file' ? '' : `, ${counted(tile.count, 'file', 'files')}`;
  return `${what}\n${pct(tile.ai, tile.lines)} AI: ${num(tile.ai)} of ${counted(tile.lines, 'line', 'lines')}${files}${tile.kind === 'folded' ? '\n(click to zoom in)' : ''}`;
}

function label(x: number, y: number, text: string, width: number, className: string): SVGTextElement | null {
  const shown = clip(text, Math.floor((width - 6) / CHAR));
  if (shown === '') return null;
  const node = svgEl('text', { x: x + 3, y, class: className });
  node.textContent = shown;
  return node;
}

/** Draw `dir` into `svg`: directories as framed groups with a header, files coloured by AI share. */
function draw(svg: SVGSVGElement, data: BlamePageData, dir: DirNode, events: TreemapEvents): void {
  const root = hierarchy<Tile>(tilesOf(data, dir, (dir.lines * MIN_AREA) / (WIDTH * HEIGHT)), (tile) => tile.children)
    .sum((tile) => (tile.children ? 0 : tile.lines))
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  const laid: HierarchyRectangularNode<Tile> = treemap<Tile>().tile(treemapSquarify).size([WIDTH, HEIGHT]).paddingOuter(2).paddingTop((n) => (n.depth === 0 ? 2 : HEADER)).paddingInner(1).round(true)(root);
  const layer = svgEl('g');
  const shown: Tile[] = [];
  for (const node of laid.descendants()) {
    if (node.depth === 0) continue;
    const tile = node.data;
    const w = node.x1 - node.x0;
    const h = node.y1 - node.y0;
    if (w < 1 || h < 1) continue;
    const group = svgEl('g', { class: `tile tile-${tile.kind}`, 'data-i': shown.push(tile) - 1 });
    const inner = tile.kind === 'dir';
    append(group, svgEl('rect', { x: node.x0, y: node.y0, width: w, height: h, fill: inner ? '#f8fafc' : shareColour(tile.lines === 0 ? 0 : tile.ai / tile.lines) }), svgTitle(describe(data, tile)));
    if (inner || tile.kind === 'folded') {
      group.setAttribute('tabindex', '0');
      group.setAttribute('role', 'button');
      group.setAttribute('aria-label', `Zoom into ${dirLabel(tile.dir)}`);
    }
    if (inner && h >= HEADER) append(group, label(node.x0, node.y0 + 13, `${tile.name} ${pct(tile.ai, tile.lines)} AI`, w, 'dir-label'));
    else if (!inner && w >= 40 && h >= 16) {
      append(group, label(node.x0, node.y0 + 13, tile.name, w, 'tile-label'));
      if (h >= 30) append(group, label(node.x0, node.y0 + 26, pct(tile.ai, tile.lines), w, 'tile-share'));
    }
    layer.appendChild(group);
  }
  svg.replaceChildren(layer);
  const pick = (target: EventTarget | null): void => {
    const group = (target as Element | null)?.closest?.('[data-i]');
    const tile = group ? shown[Number(group.getAttribute('data-i'))] : undefined;
    if (!tile) return;
    if (tile.kind === 'dir' || tile.kind === 'folded') {
      if (tile.dir !== dir) events.onZoom(tile.dir);
    } else if (tile.kind === 'file') events.onPick({ path: filePath(data, tile.file!) });
    else events.onPick({ dir: tile.dir });
  };
  svg.onclick = (event) => pick(event.target);
  svg.onkeydown = (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      pick(event.target);
    }
  };
}

/** The legend: AI share from 0 % to 100 % as the tiles' colours. */
function legend(): HTMLElement {
  const box = el('div', 'legend');
  const svg = svgEl('svg', { width: 220, height: 14, viewBox: '0 0 220 14', 'aria-hidden': 'true' });
  SHARE_STOPS.forEach((stop, index) => append(svg, svgEl('rect', { x: index * 55, y: 0, width: 55, height: 14, fill: stop.colour })));
  append(box, el('span', undefined, 'human 0%'), svg, el('span', undefined, '100% AI'));
  return box;
}

/** The treemap section; returns it and a `zoom(dir)` to move the view. */
export function treemapView(data: BlamePageData, top: DirNode, events: TreemapEvents): { section: HTMLElement; zoom(dir: DirNode): void } {
  const section = el('section', 'treemap');
  section.id = 'treemap-section';
  const crumbs = el('nav', 'crumbs');
  crumbs.setAttribute('aria-label', 'Zoomed directory');
  const svg = svgEl('svg', { id: 'treemap', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'group', 'aria-label': 'Treemap of files sized by lines, coloured by AI share' });
  const zoom = (dir: DirNode): void => {
    const trail: DirNode[] = [];
    for (let at: DirNode | null = dir; at; at = at.parent) trail.unshift(at);
    crumbs.replaceChildren(...trail.map((step, index) => {
      const crumb = el('button', index === trail.length - 1 ? 'crumb current' : 'crumb', step.path === '' ? 'all files' : `${step.name}/`);
      crumb.setAttribute('type', 'button');
      crumb.addEventListener('click', () => events.onZoom(step));
      return crumb;
    }));
    svg.setAttribute('data-zoom', dir.path);
    draw(svg, data, dir, events);
  };
  const help = el('p', 'hint', `Area: lines; colour: AI share. Click a directory to zoom in (${MAX_DEPTH} levels are drawn at a time), a file to find it in the table.`);
  append(section, el('h2', undefined, 'Where the AI-authored lines are'), help, crumbs, svg, legend());
  zoom(top);
  return { section, zoom };
}

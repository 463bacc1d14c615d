import { append, el } from './dom.js';
import { counted, num, pct } from './format.js';
import type { PageMeta, PageTotals } from '../page-data.js';

/** A definition list row: `term` and its value, both as text. */
export function metaRow(list: HTMLElement, term: string, value: string, id?: string): void {
  const dd = el('dd', undefined, value);
  if (id) dd.id = id;
  append(list, el('dt', undefined, term), dd);
}

/** The AI | human split of `lines` as one bar. */
export function splitBar(totals: PageTotals): HTMLElement {
  const bar = el('div', 'split-bar');
  bar.setAttribute('role', 'img');
  bar.setAttribute('aria-label', `${pct(totals.ai, totals.lines)} AI, ${pct(totals.human, totals.lines)} human`);
  const ai = el('span', 'split-ai');
  ai.style.width = totals.lines === 0 ? '0%' : `${(totals.ai / totals.lines) * 100}%`;
  append(bar, ai);
  return bar;
}

/** How and when the page was made, and the command line's options. */
export function provenance(list: HTMLElement, meta: PageMeta): void {
  metaRow(list, 'Options', meta.options.length > 0 ? meta.options.join(' ') : '(none)', 'headline-options');
  metaRow(list, 'Made by', meta.tool + (meta.generatedAt ? ` at ${meta.generatedAt}` : ''));
}

/** The big number: `37.5% AI-authored`, and the sentence under it (`1 of 1 line is`, `2 of 3 lines it introduced are`: `qualifier` after the noun). */
export function bigShare(totals: PageTotals, qualifier = ''): HTMLElement {
  const box = el('div', 'big');
  const share = el('span', 'big-share', pct(totals.ai, totals.lines));
  share.id = 'headline-share';
  const sentence = el('p', 'big-lines', `${num(totals.ai)} of ${counted(totals.lines, 'line', 'lines')}${qualifier} ${totals.lines === 1 ? 'is' : 'are'} AI-authored, ${num(totals.human)} human.`);
  sentence.id = 'headline-lines';
  append(box, share, el('span', 'big-label', ' AI-authored'), sentence, splitBar(totals));
  return box;
}

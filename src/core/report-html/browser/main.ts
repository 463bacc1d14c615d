// The report page's script: reads the JSON block, draws the page. Bundled with d3-hierarchy into
// one inline script by scripts/build-html-runtime.mjs; nothing here loads anything from anywhere.
import { blameView } from './blame-view.js';
import { el } from './dom.js';
import { trendView } from './trend-view.js';
import type { PageData } from '../page-data.js';

const root = document.getElementById('report')!;
try {
  const data = JSON.parse(document.getElementById('aitrail-data')?.textContent ?? 'null') as PageData;
  if (data.kind === 'trend') trendView(root, data);
  else blameView(root, data);
  root.dataset.rendered = 'true';
  // For bench/html.bench.js: milliseconds from navigation start to a drawn page.
  performance.mark('aitrail-rendered');
} catch (error) {
  root.appendChild(el('p', 'error', `This report could not be drawn: ${error instanceof Error ? error.message : String(error)}`));
  throw error;
} finally {
  root.setAttribute('aria-busy', 'false');
}

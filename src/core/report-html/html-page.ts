import { embedJson } from './embed-json.js';
import type { PageData } from './page-data.js';
import { REPORT_SCRIPT, REPORT_SCRIPT_SHA256, REPORT_STYLE, REPORT_STYLE_SHA256 } from './runtime.generated.js';

/**
 * The page's Content-Security-Policy: nothing loads from anywhere (no network, no frames, no
 * forms), and only the page's own style and script run (by hash). A name that slipped through
 * every escape still could not run a script or fetch a thing.
 */
export const REPORT_CSP = [
  "default-src 'none'",
  `script-src 'sha256-${REPORT_SCRIPT_SHA256}'`,
  `style-src 'sha256-${REPORT_STYLE_SHA256}'`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * One self-contained HTML file: inline style, the data as JSON in an inert block, the page's
 * script (d3-hierarchy inlined). The markup holds no text from the repository: the script puts
 * every name on the page with `textContent`.
 */
export function htmlPage(title: 'AI-authored lines' | 'AI share per release', data: PageData): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>aitrail: ${title}</title>`,
    `<style>${REPORT_STYLE}</style>`,
    '</head>',
    '<body>',
    `<main id="report" aria-busy="true"><h1>${title}</h1><noscript><p>This report draws itself with JavaScript. Its numbers are in the JSON block of this file (id aitrail-data); <code>aitrail blame --format json</code> gives the same.</p></noscript></main>`,
    `<script type="application/json" id="aitrail-data">${embedJson(data)}</script>`,
    `<script>${REPORT_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sumReports } from '../../src/core/blame/aggregate.js';
import { renderBlame } from '../../src/core/blame/render.js';
import type { BlameReport, FileReport } from '../../src/core/blame/types.js';
import { embedJson } from '../../src/core/report-html/embed-json.js';
import { REPORT_CSP } from '../../src/core/report-html/html-page.js';
import type { BlamePageData } from '../../src/core/report-html/page-data.js';
import { REPORT_SCRIPT, REPORT_SCRIPT_SHA256, REPORT_STYLE, REPORT_STYLE_SHA256 } from '../../src/core/report-html/runtime.generated.js';

const HOSTILE_PATHS = ['<img src=x onerror=alert(1)>.js', 'q</script><script>alert(3)</script>.js', '<!--x/y.js', 'a\u2028b\u2029c.js', '\u202egnp.js', 'x\x1b[2J&amp;.js'];
const HOSTILE_MODEL = 'evil/</script><img src=x onerror=alert(2)>\x1b]8;;https://evil.example/\x07';

function file(path: string, lines: number, ai: number, model?: string): FileReport {
  const byModel = Object.create(null) as Record<string, number>;
  const byAgent = Object.create(null) as Record<string, number>;
  if (model && ai > 0) {
    byModel[model] = ai;
    byAgent['<b>agent</b>'] = ai;
  }
  return { path, lines, ai, human: lines - ai, byModel, byAgent, lineLevel: 0 };
}

function report(): BlameReport {
  const files = [file('src/a.ts', 10, 4, 'anthropic/claude-opus-4.6'), file('src/deep/b.ts', 6, 0), ...HOSTILE_PATHS.map((path, index) => file(path, 3 + index, 1, HOSTILE_MODEL))];
  return { rev: 'f'.repeat(40), since: 'e'.repeat(40), totals: sumReports(files), files, excluded: { lockfiles: 1, generated: 0 } };
}

const html = renderBlame(report(), 'html', 'file', { tool: 'aitrail test', generatedAt: null, options: ['--since v1 <x>', '--', 'src'] });
const dataText = /<script type="application\/json" id="aitrail-data">([^]*?)<\/script>/.exec(html)![1]!;
const markup = html.replace(dataText, '').replace(REPORT_SCRIPT, '').replace(REPORT_STYLE, '');

describe('blame --format html', () => {
  it('is one self-contained page: no URL is loaded, linked or posted to', () => {
    expect(markup).not.toMatch(/\s(src|href|action|formaction|srcset|poster|data|background)\s*=/i);
    expect(html).not.toMatch(/url\(|@import|<link|<iframe|<object|<embed|<base|<form/i);
    expect(REPORT_SCRIPT).not.toMatch(/fetch\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|import\(|importScripts|\.src\s*=|\.href\s*=|innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
    // The one http(s) string of the page's own code is the SVG namespace name (never fetched).
    expect([...`${markup}${REPORT_SCRIPT}${REPORT_STYLE}`.matchAll(/https?:\/\/[^\s"'`)]*/g)].map((m) => m[0])).toEqual(['http://www.w3.org/2000/svg']);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
    expect(REPORT_CSP).toMatch(/^default-src 'none'; /);
  });

  it('runs only its own script and style: the CSP hashes are theirs', () => {
    const hash = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');
    expect(hash(REPORT_SCRIPT)).toBe(REPORT_SCRIPT_SHA256);
    expect(hash(REPORT_STYLE)).toBe(REPORT_STYLE_SHA256);
    expect(html).toContain(`<script>${REPORT_SCRIPT}</script>`);
    expect(html).toContain(`<style>${REPORT_STYLE}</style>`);
    expect(html.match(/<script/g)).toHaveLength(2);
  });

  it('holds no text from the repository outside the escaped JSON block', () => {
    expect(markup).not.toContain('<img');
    expect(markup).not.toContain('alert');
    expect(markup).not.toContain('evil');
    expect(markup).not.toContain('agent</b>');
    expect(dataText).not.toMatch(/[<>&\u2028\u2029\x00-\x1f\x7f-\x9f\u202e]/);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html.match(/<!--/g)).toBeNull();
  });

  it('embeds the numbers and display-safe names, compactly', () => {
    const data = JSON.parse(dataText) as BlamePageData;
    const { totals } = report();
    expect(data).toMatchObject({ kind: 'blame', rev: 'f'.repeat(40), since: 'e'.repeat(40), totals: { lines: totals.lines, ai: totals.ai, human: totals.human, lineLevel: 0 }, tool: 'aitrail test' });
    expect(data.options).toEqual(['--since v1 <x>', '--', 'src']);
    expect(data.notes[0]).toMatch(/1 lockfile/);
    const paths = data.files.map(([dir, name]) => (data.dirs[dir] === '' ? name : `${data.dirs[dir]}/${name}`));
    expect(paths).toEqual(report().files.map((f) => f.path.replace(/[\x1b\u2028\u2029\u202e]/g, (ch) => (ch === '\x1b' ? '\\x1b' : `\\u{${ch.charCodeAt(0).toString(16)}}`))));
    expect(data.models.map(([name]) => name)).toEqual(['evil/</script><img src=x onerror=alert(2)>\\x1b]8;;https://evil.example/\\x07', 'anthropic/claude-opus-4.6']);
    const a = data.files.find(([, name]) => name === 'a.ts')!;
    expect(a.slice(2)).toEqual([10, 4, 0, 1, 4]);
  });

  it('an empty repository is a page too', () => {
    const empty = renderBlame({ rev: null, since: null, totals: sumReports([]), files: [] }, 'html', 'file');
    expect(JSON.parse(/id="aitrail-data">([^]*?)<\/script>/.exec(empty)![1]!)).toMatchObject({ kind: 'blame', rev: null, files: [] });
  });
});

describe('embedJson', () => {
  it('nothing in a value can end the block or start a comment, and values parse back exactly', () => {
    const value = { a: '</script><!-- <script>', b: 'x\u2028y\u2029z', c: '&lt;', d: '\x00\x1b\u202e' };
    const text = embedJson(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029\x00-\x1f\u202e]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

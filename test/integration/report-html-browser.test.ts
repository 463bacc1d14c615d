// The HTML reports in a real browser (Debian's headless chromium driven by playwright-core):
// drawn with no error, the numbers in the DOM, zoom/sort/filter working, hostile names inert.
import { describe, expect, it } from 'vitest';
import { sumReports } from '../../src/core/blame/aggregate.js';
import { displayName, percent } from '../../src/core/blame/format.js';
import { renderBlame } from '../../src/core/blame/render.js';
import type { BlameReport, FileReport } from '../../src/core/blame/types.js';
import { HAVE_CHROMIUM, openReport, sharedBrowser, type LoadedPage } from '../helpers/browser.js';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

const CLAUDE = 'Assisted-by: claude-code:anthropic/claude-opus-4.6';
const QWEN = 'Co-authored-by: Qwen-Coder <qwen-coder@alibabacloud.com>';
const IMG = '<img src=x onerror=alert(1)>.js';
const SCRIPT = 'src/q</script><script>alert(2);window.__pwned=1</script>.js';
const lines = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix} ${i}\n`).join('');

interface BlameJson {
  totals: { lines: number; ai: number; human: number; byModel: Record<string, number> };
  files: { path: string; lines: number; ai: number; byModel: Record<string, number> }[];
}

/** Nothing ran that the page did not bring, nothing was loaded, nothing was injected. */
async function expectInert(loaded: LoadedPage): Promise<void> {
  expect(loaded.errors).toEqual([]);
  expect(loaded.dialogs).toEqual([]);
  expect(loaded.requests).toEqual([loaded.url]);
  const injected = await loaded.page.evaluate(() => ({
    elements: document.querySelectorAll('img, iframe, object, embed, link, base, form, [onerror], [onload], [onclick], [href], [src]').length,
    scripts: document.scripts.length,
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
  }));
  expect(injected).toEqual({ elements: 0, scripts: 2, pwned: undefined });
}

const texts = (loaded: LoadedPage, selector: string) => loaded.page.locator(selector).allTextContents();

describe.skipIf(!HAVE_CHROMIUM)('HTML reports in headless chromium', () => {
  const browser = sharedBrowser();

  const repo = makeRepo();
  repo.commit('start\n', { 'src/human.ts': lines('h', 10), 'README.md': lines('r', 4) });
  repo.commit(`ai\n\n${CLAUDE}\n`, { 'src/core/ai.ts': lines('ai', 6), [IMG]: lines('x', 3), [SCRIPT]: lines('s', 2), '<!--c.js': lines('c', 2), 'line\u2028sep\u202e.js': lines('l', 2) });
  repo.commit(`qwen\n\n${QWEN}\n`, { 'src/core/qwen.ts': lines('q', 5), 'src/human.ts': `${lines('h', 8)}qwen\n` });

  it('blame --format html: the numbers of blame --format json, treemap, bars, every file as text', async () => {
    const json = JSON.parse(aitrail(repo.dir, ['blame', '--format', 'json']).stdout) as BlameJson;
    const result = aitrail(repo.dir, ['blame', '--format', 'html']);
    expect(result.code, result.stderr).toBe(0);
    const loaded = await openReport(browser(), result.stdout);
    await expectInert(loaded);
    const { page } = loaded;
    expect(await page.textContent('#headline-share')).toBe(percent(json.totals.ai, json.totals.lines));
    expect(await page.textContent('#headline-lines')).toBe(`${json.totals.ai} of ${json.totals.lines} lines are AI-authored, ${json.totals.human} human.`);
    expect(await page.textContent('#headline-files')).toBe(String(json.files.length));
    expect(await texts(loaded, '#by-model .bar-name')).toEqual(Object.entries(json.totals.byModel).sort((a, b) => b[1] - a[1]).map(([model]) => model));
    expect((await texts(loaded, '#file-table td.path')).sort()).toEqual(json.files.map((file) => displayName(file.path)).sort());
    await expect(page.getByRole('cell', { name: IMG, exact: true }).count()).resolves.toBe(1);
    expect(await page.locator('#treemap g.tile-file').count()).toBeGreaterThan(3);
    expect(await page.locator('#treemap title').allTextContents()).toContain(`${IMG}\n${percent(3, 3)} AI: 3 of 3 lines`);
  });

  it('zoom, sort, filter, print', async () => {
    const loaded = await openReport(browser(), aitrail(repo.dir, ['blame', '--format', 'html']).stdout);
    const { page } = loaded;
    const src = page.locator('#treemap g.tile-dir').filter({ has: page.locator('title', { hasText: /^src\/\n/ }) });
    await src.click({ position: { x: 8, y: 6 } });
    expect(await page.getAttribute('#treemap', 'data-zoom')).toBe('src');
    expect(await texts(loaded, '.crumb')).toEqual(['all files', 'src/']);
    const under = await texts(loaded, '#file-table td.path');
    expect(under.length).toBe(4);
    expect(under.every((path) => path.startsWith('src/'))).toBe(true);
    await page.locator('.crumb', { hasText: 'all files' }).click();
    expect(await page.getAttribute('#treemap', 'data-zoom')).toBe('');
    expect(await page.locator('#file-table tbody tr').count()).toBe(8);

    await page.click('button.sort[data-key="lines"]');
    expect(await page.getAttribute('th:has(button[data-key="lines"])', 'aria-sort')).toBe('descending');
    expect((await texts(loaded, '#file-table td.path'))[0]).toBe('src/human.ts');
    await page.click('button.sort[data-key="lines"]');
    expect(await page.getAttribute('th:has(button[data-key="lines"])', 'aria-sort')).toBe('ascending');
    expect((await texts(loaded, '#file-table tbody tr td:nth-child(2)')).map(Number)).toEqual([2, 2, 2, 3, 4, 5, 6, 9]);

    await page.fill('#file-filter', 'qwen');
    await expect.poll(() => texts(loaded, '#file-table td.path'), { timeout: 60_000 }).toEqual(['src/core/qwen.ts', 'src/human.ts']);
    await page.fill('#file-filter', 'IMG SRC');
    await expect.poll(() => texts(loaded, '#file-table td.path'), { timeout: 60_000 }).toEqual([IMG]);
    expect(await page.textContent('#files-status')).toBe('Showing 1 of 1 file (8 in the report).');

    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('#file-filter')).toBe(false);
    expect(await page.isVisible('#treemap')).toBe(true);
    expect(loaded.errors).toEqual([]);
  });

  it('hostile model and agent names show as text, control characters visibly escaped', async () => {
    const evil = 'evil/</script><img src=x onerror=alert(3)>\x1b]8;;https://evil.example/\x07\u202e';
    const byModel = Object.assign(Object.create(null) as Record<string, number>, { [evil]: 2 });
    const byAgent = Object.assign(Object.create(null) as Record<string, number>, { '<svg onload=alert(4)>': 2 });
    const file: FileReport = { path: 'a<b>.js', lines: 3, ai: 2, human: 1, byModel, byAgent, lineLevel: 0 };
    const report: BlameReport = { rev: 'f'.repeat(40), since: null, totals: sumReports([file]), files: [file] };
    const loaded = await openReport(browser(), renderBlame(report, 'html', 'file', { tool: 'aitrail test', generatedAt: null, options: ['--', '<b>x</b>'] }));
    await expectInert(loaded);
    expect(await texts(loaded, '#by-model .bar-name')).toEqual([displayName(evil)]);
    expect(displayName(evil)).toContain('\\x1b]8;;https://evil.example/\\x07\\u{202e}');
    expect(await texts(loaded, '#by-agent .bar-name')).toEqual(['<svg onload=alert(4)>']);
    expect(await loaded.page.textContent('#headline-options')).toBe('-- <b>x</b>');
    await loaded.page.click('#by-model .bar-name');
    await expect.poll(() => texts(loaded, '#file-table td.path'), { timeout: 60_000 }).toEqual(['a<b>.js']);
    await expectInert(loaded);
  });

  it('10,000 files: the page draws, the treemap lumps small files, the table holds every file', { timeout: 300_000 }, async () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed / 2147483648);
    const models = ['anthropic/claude-opus-4.6', 'openai/gpt-5.2-codex', 'qwen/qwen3-coder'];
    const files: FileReport[] = Array.from({ length: 10_000 }, (_, index) => {
      const lineCount = 1 + Math.floor(Math.exp(random() * 7));
      const ai = Math.floor(lineCount * random() * random());
      const model = models[index % models.length]!;
      const byModel = Object.assign(Object.create(null) as Record<string, number>, ai > 0 ? { [model]: ai } : {});
      const dirs = Array.from({ length: 1 + (index % 5) }, (_, depth) => `d${Math.floor(random() * (depth === 0 ? 8 : 12))}`);
      return { path: `${dirs.join('/')}/f${index}.ts`, lines: lineCount, ai, human: lineCount - ai, byModel, byAgent: Object.create(null) as Record<string, number>, lineLevel: 0 };
    }).sort((a, b) => (a.path < b.path ? -1 : 1));
    const report: BlameReport = { rev: 'a'.repeat(40), since: null, totals: sumReports(files), files };
    const loaded = await openReport(browser(), renderBlame(report, 'html', 'file'));
    expect(loaded.errors).toEqual([]);
    const { page } = loaded;
    expect(await page.textContent('#headline-share')).toBe(percent(report.totals.ai, report.totals.lines));
    expect(await page.textContent('#files-status')).toBe('Showing 500 of 10,000 files.');
    const tiles = await page.locator('#treemap g.tile').count();
    expect(tiles).toBeGreaterThan(50);
    expect(tiles).toBeLessThan(4000);
    expect(await page.locator('#treemap g.tile-small').count()).toBeGreaterThan(0);
    await page.click('text=Show 500 more');
    expect(await page.locator('#file-table tbody tr').count()).toBe(1000);
    // Printing shows every file (the print layout has no paging buttons).
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await page.locator('#file-table tbody tr').count()).toBe(10_000);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(await page.locator('#file-table tbody tr').count()).toBe(1000);
    expect(loaded.errors).toEqual([]);
  });

  it('trend --format html: the share line and the per-model stack of every release, names inert', async () => {
    const trend = makeRepo();
    trend.commit('one\n', { 'a.txt': lines('a', 4) });
    trend.git(['tag', 'v1.0']);
    trend.commit(`two\n\n${CLAUDE}\n`, { 'b.txt': lines('b', 3) });
    trend.git(['tag', 'v1.1']);
    trend.commit(`three\n\n${QWEN}\n`, { 'c.txt': lines('c', 1), 'a.txt': lines('a', 5), 'package-lock.json': lines('l', 2) });
    trend.git(['update-ref', 'refs/tags/<b>&"\'x', 'HEAD']);
    const json = JSON.parse(aitrail(trend.dir, ['trend', '--tags', 'v*', '<b>&"\'x', '--format', 'json']).stdout) as { releases: { totals: { lines: number; ai: number; byModel: Record<string, number> } }[] };
    const result = aitrail(trend.dir, ['trend', '--tags', 'v*', '<b>&"\'x', '--format', 'html']);
    expect(result.code, result.stderr).toBe(0);
    const loaded = await openReport(browser(), result.stdout);
    await expectInert(loaded);
    const { page } = loaded;
    expect(await page.locator('#trend-share circle').count()).toBe(2);
    expect(await texts(loaded, '#trend-share .point-label')).toEqual(json.releases.map((release) => percent(release.totals.ai, release.totals.lines)));
    expect(await texts(loaded, '#trend-table tbody td:first-child')).toEqual(['v1.1', '<b>&"\'x']);
    expect(await page.textContent('#headline-share')).toBe(percent(json.releases[1]!.totals.ai, json.releases[1]!.totals.lines));
    expect(await page.locator('#trend-models rect').count()).toBe(2);
    const models = new Map<string, number>();
    for (const release of json.releases) for (const [model, count] of Object.entries(release.totals.byModel)) models.set(model, (models.get(model) ?? 0) + count);
    expect(models.size).toBe(2);
    expect(await texts(loaded, '.stack .keys li')).toEqual([...[...models].sort((a, b) => b[1] - a[1]).map(([model]) => model), 'human']);
    // What the numbers leave out, as the table says it: the lockfile of the last release only.
    const table = aitrail(trend.dir, ['trend', '--tags', 'v*', '<b>&"\'x']).stdout;
    const notes = await texts(loaded, '#headline p.note');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^v1\.1\.\.<b>&"'x: .*1 lockfile/);
    expect(table).toContain(notes[0]);
    expect(loaded.errors).toEqual([]);
  });
});

// row 983: the HTML reports (blame and trend, drawn in headless chromium) and trend's text and markdown
// say "1 line", "1 file", "1 release" for one and the plural for more ("1 of 1 line is", not "1 of 1 lines
// are"); a real repository, the built CLI, the page as a browser draws it.
import { describe, expect, it } from 'vitest';
import { HAVE_CHROMIUM, openReport, sharedBrowser } from '../helpers/browser.js';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

const CLAUDE = 'Assisted-by: claude-code:anthropic/claude-opus-4.6';

function oneLineRepo() {
  const repo = makeRepo();
  repo.commit('start\n', { 'README.md': '' });
  repo.git(['tag', 'v1']);
  repo.commit(`one line\n\n${CLAUDE}\n`, { 'a.txt': 'a\n' });
  repo.git(['tag', 'v2']);
  return repo;
}

describe('count phrases of trend text and markdown (row 983)', () => {
  it('one release of one line: singular; two lines: plural', () => {
    const repo = oneLineRepo();
    const table = aitrail(repo.dir, ['trend', 'v1', 'v2', '-q']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain('Across 1 release: 1 of 1 line introduced was AI-authored (100.0%), 0 human.');
    expect(aitrail(repo.dir, ['trend', 'v1', 'v2', '-q', '--format', 'markdown']).stdout).toContain('Across 1 release: **100.0%** of 1 line introduced was AI-authored (1 AI, 0 human).');
    repo.commit('two\n', { 'b.txt': 'b\n' });
    repo.git(['tag', 'v3']);
    expect(aitrail(repo.dir, ['trend', 'v1', 'v2', 'v3', '-q']).stdout).toContain('Across 2 releases: 1 of 2 lines introduced were AI-authored (50.0%), 1 human.');
  });
});

describe.skipIf(!HAVE_CHROMIUM)('count phrases of the HTML reports in headless chromium (row 983)', () => {
  const browser = sharedBrowser();
  const repo = oneLineRepo();

  it('blame --format html of one line in one file: "1 of 1 line is", "1 line ·", "1 of 1 file", treemap "1 of 1 line"', async () => {
    const result = aitrail(repo.dir, ['blame', '--format', 'html']);
    expect(result.code, result.stderr).toBe(0);
    const { page, errors } = await openReport(browser(), result.stdout);
    expect(errors).toEqual([]);
    expect(await page.textContent('#headline-lines')).toBe('1 of 1 line is AI-authored, 0 human.');
    expect(await page.locator('#by-model .bar-count').allTextContents()).toEqual(['1 line · 100.0%']);
    expect(await page.locator('#by-agent .bar-count').allTextContents()).toEqual(['1 line · 100.0%']);
    expect(await page.textContent('#files-status')).toBe('Showing 1 of 1 file.');
    expect(await page.locator('#treemap title').allTextContents()).toContain('a.txt\n100.0% AI: 1 of 1 line');
    const body = await page.evaluate(() => document.body.innerText);
    expect(body).not.toMatch(/\b1 (lines|files)\b/);
  });

  it('trend --format html of one release of one line: "1 of 1 line it introduced is", "1 line introduced"', async () => {
    const result = aitrail(repo.dir, ['trend', 'v1', 'v2', '-q', '--format', 'html']);
    expect(result.code, result.stderr).toBe(0);
    const { page, errors } = await openReport(browser(), result.stdout);
    expect(errors).toEqual([]);
    expect(await page.textContent('#headline-lines')).toBe('1 of 1 line it introduced is AI-authored, 0 human.');
    expect(await page.textContent('#headline-overall')).toBe('100.0% AI: 1 of 1 line introduced');
    const titles = await page.locator('svg title').allTextContents();
    expect(titles).toContain('v2: 100.0% AI (1 of 1 line introduced)');
    expect(titles).toContain('v2: anthropic/claude-opus-4.6 1 line (100.0%)');
    expect(titles.join('\n')).not.toMatch(/\b1 (lines|files)\b/);
  });

  it('more than one: the plural stays ("2 lines are", "2 files")', async () => {
    const two = makeRepo();
    two.commit(`two\n\n${CLAUDE}\n`, { 'a.txt': 'a\n', 'b.txt': 'b\n' });
    const { page } = await openReport(browser(), aitrail(two.dir, ['blame', '--format', 'html']).stdout);
    expect(await page.textContent('#headline-lines')).toBe('2 of 2 lines are AI-authored, 0 human.');
    expect(await page.textContent('#files-status')).toBe('Showing 2 of 2 files.');
    expect(await page.locator('#by-model .bar-count').allTextContents()).toEqual(['2 lines · 100.0%']);
  });
});

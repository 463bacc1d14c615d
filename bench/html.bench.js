#!/usr/bin/env node
// `aitrail blame --format html` on large trees: the page's size and how long headless chromium
// takes to draw it (navigation start to the first frame after the page's script is done; the
// script's own `aitrail-rendered` mark beside it), for synthetic reports of BENCH_HTML_FILES (default 1000,10000) files.
// Also: "Show all" (every row of the file table, laid out) on the largest. Needs chromium
// (/usr/bin/chromium or AITRAIL_CHROMIUM); without it the bench says so and exits 0.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, random } from './lib.js';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const { renderBlame } = await import(join(root, 'dist/core/blame/render.js'));
const { sumReports } = await import(join(root, 'dist/core/blame/aggregate.js'));
const CHROMIUM = process.env.AITRAIL_CHROMIUM ?? '/usr/bin/chromium';
const SIZES = (process.env.BENCH_HTML_FILES ?? '1000,10000').split(',').map(Number);
const iterations = Number(process.env.BENCH_ITERATIONS ?? 3);
const MODELS = ['anthropic/claude-opus-4.6', 'openai/gpt-5.2-codex', 'qwen/qwen3-coder', 'deepseek/deepseek-chat', 'google/gemini-2.5-pro'];

/** A report of `count` files in a tree up to 5 deep, sizes spread over 1..1100 lines, AI shares random. */
function report(count) {
  const rand = random(count);
  const files = Array.from({ length: count }, (_, index) => {
    const lines = 1 + Math.floor(Math.exp(rand() * 7));
    const ai = Math.floor(lines * rand() * rand());
    const byModel = Object.create(null);
    const byAgent = Object.create(null);
    if (ai > 0) {
      byModel[MODELS[index % MODELS.length]] = ai;
      byAgent['claude-code'] = ai;
    }
    const dirs = Array.from({ length: 1 + Math.floor(rand() * 5) }, (_, depth) => `dir${Math.floor(rand() * (depth === 0 ? 8 : 12))}`);
    return { path: `${dirs.join('/')}/file${index}.ts`, lines, ai, human: lines - ai, byModel, byAgent, lineLevel: 0 };
  }).sort((a, b) => (a.path < b.path ? -1 : 1));
  return { rev: 'a'.repeat(40), since: null, totals: sumReports(files), files, excluded: { lockfiles: 0, generated: 0 } };
}

if (!existsSync(CHROMIUM)) {
  process.stdout.write(`html: no chromium at ${CHROMIUM} (apt-get install -y chromium); page sizes only.\n`);
}
const scratch = mkdtempSync(join(tmpdir(), 'aitrail-html-bench-'));
try {
  const pages = SIZES.map((count) => {
    const html = renderBlame(report(count), 'html', 'file', { tool: 'aitrail bench', generatedAt: null, options: [] });
    const file = join(scratch, `report-${count}.html`);
    writeFileSync(file, html);
    process.stdout.write(`${String(count).padStart(6)} files: page ${(html.length / 1024).toFixed(0)} KiB (${(html.length / count).toFixed(0)} bytes per file)\n`);
    return { count, file };
  });
  if (existsSync(CHROMIUM)) {
    const { chromium } = await import('playwright-core');
    const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
    const browser = await chromium.launchPersistentContext(join(scratch, 'profile'), { executablePath: CHROMIUM, headless: true, args });
    try {
      for (const { count, file } of pages) {
        const drawn = [];
        const script = [];
        let showAll = 0;
        for (let i = 0; i < iterations; i++) {
          const page = await browser.newPage();
          await page.goto(`file://${file}`);
          await page.waitForSelector('#report[data-rendered="true"]', { timeout: 300_000 });
          // The first frame after the script drew the page: layout and paint included.
          drawn.push(await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(() => done(performance.now()))))));
          script.push(await page.evaluate(() => performance.getEntriesByName('aitrail-rendered')[0].startTime));
          if (i === 0 && count === Math.max(...SIZES)) {
            showAll = await page.evaluate(() => {
              const start = performance.now();
              [...document.querySelectorAll('button.more')].find((button) => button.textContent === 'Show all')?.click();
              void document.body.offsetHeight;
              return performance.now() - start;
            });
          }
          await page.close();
        }
        process.stdout.write(`${String(count).padStart(6)} files: drawn in ${median(drawn).toFixed(0)} ms (navigation start to the first frame after drawing; its script done at ${median(script).toFixed(0)} ms; median of ${iterations}, headless chromium)${showAll ? `; Show all ${count} rows: ${showAll.toFixed(0)} ms` : ''}\n`);
      }
    } finally {
      await browser.close();
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

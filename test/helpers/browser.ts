import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { tempDir } from './gitdir.js';

/** Debian's chromium (`apt-get install -y chromium`; .ci/run installs it). */
export const CHROMIUM = process.env.AITRAIL_CHROMIUM ?? '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);

if (!HAVE_CHROMIUM) {
  const line = '!'.repeat(100);
  process.stderr.write(`\n${line}\n!!! BROWSER TESTS SKIPPED: no chromium at ${CHROMIUM}. Install it (apt-get install -y chromium) or set AITRAIL_CHROMIUM.\n${line}\n\n`);
}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Headless chromium with a fresh profile; close it in afterAll. */
export async function launchBrowser(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(tempDir('aitrail-chromium-'), { executablePath: CHROMIUM, headless: true, args: ARGS });
}

/** One headless chromium for the describe block that calls this: launched before its tests, closed after them; the getter gives it. */
export function sharedBrowser(): () => BrowserContext {
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    context = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await context?.close();
  });
  return () => context as BrowserContext;
}

export interface LoadedPage {
  page: Page;
  /** Console errors and uncaught exceptions (CSP violations are console errors). */
  errors: string[];
  /** Messages of alert/confirm/prompt dialogs that fired. */
  dialogs: string[];
  /** Every URL the page asked for (the file itself included). */
  requests: string[];
  url: string;
}

/** Write `html` to a file, open it as a user would (file://) and wait until the page has drawn itself. */
export async function openReport(context: BrowserContext, html: string): Promise<LoadedPage> {
  const file = join(tempDir('aitrail-report-'), 'report.html');
  writeFileSync(file, html);
  const page = await context.newPage();
  const loaded: LoadedPage = { page, errors: [], dialogs: [], requests: [], url: `file://${file}` };
  page.on('console', (message) => message.type() === 'error' && loaded.errors.push(message.text()));
  page.on('pageerror', (error) => loaded.errors.push(error.message));
  page.on('dialog', (dialog) => {
    loaded.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => loaded.requests.push(request.url()));
  await page.goto(loaded.url);
  await page.waitForSelector('#report[data-rendered="true"]', { timeout: 120_000 });
  return loaded;
}

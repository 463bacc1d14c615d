import type { BlameReport } from '../blame/types.js';
import { blamePageData } from './blame-page-data.js';
import { htmlPage } from './html-page.js';
import type { PageMeta } from './page-data.js';

/** `aitrail blame --format html`: one self-contained page (headline, treemap, bars, file table). Pure. */
export function renderBlameHtml(report: BlameReport, meta: PageMeta): string {
  return htmlPage('AI-authored lines', blamePageData(report, meta));
}

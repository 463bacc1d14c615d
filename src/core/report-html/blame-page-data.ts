import { displayName, sortedCounts } from '../blame/format.js';
import { reportNotes } from '../blame/report-notes.js';
import { warningLines } from '../blame/report-warnings.js';
import type { BlameReport, Counts } from '../blame/types.js';
import type { BlamePageData, CountList, FileRow, PageMeta, PageTotals } from './page-data.js';

/** `[name, lines]` most lines first, names made safe for display. */
export function countList(counts: Counts): CountList {
  return sortedCounts(counts).map(([name, lines]) => [displayName(name), lines]);
}

export function pageTotals(totals: BlameReport['totals']): PageTotals {
  const out: PageTotals = { lines: totals.lines, ai: totals.ai, human: totals.human, lineLevel: totals.lineLevel };
  if (totals.shallowBoundary !== undefined) out.shallowBoundary = totals.shallowBoundary;
  return out;
}

/** The blame report as the page's compact data: directories listed once, files as arrays. */
export function blamePageData(report: BlameReport, meta: PageMeta): BlamePageData {
  const models = countList(report.totals.byModel);
  const modelIndex = new Map(sortedCounts(report.totals.byModel).map(([id], index) => [id, index]));
  const dirs: string[] = [];
  const dirIndex = new Map<string, number>();
  const files: FileRow[] = report.files.map((file) => {
    const shown = displayName(file.path);
    const slash = shown.lastIndexOf('/');
    const dir = slash < 0 ? '' : shown.slice(0, slash);
    let index = dirIndex.get(dir);
    if (index === undefined) {
      index = dirs.push(dir) - 1;
      dirIndex.set(dir, index);
    }
    const byModel = sortedCounts(file.byModel).flatMap(([id, lines]) => [modelIndex.get(id) ?? -1, lines]);
    return [index, shown.slice(slash + 1), file.lines, file.ai, file.lineLevel, ...byModel];
  });
  return {
    kind: 'blame',
    ...meta,
    rev: report.rev,
    since: report.since,
    totals: pageTotals(report.totals),
    models,
    agents: countList(report.totals.byAgent),
    notes: [...reportNotes(report), ...warningLines(report.warnings)],
    dirs,
    files,
  };
}

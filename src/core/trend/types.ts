import type { Totals } from '../blame/types.js';

/** One pair of consecutive revisions: what `blame --since <since> --rev <rev>` reports. */
export interface TrendRelease {
  /** Full shas, as in the blame JSON. */
  since: string;
  rev: string;
  /** The names as given (a tag, a branch, a sha). */
  sinceName: string;
  revName: string;
  totals: Totals;
}

/** DESIGN.md `trend` JSON: `{ "releases": [{ "since", "rev", "totals" }] }`. */
export interface TrendReport {
  releases: TrendRelease[];
}

export type TrendFormat = 'table' | 'json' | 'csv' | 'markdown' | 'html';

/** Every model of any release, most lines overall first. */
export function trendModels(report: TrendReport): string[] {
  const sums = new Map<string, number>();
  for (const release of report.releases) for (const [model, lines] of Object.entries(release.totals.byModel)) sums.set(model, (sums.get(model) ?? 0) + lines);
  return [...sums].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([model]) => model);
}

/** The releases' totals added up (lines, AI, human). */
export function trendSum(report: TrendReport): { lines: number; ai: number; human: number } {
  return report.releases.reduce((sum, { totals }) => ({ lines: sum.lines + totals.lines, ai: sum.ai + totals.ai, human: sum.human + totals.human }), { lines: 0, ai: 0, human: 0 });
}

import { reportNotes } from '../blame/report-notes.js';
import type { Excluded, Totals } from '../blame/types.js';

/** One pair of consecutive revisions: what `blame --since <since> --rev <rev>` reports. */
export interface TrendRelease {
  /** Full shas, as in the blame JSON. */
  since: string;
  rev: string;
  /** The names as given (a tag, a branch, a sha). */
  sinceName: string;
  revName: string;
  totals: Totals;
  /** What blame left out at `rev` (lockfiles, generated, vendored and binary files), as in the blame JSON. */
  excluded?: Excluded;
}

/** DESIGN.md `trend` JSON: `{ "releases": [{ "since", "rev", "totals" }] }`. */
export interface TrendReport {
  releases: TrendRelease[];
  /** Only when the run gave warnings (said on stderr too), each once, in the order said: as blame's `warnings`. */
  warnings?: string[];
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

/**
 * What the numbers leave out (blame's footer sentences for each release's `excluded`), for the
 * table and Markdown footers: said once when every release says it, else after the releases it
 * holds for, as `label` shows a release (a `.gitattributes` marking everything vendored in one
 * release empties it).
 */
export function trendNotes(report: TrendReport, label: (release: TrendRelease) => string): string[] {
  const said = new Map<string, string[]>();
  for (const release of report.releases) {
    const { since, rev, totals, excluded } = release;
    for (const note of reportNotes({ rev, since, totals: { ...totals, shallowBoundary: 0 }, files: [], ...(excluded ? { excluded } : {}) })) said.set(note, [...(said.get(note) ?? []), label(release)]);
  }
  return [...said].map(([note, releases]) => (releases.length === report.releases.length ? note : `${releases.join(', ')}: ${note}`));
}

import { safeJson } from '../sanitize.js';
import type { BlameGrouping, BlameReport, GroupRow } from './types.js';

/** The object of `blame --format json` (DESIGN.md); `by` and `groups` are added for a `--by` view other than `file`. */
export interface BlameJson extends Pick<BlameReport, 'rev' | 'since' | 'totals' | 'files' | 'excluded' | 'ignoredAi' | 'ignoredHuman' | 'shallowCut' | 'shard' | 'warnings'> {
  by?: BlameGrouping;
  groups?: readonly GroupRow[];
}

/** The `blame --format json` object of a report in a `--by` view. Pure. */
export function blameJson(report: BlameReport, by: BlameGrouping, rows: readonly GroupRow[]): BlameJson {
  return {
    rev: report.rev,
    since: report.since,
    totals: report.totals,
    files: report.files,
    ...(report.excluded ? { excluded: report.excluded } : {}),
    ...(report.ignoredAi ? { ignoredAi: report.ignoredAi } : {}),
    ...(report.ignoredHuman ? { ignoredHuman: report.ignoredHuman } : {}),
    ...(report.shallowCut ? { shallowCut: report.shallowCut } : {}),
    ...(report.shard ? { shard: report.shard } : {}),
    ...(report.warnings && report.warnings.length > 0 ? { warnings: report.warnings } : {}),
    ...(by !== 'file' ? { by, groups: rows } : {}),
  };
}

/** DESIGN.md `blame` JSON text. */
export function renderJson(report: BlameReport, by: BlameGrouping, rows: readonly GroupRow[]): string {
  return `${safeJson(blameJson(report, by, rows), 2)}\n`;
}

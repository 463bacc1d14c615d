import type { BlameGrouping, BlameReport, GroupRow } from './types.js';

// Characters JSON.stringify leaves raw that a terminal or viewer may act on: DEL, C1 controls
// (U+009B is a one-byte CSI), zero-width/bidi format characters, line/paragraph separators, BOM.
const RAW_UNSAFE = /[\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;

/**
 * JSON text whose strings keep their exact values (a path with a newline parses back to that
 * path) but whose bytes hold no control, escape or invisible format character: everything of
 * that kind is written as a `\uXXXX` escape.
 */
export function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(RAW_UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The object of `blame --format json` (DESIGN.md); `by` and `groups` are added for a `--by` view other than `file`. */
export interface BlameJson extends Pick<BlameReport, 'rev' | 'since' | 'totals' | 'files' | 'excluded' | 'shallowCut'> {
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
    ...(report.shallowCut ? { shallowCut: report.shallowCut } : {}),
    ...(by !== 'file' ? { by, groups: rows } : {}),
  };
}

/** DESIGN.md `blame` JSON text. */
export function renderJson(report: BlameReport, by: BlameGrouping, rows: readonly GroupRow[]): string {
  return `${safeJson(blameJson(report, by, rows), 2)}\n`;
}

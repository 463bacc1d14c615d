import type { TrendReport } from '../core/trend/types.js';
import type { TrendRun } from '../report/trend-report.js';
import { runEnd } from '../git/run-end.js';

export interface TrendOptions extends TrendRun {
  /** Directory to run in; `paths` and `ignoreRevsFiles` are relative to it, as for git. */
  cwd: string;
}

/**
 * For each consecutive pair (A, B) of `revs` (after the tags `tags` matches, in version order):
 * what `blame({ since: A, rev: B })` reports — the object `aitrail trend --format json` prints.
 * Progress goes to `onPair` / `onProgress`, diagnostics to `onWarning` / `onNote`. Throws
 * UsageError (fewer than two revisions, option-like text), ConfigError, GitError (an unknown revision), ShallowHistoryError.
 */
export async function trend(options: TrendOptions): Promise<TrendReport> {
  const [{ trendReport }, { trendJson }] = await Promise.all([import('../report/trend-report.js'), import('../core/trend/render-trend-json.js')]);
  try {
    return trendJson(await trendReport(options));
  } finally {
    await runEnd();
  }
}

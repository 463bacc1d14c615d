import type { BlameJson } from '../core/blame/render-json.js';
import type { BlameGrouping } from '../core/blame/types.js';
import type { BlameRun } from '../report/blame-report.js';
import { runEnd } from '../git/run-end.js';

export interface BlameOptions extends BlameRun {
  /** Directory to run in; `paths` and `ignoreRevsFiles` are relative to it, as for git. */
  cwd: string;
  /** The `--by` view (`groups`) besides `files`; default `file` (no groups). `author` also gives each file its `byAuthor`. */
  by?: BlameGrouping;
}

/**
 * AI-authored lines per file and per model, as git blame attributes them at `rev` (default
 * HEAD): the object `aitrail blame --format json` prints. Diagnostics go to `onWarning` /
 * `onNote`. Throws UsageError, ConfigError, GitError, ShallowHistoryError.
 */
export async function blame(options: BlameOptions): Promise<BlameJson> {
  const [{ blameReport }, { blameJson }, { groupRows }] = await Promise.all([import('../report/blame-report.js'), import('../core/blame/render-json.js'), import('../core/blame/aggregate.js')]);
  const by = options.by ?? 'file';
  try {
    const { report } = await blameReport({ ...options, authors: options.authors ?? by === 'author' });
    return blameJson(report, by, groupRows(report.files, by));
  } finally {
    await runEnd();
  }
}

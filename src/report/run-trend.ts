import type { PageMeta } from '../core/report-html/page-data.js';
import { renderTrend } from '../core/trend/render-trend.js';
import type { TrendFormat } from '../core/trend/types.js';
import { ExitCode } from '../core/exit-codes.js';
import { packageVersion } from './blame-report.js';
import { progressSpinner } from './progress-spinner.js';
import { diagnostics, type DiagnosticsOptions } from '../io/diagnostics.js';
import { runOptions } from './run-options.js';
import { trendMessages } from './trend-messages.js';
import { trendReport, type TrendRun } from './trend-report.js';
import { writeStdout } from '../io/stdout.js';
import { checkEnvLimits, REPORT_LIMITS } from '../io/env-limits.js';

export interface TrendCommandRun extends TrendRun, DiagnosticsOptions {
  format: TrendFormat;
  write?: (text: string) => void;
}

/** `aitrail trend`: one blame per pair of revisions (a spinner on a TTY, a line per pair elsewhere), then the table. */
export async function runTrend(args: TrendCommandRun): Promise<number> {
  checkEnvLimits(REPORT_LIMITS);
  const write = args.write ?? writeStdout;
  const say = diagnostics(args);
  const spinner = args.onPair || args.onProgress || args.quiet ? null : await progressSpinner('aitrail trend: reading history…');
  let pair = '';
  const onPair =
    args.onPair ??
    ((index: number, count: number, since: string, rev: string) => {
      pair = trendMessages.pair(index, count, since, rev);
      if (spinner) spinner.update(pair, true);
      else say(`${pair}\n`);
    });
  const onProgress = args.onProgress ?? (spinner ? (done: number, total: number) => spinner.update(`${pair}: ${done}/${total} files`, done === total) : undefined);
  try {
    const onWarning = args.onWarning ?? ((message: string) => say(`aitrail: warning: ${message}\n`));
    const onNote = args.onNote ?? ((message: string) => say(`aitrail: note: ${message}\n`));
    const report = await trendReport({ ...args, onPair, onProgress, onWarning, onNote });
    spinner?.stop();
    const meta: PageMeta = {
      tool: `aitrail ${await packageVersion()}`,
      generatedAt: args.format === 'html' ? new Date().toISOString() : null,
      options: runOptions(args),
    };
    write(renderTrend(report, args.format, meta));
    return ExitCode.ok;
  } finally {
    spinner?.stop();
  }
}

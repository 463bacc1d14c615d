import { renderVerdictGithub } from '../core/policy/render-github.js';
import { renderVerdictText } from '../core/policy/render-text.js';
import { ExitCode } from '../core/exit-codes.js';
import { checkEnvLimits, GATE_LIMITS } from '../io/env-limits.js';
import { safeJson } from '../core/sanitize.js';
import { diagnostics, type DiagnosticsOptions } from '../io/diagnostics.js';
import { checkReport, NO_COMMITS_POLICY, type CheckOptions } from './check-report.js';
import { writeStdout } from '../io/stdout.js';

export type CheckFormat = 'text' | 'json' | 'github';

export interface CheckRun extends Omit<CheckOptions, 'cwd'>, DiagnosticsOptions {
  format: CheckFormat;
  cwd?: string;
  write?: (text: string) => void;
  warn?: (text: string) => void;
}

/**
 * `aitrail check [<range>]`: checkReport() printed in the chosen format. Exit 1 on any
 * error-severity violation; errors (exit 2, 3) are thrown for the CLI to report.
 */
export async function runCheck(args: CheckRun): Promise<number> {
  // The gate's bounds, mis-written: exit 2 at once (row 1125), whatever the range holds.
  checkEnvLimits(GATE_LIMITS);
  const write = args.write ?? writeStdout;
  const warn = args.warn ?? diagnostics(args);
  const { format, cwd, write: _write, warn: _warn, quiet: _quiet, ...options } = args;
  const report = await checkReport({ ...options, cwd: cwd ?? process.cwd(), onWarning: warn });
  if (format === 'json') write(`${safeJson(report, 2)}\n`);
  else if (report.policy === NO_COMMITS_POLICY) write('aitrail: no commits yet: nothing to check.\n');
  else if (format === 'github') write(renderVerdictGithub(report));
  else write(renderVerdictText(report));
  return report.ok ? ExitCode.ok : ExitCode.violation;
}

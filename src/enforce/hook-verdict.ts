import { safeJson } from '../core/sanitize.js';
import { renderVerdictText, renderWarningLine } from '../core/policy/render-text.js';
import type { Verdict } from '../core/policy/verdict.js';
import { ExitCode } from '../core/exit-codes.js';
import { enforceMessages } from './messages.js';
import { writeStderr } from '../io/write-fd.js';

/**
 * Print a push-time verdict on stderr (git relays a server's stderr to the pusher as `remote:`
 * lines) and return the hook's exit code: silent when clean, warnings printed but passing,
 * errors refused with `refused`'s explanation. A history cut by a shallow clone fails closed.
 */
export function reportHookVerdict(result: { verdict: Verdict; cut: string[] }, refused: string, options: { quiet?: boolean; cut?: (sha: string) => string } = {}): number {
  if (result.cut.length > 0) {
    writeStderr((options.cut ?? enforceMessages.shallowCut)(result.cut[0] as string));
    return ExitCode.git;
  }
  const { verdict } = result;
  if (verdict.violations.length === 0) return ExitCode.ok;
  // Warnings never stop a push: one line each (none with AITRAIL_QUIET=1); errors in full.
  const errors = verdict.violations.filter((violation) => violation.severity === 'error');
  if (!options.quiet) writeStderr(verdict.violations.filter((violation) => violation.severity !== 'error').map(renderWarningLine).join(''));
  if (errors.length === 0) return ExitCode.ok;
  writeStderr(renderVerdictText({ ...verdict, violations: errors }));
  writeStderr(refused);
  return ExitCode.violation;
}

/** Fail closed on input git should never send. */
export function malformedInput(hook: string, lines: string[]): number {
  const shown = lines.slice(0, 3).map((line) => safeJson(line.slice(0, 200))).join(', ');
  writeStderr(`aitrail: ${hook}: unexpected input from git (${shown}); refusing to let it through unjudged.\n`);
  return ExitCode.git;
}

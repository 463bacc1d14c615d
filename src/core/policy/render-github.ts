import { sanitize } from '../sanitize.js';
import type { Violation } from './types.js';
import type { Verdict } from './verdict.js';

/**
 * Workflow-command data: `%`, CR and LF are the characters with meaning; other controls are shown
 * escaped. A `##[` stays as written: the runner reads a line starting `::error` as that command and
 * never looks for the older `##[…]` form in it (a file property must name the file exactly).
 */
export function escapeData(text: string): string {
  return sanitize(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'), { max: 4000, insideRunnerCommand: true });
}

/** Workflow-command property values: `:` and `,` also separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions annotations: `::error file=…,title=…::message` per violation (warnings as
 * `::warning`), then a plain summary line. A violation that concerns several files (a commit-wide
 * deny over every file the commit changed, a path rule over each protected file) is annotated at
 * each of its listed files (`paths`, at most MAX_LISTED_PATHS), not at its first only: each file
 * then shows it in the pull request's diff. Every violation's first annotation comes first, in
 * order, the other files after them: GitHub shows a step's first 10 errors (and 10 warnings), so
 * a commit of many files never pushes another violation's annotation out.
 */
export function renderVerdictGithub(verdict: Verdict): string {
  const annotate = (violation: Violation, path: string | null): string => {
    const properties = [
      ...(path !== null ? [`file=${escapeProperty(path)}`] : []),
      `title=${escapeProperty(`aitrail ${violation.rule}: ${violation.model} in ${violation.sha.slice(0, 12)}`)}`,
    ];
    const body = `${violation.sha.slice(0, 12)} ${violation.subject}\n${violation.message}\nFix: ${violation.fix}`;
    return `::${violation.severity} ${properties.join(',')}::${escapeData(body)}`;
  };
  const lines = verdict.violations.map((violation) => annotate(violation, violation.path));
  for (const violation of verdict.violations) {
    const others = new Set(violation.paths);
    if (violation.path !== null) others.delete(violation.path);
    for (const path of others) lines.push(annotate(violation, path));
  }
  const errors = verdict.violations.filter((violation) => violation.severity === 'error').length;
  const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
  lines.push(`aitrail: ${plural(verdict.commits, 'commit')} checked, ${plural(errors, 'error')}, ${plural(verdict.violations.length - errors, 'warning')}.`);
  return `${lines.join('\n')}\n`;
}

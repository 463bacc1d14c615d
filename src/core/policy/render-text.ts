import { sanitize } from '../sanitize.js';
import { show } from './messages.js';
import type { Violation } from './types.js';
import type { Verdict } from './verdict.js';

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * A path of the `files:` list: as it is when plain, else in double quotes as JSON quotes it and then
 * escaped (quotedSubject), as git quotes an unusual path (`core.quotePath`): one holding `, ` (the
 * list's separator: `a.ts, b.ts` was one file read as two), `(` or `)` (`a.ts (+3 more)`), `"`,
 * a `\` (the text `\x1b` printed as the name holding ESC did), a control or what sanitize escapes,
 * a blank at an end, or nothing. So a `\` outside quotes is always an escape. Cut at 200 characters first, as before.
 */
function quotedPath(path: string): string {
  const cut = path.length > 200 ? `${path.slice(0, 200).replace(/[\ud800-\udbff]$/, '')}…` : path;
  const plain = cut !== '' && cut === cut.trim() && !/[",()\\]/.test(cut) && sanitize(cut, { max: Infinity }) === cut;
  return plain ? cut : sanitize(JSON.stringify(cut), { max: Infinity });
}

/** `src/a.ts, src/b.ts (+3 more)`; an unusual path quoted (`"a, b.ts"`, quotedPath). */
function files(violation: Violation): string {
  if (violation.pathCount === 0) return '(no files changed)';
  const shown = violation.paths.slice(0, 5).map(quotedPath);
  const more = violation.pathCount - shown.length;
  return `${shown.join(', ')}${more > 0 ? ` (+${more} more)` : ''}`;
}

/**
 * A commit's subject in double quotes as JSON quotes a string (a `\` as `\\`, a `"` as `\"`, a control
 * as `\u001b`), then what JSON leaves raw (DEL, C1, bidi and invisible characters, a runner's `##[`)
 * escaped by `sanitize`. Quoting the escaped text instead doubled the `\` of its escapes, so a subject
 * holding the text `\x1b` printed as one holding ESC. Cut at 72 characters first, as before.
 */
function quotedSubject(subject: string): string {
  const cut = subject.length > 72 ? `${subject.slice(0, 72).replace(/[\ud800-\udbff]$/, '')}…` : subject;
  return sanitize(JSON.stringify(cut));
}

/** One violation for people: what, which commit, which rule and setting, which files, how to fix. */
export function renderViolation(violation: Violation): string {
  const commit = violation.sha ? `${violation.sha.slice(0, 12)} ${quotedSubject(violation.subject)}` : 'the commit being made';
  return [
    `${violation.severity === 'error' ? 'error  ' : 'warning'} ${commit}`,
    `  rule:  ${violation.rule} (${violation.setting})`,
    `  model: ${show(violation.model)}${violation.agent && violation.agent !== 'unknown' ? ` (agent ${show(violation.agent, 60)})` : ''}`,
    `  files: ${files(violation)}`,
    `  ${violation.message}`,
    `  fix:   ${violation.fix}`,
  ].join('\n');
}

/** One line for a warning (hooks: a warning never stops the commit or push, so it takes one line). */
export function renderWarningLine(violation: Violation): string {
  const commit = violation.sha ? `${violation.sha.slice(0, 12)}: ` : '';
  return `aitrail: warning [${violation.rule}]: ${commit}${violation.message.replace(/\.$/, '')}; AITRAIL_QUIET=1 hides warnings.\n`;
}

/** Summary line plus every violation; a fix already given is not repeated. */
export function renderVerdictText(verdict: Verdict): string {
  const errors = verdict.violations.filter((violation) => violation.severity === 'error').length;
  const warnings = verdict.violations.length - errors;
  const judged = plural(verdict.commits, 'commit');
  if (verdict.violations.length === 0) return `aitrail: ${judged} checked, no policy violations.\n`;
  const offending = new Set(verdict.violations.map((violation) => violation.sha)).size;
  const head = `aitrail: ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${offending} of ${judged}.`;
  const said = new Set<string>();
  const shown = verdict.violations.map((violation) => {
    const repeated = said.has(violation.fix);
    said.add(violation.fix);
    return renderViolation(repeated ? { ...violation, fix: 'as above.' } : violation);
  });
  return `${head}\n\n${shown.join('\n\n')}\n`;
}

import { escapeUnsafe } from '../core/sanitize.js';

/** One thing wrong with a config, in plain words. */
export interface ConfigProblem {
  /** The file, relative to the repository root (`.aitrailrc.yml`), as given to `--config`, or `<rev>:<file>`. */
  file: string;
  /** JSON path (pointer), e.g. `/policy/deny/0`; empty for the whole document. */
  path: string;
  /** What was found, short and sanitised (control characters escaped, truncated). */
  found: string;
  /** What is expected, in plain words. */
  expected: string;
}

/** The config is invalid: carries every problem at once; the message lists them all. */
export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(configErrorMessage(problems));
    this.name = 'ConfigError';
  }
}

/** Late import-free formatting so the error class stays tiny (it is loaded on every run). */
function configErrorMessage(problems: ConfigProblem[]): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const lines = problems.map((problem) => `  - ${formatProblem(problem)}`);
  return `invalid aitrail config (${count}):\n${lines.join('\n')}\nFix the config file, or point --config at a valid one.`;
}

/** `.aitrailrc.yml: policy.unknownModel: found "block", expected one of allow, warn, deny` */
export function formatProblem(problem: ConfigProblem): string {
  const where = problem.path === '' ? '' : ` ${displayPath(problem.path)}:`;
  return `${escapeText(problem.file)}:${where} found ${problem.found}, expected ${problem.expected}`;
}

/** `/policy/paths/0/files` -> `policy.paths[0].files`; odd keys are quoted and escaped. */
export function displayPath(pointer: string): string {
  if (pointer === '') return '(top level)';
  let out = '';
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^(0|[1-9][0-9]*)$/.test(key)) out += `[${key}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${quote(key, 60)}]`;
  }
  return out;
}


/** Escape every control, bidi and invisible character as `\uXXXX` (newlines, ESC, RLO…). */
export const escapeText = escapeUnsafe;

/** A string shown as a JSON-style quoted literal, escaped, cut to `max` characters. */
export function quote(text: string, max = 60): string {
  const chars = Array.from(text);
  const cut = chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
  return escapeText(JSON.stringify(cut));
}

import { sanitize } from '../sanitize.js';
import type { BlameGrouping, BlameReport, GroupRow } from './types.js';

/** The characters of a name shown (displayName's cut, made here before a `\` grows to `\x5c`). */
const NAME_MAX = 4096;

/** What a CI runner reads as a command at the start of a log line. */
const RUNNER_COMMAND = /^(?:::|##)/;

/**
 * One RFC 4180 cell, safe to open in a spreadsheet: control characters become visible escapes,
 * so do `;` (`\x3b`: another locale's cell separator) and `\` itself (`\x5c`: no name reads as another's), a cell starting with `=`, `+`, `-`, `@`,
 * TAB or CR (after blanks too) gets a leading `'` (no formula), and a cell
 * holding a quote, comma or line break is quoted with inner quotes doubled; so is one starting with
 * `::` or `##`, which a CI runner reading the CSV printed into its log would run as a workflow
 * command (GitHub Actions' `::add-mask::…`, `::stop-commands::…`, its older `##[…]`, Azure's
 * `##vso[…]`) when it begins a line (a file named so, in the first column): quoted, the line
 * starts with `"` and the cell's value is the same.
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  // `;` is the cell separator of every spreadsheet opening a CSV under a German, French, Spanish…
  // locale (Excel takes the system's list separator, and quotes only at a cell's start): unescaped, a
  // name `x;=1+1` puts `=1+1` at a cell's start there, past the first character's guard and any quoting.
  // A `\` of the name is written `\x5c` first, so every `\` in a cell begins an escape: a file named
  // with the text `a\x3bb` stays another row than `a;b` (and `a\nb` than a name holding a line break).
  const cut = value.length > NAME_MAX ? `${value.slice(0, NAME_MAX)}…` : value;
  let text = sanitize(cut.replace(/\\/g, '\\x5c'), { max: Infinity }).replace(/;/g, '\\x3b');
  if (/^\s*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() || RUNNER_COMMAND.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function row(cells: (string | number)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** CSV (RFC 4180, CRLF): per file/dir/author one column per model, or per model/agent its lines and share. */
export function renderCsv(report: BlameReport, by: BlameGrouping, rows: readonly GroupRow[]): string {
  const total = report.totals.lines;
  if (by === 'model' || by === 'agent') {
    return row([by, 'lines', 'share']) + rows.map((r) => row([r.key, r.lines, total === 0 ? 0 : Number((r.lines / total).toFixed(4))])).join('');
  }
  const models = Object.keys(report.totals.byModel).sort();
  const header = row([by === 'dir' ? 'dir' : by === 'author' ? 'author' : 'path', 'lines', 'ai', 'human', 'ai_share', ...models]);
  return (
    header +
    rows.map((r) => row([r.key, r.lines, r.ai, r.human, r.lines === 0 ? 0 : Number((r.ai / r.lines).toFixed(4)), ...models.map((model) => r.byModel[model] ?? 0)])).join('')
  );
}

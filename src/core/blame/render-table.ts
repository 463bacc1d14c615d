import { countsSummary, displayName, percent, plural, sortedCounts } from './format.js';
import { leftOutByModel, reportNotes, reportScope } from './report-notes.js';
import { warningLines } from './report-warnings.js';
import type { BlameGrouping, BlameReport, GroupRow } from './types.js';

function table(header: string[], rows: string[][], rightAligned: number): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => (column < rightAligned ? cell.padStart(widths[column]!) : column === row.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** Aligned text for people: rows sorted by AI share, totals, then a per-model and per-agent summary. */
export function renderTable(report: BlameReport, by: BlameGrouping, rows: readonly GroupRow[]): string {
  const { totals } = report;
  const scope = reportScope(report);
  const out: string[] = [];
  const notes = [...reportNotes(report), ...warningLines(report.warnings)];
  if (report.rev === null) return ['No lines to report: the repository has no commit yet.', ...warningLines(report.warnings)].join('\n') + '\n';
  // The AI lines of files left out as generated or vendored, by model: said even when nothing else is counted.
  const leftOut = leftOutByModel(report);
  const leftOutTable = leftOut.length === 0 ? [] : ['', 'AI lines left out as generated or vendored, by model:', table(['LINES', 'MODEL'], leftOut.map(([model, count]) => [String(count), displayName(model)]), 1).replace(/^/gm, '  ')];
  if (totals.lines === 0) return [`No lines to report at ${scope} (no text files matched${report.since ? ', or no line is newer than --since' : ''}).`, ...notes, ...leftOutTable].join('\n') + '\n';
  if (by === 'model' || by === 'agent') {
    const head = by === 'model' ? 'MODEL' : 'AGENT';
    out.push(table(['LINES', 'SHARE', head], rows.map((row) => [String(row.lines), percent(row.lines, totals.lines), displayName(row.key)]), 2));
    if (rows.length === 0) out.push('(no AI-authored lines)');
  } else {
    const head = by === 'dir' ? 'DIRECTORY' : by === 'author' ? 'AUTHOR' : 'FILE';
    out.push(
      table(
        ['AI%', 'AI', 'HUMAN', 'LINES', head, 'MODELS'],
        rows.map((row) => [percent(row.ai, row.lines), String(row.ai), String(row.human), String(row.lines), displayName(row.key), countsSummary(row.byModel)]),
        4,
      ),
    );
  }
  out.push('');
  out.push(`Total at ${scope}: ${totals.ai} of ${plural(totals.lines, 'line', 'lines')} AI-authored (${percent(totals.ai, totals.lines)}), ${totals.human} human, ${plural(report.files.length, 'file', 'files')}.`);
  out.push(...notes);
  if (totals.lineLevel > 0) out.push(`Line by line from git-ai notes: ${plural(totals.lineLevel, 'line', 'lines')} (${percent(totals.lineLevel, totals.lines)}); the rest by their commit's attribution.`);
  const models = sortedCounts(totals.byModel);
  if (models.length > 0 && by !== 'model') {
    out.push('', 'By model:');
    out.push(table(['LINES', 'SHARE', 'MODEL'], models.map(([model, count]) => [String(count), percent(count, totals.lines), displayName(model)]), 2).replace(/^/gm, '  '));
  }
  const agents = sortedCounts(totals.byAgent);
  if (agents.length > 0 && by !== 'agent') {
    out.push('', 'By agent:');
    out.push(table(['LINES', 'SHARE', 'AGENT'], agents.map(([agent, count]) => [String(count), percent(count, totals.lines), displayName(agent)]), 2).replace(/^/gm, '  '));
  }
  out.push(...leftOutTable);
  return `${out.join('\n')}\n`;
}

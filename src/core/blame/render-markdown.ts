import { displayName, percent, plural, sortedCounts } from './format.js';
import { leftOutByModel, reportNotes } from './report-notes.js';
import type { BlameGrouping, BlameReport, GroupRow } from './types.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * A name as inert Markdown (GitHub job summary, PR comment): controls escaped visibly, HTML
 * special characters as entities, every other ASCII punctuation backslash-escaped (no emphasis,
 * links, table breaks or code spans), wrapped in `<code>` so no @mention or autolink fires.
 */
export function markdownName(text: string): string {
  return `<code>${markdownText(displayName(text))}</code>`;
}

/** Text made safe (sanitized) already, as inert Markdown: HTML special characters as entities, every other ASCII punctuation backslash-escaped. */
function markdownText(text: string): string {
  return text.replace(/[&<>"]|[!#$%'()*+,\-./:;=?@[\\\]^_`{|}~]/g, (ch) => ENTITIES[ch] ?? `\\${ch}`);
}

/**
 * `> **Warning:** <code>…</code>` blocks of the run's warnings (row 826), escaped and wrapped as names are: no link,
 * code span or table break, and no @mention or issue reference (GitLab reads those even escaped; neither reads them in code).
 */
export function markdownWarnings(warnings: readonly string[] | undefined): string[] {
  return (warnings ?? []).flatMap((warning) => ['', `> **Warning:** <code>${markdownText(warning)}</code>`]);
}

function tableText(header: string[], align: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `| ${align.join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** Markdown for a CI job summary or PR comment: headline, the rows, and a per-model table. */
export function renderMarkdown(report: BlameReport, by: BlameGrouping, rows: readonly GroupRow[]): string {
  const { totals } = report;
  if (report.rev === null) return `${['### AI-authored lines', '', 'No lines to report: the repository has no commit yet.', ...markdownWarnings(report.warnings)].join('\n')}\n`;
  const scope = `\`${report.rev.slice(0, 12)}\`${report.since ? ` since \`${report.since.slice(0, 12)}\`` : ''}`;
  const out = [`### AI-authored lines at ${scope}`, ''];
  out.push(`**${percent(totals.ai, totals.lines)}** of ${plural(totals.lines, 'line', 'lines')} ${totals.lines === 1 ? 'is' : 'are'} AI-authored (${totals.ai} AI, ${totals.human} human) in ${plural(report.files.length, 'file', 'files')}.`, '');
  if (totals.lineLevel > 0) out.push(`${plural(totals.lineLevel, 'line', 'lines')} (${percent(totals.lineLevel, totals.lines)}) ${totals.lineLevel === 1 ? 'was' : 'were'} judged line by line from git-ai notes.`, '');
  if (by === 'model' || by === 'agent') {
    out.push(tableText([by === 'model' ? 'Model' : 'Agent', 'Lines', 'Share'], ['---', '---:', '---:'], rows.map((r) => [markdownName(r.key), String(r.lines), percent(r.lines, totals.lines)])));
  } else if (rows.length > 0) {
    out.push(
      tableText(
        [by === 'dir' ? 'Directory' : by === 'author' ? 'Author' : 'File', 'Lines', 'AI', 'Human', 'AI %', 'Models'],
        ['---', '---:', '---:', '---:', '---:', '---'],
        rows.map((r) => [
          markdownName(r.key),
          String(r.lines),
          String(r.ai),
          String(r.human),
          percent(r.ai, r.lines),
          sortedCounts(r.byModel).map(([model, count]) => `${markdownName(model)} ${count}`).join(', '),
        ]),
      ),
    );
  }
  const models = sortedCounts(totals.byModel);
  if (models.length > 0 && by !== 'model') {
    out.push('', '#### By model', '', tableText(['Model', 'Lines', 'Share'], ['---', '---:', '---:'], models.map(([m, n]) => [markdownName(m), String(n), percent(n, totals.lines)])));
  }
  const notes = reportNotes(report);
  if (notes.length > 0) out.push('', ...notes.map((note) => `_${note.replace(/[_*`\\]/g, '\\$&')}_`));
  out.push(...markdownWarnings(report.warnings));
  const leftOut = leftOutByModel(report);
  if (leftOut.length > 0) out.push('', '#### AI lines left out as generated or vendored, by model', '', tableText(['Model', 'Lines'], ['---', '---:'], leftOut.map(([m, n]) => [markdownName(m), String(n)])));
  return `${out.join('\n')}\n`;
}

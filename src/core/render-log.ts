import { displayText } from './blame/format.js';
import { sanitize } from './sanitize.js';
import type { Identity, Trailer } from './types.js';

export interface LogEntry {
  sha: string;
  subject: string;
  author: Identity;
  ai: boolean;
  attributions: { agent: string; model: string; evidence: string[] }[];
  trailers: Trailer[];
  /** Only when git shows this commit other than stored (replace ref, graft) or a shallow clone's history is cut at it (row 827). */
  warnings?: string[];
}

/** One commit of the human-readable `aitrail log`: a block, evidence indented under each attribution. */
export function renderLogEntry(entry: LogEntry): string {
  const tag = entry.ai ? 'AI   ' : 'human';
  const lines = [
    // A subject's or name's own `\` before x, u, n, r or t as `\x5c` (displayText): its text `\x1b` never reads as ESC.
    `${entry.sha.slice(0, 12)} ${tag} ${displayText(entry.subject, 100)}`,
    `    author: ${displayText(entry.author.name, 200)} <${displayText(entry.author.email, 200)}>`,
  ];
  for (const attribution of entry.attributions) {
    lines.push(`    ${sanitize(attribution.agent)}:${sanitize(attribution.model)}`);
    for (const evidence of attribution.evidence) lines.push(`      - ${sanitize(evidence, { max: 300 })}`);
  }
  for (const warning of entry.warnings ?? []) lines.push(`    warning: ${sanitize(warning, { max: 2000 })}`);
  return `${lines.join('\n')}\n`;
}

/** The closing line of the text report (`No commits in range.` when there were none). */
export function renderLogSummary(commits: number, ai: number): string {
  if (commits === 0) return 'No commits in range.\n';
  return `\n${commits} commit${commits === 1 ? '' : 's'}, ${ai} AI-assisted, ${commits - ai} human.\n`;
}

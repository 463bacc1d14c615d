import { sanitize } from './sanitize.js';
import type { Identity, Trailer } from './types.js';

export interface LogEntry {
  sha: string;
  subject: string;
  author: Identity;
  ai: boolean;
  attributions: { agent: string; model: string; evidence: string[] }[];
  trailers: Trailer[];
}

/** Human-readable `aitrail log`: one block per commit, evidence indented under each attribution. */
export function renderLogText(entries: LogEntry[]): string {
  if (entries.length === 0) return 'No commits in range.\n';
  const lines: string[] = [];
  let ai = 0;
  for (const entry of entries) {
    if (entry.ai) ai += 1;
    const tag = entry.ai ? 'AI   ' : 'human';
    lines.push(`${entry.sha.slice(0, 12)} ${tag} ${sanitize(entry.subject, { max: 100 })}`);
    lines.push(`    author: ${sanitize(entry.author.name, { max: 200 })} <${sanitize(entry.author.email, { max: 200 })}>`);
    for (const attribution of entry.attributions) {
      lines.push(`    ${sanitize(attribution.agent)}:${sanitize(attribution.model)}`);
      for (const evidence of attribution.evidence) lines.push(`      - ${sanitize(evidence, { max: 300 })}`);
    }
  }
  lines.push('', `${entries.length} commit${entries.length === 1 ? '' : 's'}, ${ai} AI-assisted, ${entries.length - ai} human.`);
  return `${lines.join('\n')}\n`;
}

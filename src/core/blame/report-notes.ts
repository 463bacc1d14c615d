import type { BlameReport } from './types.js';

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/** `abc123def456 since 0123456789ab`, or what stands in for a missing commit. */
export function reportScope(report: BlameReport): string {
  if (report.rev === null) return 'no commit yet';
  return `${report.rev.slice(0, 12)}${report.since ? ` since ${report.since.slice(0, 12)}` : ''}`;
}

/**
 * What the numbers leave out and why, one sentence each, for the table and Markdown footers:
 * files left out by default (lockfiles, linguist-generated) and lines of unknown history in a
 * shallow clone (`--allow-shallow`). Holds no name from the repository (only counts and shas).
 */
export function reportNotes(report: BlameReport): string[] {
  const notes: string[] = [];
  const { lockfiles = 0, generated = 0 } = report.excluded ?? {};
  if (lockfiles + generated > 0) {
    const parts = [lockfiles > 0 ? plural(lockfiles, 'lockfile', 'lockfiles') : '', generated > 0 ? `${plural(generated, 'generated file', 'generated files')} (linguist-generated in .gitattributes)` : ''].filter(Boolean);
    notes.push(`Left out as not authored: ${parts.join(' and ')}. Name them with --include or blame.include to count them.`);
  }
  const cut = report.totals.shallowBoundary;
  if (cut !== undefined && cut > 0) {
    const where = (report.shallowCut ?? []).map((sha) => sha.slice(0, 12)).join(', ');
    notes.push(`Not counted: ${plural(cut, 'line', 'lines')} of unknown history: this shallow clone's history is cut at ${where || 'a boundary commit'} (git fetch --unshallow to count them).`);
  }
  return notes;
}

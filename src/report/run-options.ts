import { displayName } from '../core/blame/format.js';
import { DEFAULT_NOTES_REF } from '../core/notes/notes-ref.js';
import type { BlameRun } from './blame-report.js';

/**
 * How a report was asked for, as command-line options (`--since v1.0`, `-w`, `-- src`; trend's revisions and `--tags`), for the
 * HTML page's headline: each value as the user gave it, made safe for display.
 */
export function runOptions(run: BlameRun & { tags?: string; revs?: string[] }): string[] {
  const out: string[] = [];
  const pair = (flag: string, value: string | undefined) => value !== undefined && out.push(`${flag} ${displayName(value)}`);
  pair('--tags', run.tags);
  out.push(...(run.revs ?? []).map(displayName));
  pair('--rev', run.rev);
  pair('--since', run.since);
  out.push(...(run.gitFlags ?? []).map(displayName));
  for (const rev of run.ignoreRevs ?? []) pair('--ignore-rev', rev);
  for (const file of run.ignoreRevsFiles ?? []) pair('--ignore-revs-file', file === '' ? "''" : file);
  for (const glob of run.include ?? []) pair('--include', glob);
  for (const glob of run.exclude ?? []) pair('--exclude', glob);
  if (run.notes === false) out.push('--no-notes');
  if (run.notesRef !== undefined && run.notesRef !== DEFAULT_NOTES_REF) pair('--notes-ref', run.notesRef);
  if (run.allowShallow) out.push('--allow-shallow');
  if (run.blameLeftOut) out.push('--blame-left-out');
  if (run.giveBack === false) out.push('--no-give-back');
  pair('--config', run.config);
  if ((run.paths ?? []).length > 0) out.push('--', ...(run.paths ?? []).map(displayName));
  return out;
}

import type { LogEntry } from '../core/render-log.js';
import type { LogOptions } from '../report/log-report.js';
import { runEnd } from '../git/run-end.js';

/**
 * Every commit of the range (default: HEAD), newest first, with its attribution and evidence:
 * the array `aitrail log --format json` prints. Throws UsageError, ConfigError, GitError.
 */
export async function log(options: LogOptions): Promise<LogEntry[]> {
  const { logEntries } = await import('../report/log-report.js');
  const entries: LogEntry[] = [];
  try {
    for await (const entry of logEntries(options)) entries.push(entry);
  } finally {
    await runEnd();
  }
  return entries;
}

import type { CheckOptions, CheckReport } from '../enforce/check-report.js';
import { runEnd } from '../git/run-end.js';

/**
 * Judge the commits of a range against the policy read at `policyFrom`, else the range's base, or
 * `config`; a diverged `A...B` (both sides hold commits of their own) whose sides name no remote
 * default branch is judged by BOTH tips' committed policies (`policy` names both, `base` and
 * `otherBase` their commits), a finding either reports listed once, an error when either says so:
 * the object `aitrail check --format json` prints. `ok` is false when a violation is an error (the
 * CLI exits 1). Throws UsageError, ConfigError (either tip's policy unreadable), GitError,
 * ShallowHistoryError.
 */
export async function check(options: CheckOptions): Promise<CheckReport> {
  const { checkReport } = await import('../enforce/check-report.js');
  try {
    return await checkReport(options);
  } finally {
    await runEnd();
  }
}

import type { CheckOptions, CheckReport } from '../enforce/check-report.js';
import { runEnd } from '../git/run-end.js';

/**
 * Judge the commits of a range against the policy (one policy per repository: `policyFrom`, the
 * range's base, or `config`): the object `aitrail check --format json` prints. `ok` is false when
 * a violation is an error (the CLI exits 1). Throws UsageError, ConfigError, GitError,
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

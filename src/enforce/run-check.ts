import { renderVerdictGithub } from '../core/policy/render-github.js';
import { renderVerdictText } from '../core/policy/render-text.js';
import type { Verdict } from '../core/policy/verdict.js';
import { ExitCode } from '../core/exit-codes.js';
import { badRangeError } from '../git/bad-range.js';
import { GitError } from '../git/exec.js';
import { commitExists, locateRepo } from '../git/repo.js';
import { UsageError } from '../cli/errors.js';
import { shallowBoundary } from '../git/shallow.js';
import { resolveCheckRange } from './check-range.js';
import { judgeCommits } from './judge-commits.js';
import { enforceMessages } from './messages.js';
import { policySource } from './policy-source.js';

export type CheckFormat = 'text' | 'json' | 'github';

export interface CheckRun {
  range?: string | undefined;
  format: CheckFormat;
  config?: string | undefined;
  /** Read the policy as committed at this revision, whatever the range (`--policy-from`). */
  policyFrom?: string | undefined;
  cwd?: string;
  write?: (text: string) => void;
  warn?: (text: string) => void;
}

/** `check --format json`: the fixed fields first, then ours. */
export function checkJson(verdict: Verdict, extra: { range: string; base: string | null; policy: string }): string {
  const violations = verdict.violations.map(({ sha, rule, model, path, message, ...rest }) => ({ sha, rule, model, path, message, ...rest }));
  return `${JSON.stringify({ ok: verdict.ok, commits: verdict.commits, violations, ...extra }, null, 2)}\n`;
}

/**
 * `aitrail check [<range>]`: judge the range in one log pass against the policy committed at
 * `--policy-from`, else the range's base (see resolveCheckRange), or `--config`; history read as
 * stored (replace refs and grafts ignored). Exit 1 on any error-severity violation, 3 when a
 * shallow clone lacks the history or no range is given and no remote default branch is known.
 */
export async function runCheck(args: CheckRun): Promise<number> {
  const cwd = args.cwd ?? process.cwd();
  const write = args.write ?? ((text: string) => process.stdout.write(text));
  const warn = args.warn ?? ((text: string) => process.stderr.write(text));
  if (args.config !== undefined && args.policyFrom !== undefined) throw new UsageError('--config and --policy-from both name the policy: give one.');
  const repo = await locateRepo(cwd);
  const root = repo.root;
  if ((args.range === undefined || args.range === '') && !(await commitExists(root, 'HEAD'))) {
    write(args.format === 'json' ? checkJson({ ok: true, commits: 0, violations: [] }, { range: 'HEAD', base: null, policy: 'none' }) : 'aitrail: no commits yet: nothing to check.\n');
    return ExitCode.ok;
  }
  const shallow = await shallowBoundary(root);
  const range = await resolveCheckRange(root, args.range, args.policyFrom);
  if (range.missingBase !== undefined) {
    if (shallow) {
      warn(enforceMessages.shallowMissingBase(range.missingBase));
      return ExitCode.git;
    }
    throw new GitError(enforceMessages.unknownBase(range.missingBase), ['rev-parse'], 128, '');
  }
  const source = await policySource(root, { configFile: args.config, base: range.base });
  if (args.config === undefined && range.base === null) warn(enforceMessages.noBase(range.baseLabel));
  else warn(enforceMessages.policyFrom(source.description, args.config === undefined ? range.baseLabel : 'explicit'));
  const { verdict, cut } = await judgeCommits(root, range.revisions, source.loaded.config, { shallow }).catch((error: unknown) => {
    throw badRangeError(error, args.range || undefined) ?? error;
  });
  if (cut.length > 0) {
    warn(enforceMessages.shallowCut(cut[0] as string));
    return ExitCode.git;
  }
  if (args.format === 'json') write(checkJson(verdict, { range: range.label, base: range.base, policy: source.description }));
  else if (args.format === 'github') write(renderVerdictGithub(verdict));
  else write(renderVerdictText(verdict));
  return verdict.ok ? ExitCode.ok : ExitCode.violation;
}

import { strictestOf, verdictOf, type Verdict } from '../core/policy/verdict.js';
import type { Violation } from '../core/policy/types.js';
import type { Config } from '../core/types.js';
import { badRangeError } from '../git/bad-range.js';
import { assertRangeNamesCommits } from '../git/range-commits.js';
import { GitError } from '../git/exec.js';
import { locateRepo } from '../git/repo.js';
import { promisorFetchFailure } from '../git/partial-clone.js';
import { resolveCommit } from '../git/resolve-commit.js';
import { shallowBoundary } from '../git/shallow.js';
import { UsageError } from '../errors/usage-error.js';
import { ShallowHistoryError } from '../report/shallow-history-error.js';
import { resolveCheckRange } from './check-range.js';
import { judgeCommits } from './judge-commits.js';
import { enforceMessages } from './messages.js';
import { policySource } from './policy-source.js';

export interface CheckOptions {
  /** Directory to run in (inside the repository); `--config` is relative to it. */
  cwd: string;
  /** Revision range; default: the commits not on the remote's default branch. */
  range?: string | undefined;
  /** Policy file instead of the config committed at the range's base. */
  config?: string | undefined;
  /** Read the policy as committed at this revision, whatever the range (`--policy-from`). */
  policyFrom?: string | undefined;
  /** Where the policy was read from, and notes (the CLI prints them on stderr). */
  onWarning?: (message: string) => void;
}

/** What `check --format json` prints (DESIGN.md's fixed fields first, then ours). */
export interface CheckReport extends Verdict {
  /** What was judged, e.g. `origin/main..HEAD` or `HEAD --not refs/remotes/origin/HEAD`. */
  range: string;
  /** The commit the policy was read at; null when none was (the work tree's, or `--config`). */
  base: string | null;
  /** The commit the second policy was read at when a diverged `A...B` is judged by both tips' policies (B's tip); else null. */
  otherBase: string | null;
  /** Where the policy came from, for people (`<A's> and <B's>` when a diverged `A...B` is judged by both tips' policies). */
  policy: string;
}

function report(verdict: Verdict, extra: { range: string; base: string | null; otherBase: string | null; policy: string }): CheckReport {
  const violations = verdict.violations.map(({ sha, rule, model, path, message, ...rest }) => ({ sha, rule, model, path, message, ...rest }) as Violation);
  return { ok: verdict.ok, commits: verdict.commits, violations, ...extra };
}

/** `policy` of the report of a repository with no commit yet (nothing judged, no policy read). */
export const NO_COMMITS_POLICY = 'none';

const oneMessage = (text: string) => text.replace(/^aitrail: /, '').replace(/\n$/, '');

/**
 * Judge the commits of a range against the policy committed at `--policy-from`, else the range's
 * base (see resolveCheckRange), or `--config`; history read as stored (replace refs and grafts
 * ignored). Never prints: throws UsageError (bad input), GitError (unknown revision, no remote
 * default branch) and ShallowHistoryError (a shallow clone lacking the history), all with what to do.
 */
export async function checkReport(options: CheckOptions): Promise<CheckReport> {
  try {
    return await judgedReport(options);
  } catch (error) {
    // A partial clone that cannot fetch what it never downloaded: said as that (exit 3), not as a missing commit.
    const failure = error instanceof ShallowHistoryError ? null : promisorFetchFailure(error);
    if (failure === null) throw error;
    throw new GitError(enforceMessages.partialCloneCheck(failure), (error as GitError).args ?? [], 128, (error as GitError).stderr ?? '', { cause: error });
  }
}

async function judgedReport(options: CheckOptions): Promise<CheckReport> {
  const warn = options.onWarning ?? (() => {});
  if (options.config !== undefined && options.policyFrom !== undefined) throw new UsageError('--config and --policy-from both name the policy: give one.');
  const { root, bare, shallow: shallowAnswer } = await locateRepo(options.cwd);
  if ((options.range === undefined || options.range === '') && (await resolveCommit(root, 'HEAD')) === null) {
    // Nothing to judge, but an invalid config still fails as it does with commits (exit 2), not `ok`.
    await policySource(root, { configFile: options.config, base: null, ...(bare ? {} : { cwd: options.cwd }) });
    return report({ ok: true, commits: 0, violations: [] }, { range: 'HEAD', base: null, otherBase: null, policy: NO_COMMITS_POLICY });
  }
  const shallow = await shallowBoundary(root, shallowAnswer);
  const range = await resolveCheckRange(root, options.range, options.policyFrom);
  if (range.missingBase !== undefined) {
    if (shallow) throw new ShallowHistoryError(oneMessage(enforceMessages.shallowMissingBase(range.missingBase)), []);
    throw new GitError(enforceMessages.unknownBase(range.missingBase), ['rev-parse'], 128, '');
  }
  if (options.config !== undefined) {
    const { refuseJudgedConfig } = await import('./config-judged.js');
    await refuseJudgedConfig(root, options.cwd, options.config, range.revisions);
  }
  // The folders between the root and the working directory: a work tree's (a bare repository's are its refs and objects, a branch named `aitrail.yml` no config).
  const source = await policySource(root, { configFile: options.config, base: range.base, ...(bare ? {} : { cwd: options.cwd }) });
  if (options.config === undefined && range.base === null) warn(enforceMessages.noBase(range.baseLabel));
  else warn(enforceMessages.policyFrom(source.description, options.config === undefined ? range.baseLabel : 'explicit'));
  const said = new Set<string>();
  const onWarning = (message: string) => {
    said.add(message);
    warn(`aitrail: warning: ${message}\n`);
  };
  // The second policy's judgement reads the same notes and says again much of what the first said: its own warnings only.
  const secondWarning = (message: string) => {
    if (!said.has(message)) onWarning(message);
  };
  if (options.config === undefined) for (const file of source.loaded.misnamed ?? []) onWarning(enforceMessages.misnamedConfig(file));
  const judge = (config: Config, warned: (message: string) => void) =>
    judgeCommits(root, range.revisions, config, { shallow, onWarning: warned }).catch((error: unknown) => {
      throw badRangeError(error, options.range || undefined) ?? error;
    });
  let { verdict, cut } = await judge(source.loaded.config, onWarning);
  // A file or tree where a commit is wanted (`HEAD~1..HEAD:f`): git walks nothing and the check would pass (row 1193). Asked only then.
  if (verdict.commits === 0 && options.range !== undefined && options.range !== '') await assertRangeNamesCommits(root, ['--end-of-options', options.range], options.range);
  // `A...B` whose sides both hold commits of their own: either tip may be the target branch (the
  // other's own policy is one its judged commits chose), so a policy B's tip commits otherwise is
  // judged by too; a violation under either counts.
  const other = options.config === undefined && range.otherTip !== undefined ? await otherPolicy(root, range.otherTip, range.otherLabel ?? range.otherTip, source.loaded.config, range.otherWhy) : null;
  if (other?.config !== undefined) warn(enforceMessages.policyFrom(other.description, other.label));
  // A file at B's tip meant as its config and read by nothing is said as A's is, under the policy line it concerns (the same file at both tips once).
  for (const file of other?.misnamed ?? []) secondWarning(enforceMessages.misnamedConfig(file));
  if (other?.config !== undefined) {
    const second = await judge(other.config, secondWarning);
    // One list whichever side the range names first (its walk is the same: check-range): the
    // judgement by the policy of the tip of the lower object id first, its findings and words first.
    const byTip = (range.base as string) < (range.otherTip as string) ? [verdict.violations, second.verdict.violations] : [second.verdict.violations, verdict.violations];
    verdict = verdictOf(verdict.commits, strictestOf(byTip));
    cut = [...cut, ...second.cut];
  }
  if (cut.length > 0) throw new ShallowHistoryError(oneMessage(enforceMessages.shallowCut(cut[0] as string)), cut);
  // A refusal whose range and policy aitrail chose (no range base, no --policy-from or --config), in a
  // clone with several remotes: a refused commit another remote's default branch holds may be the
  // project's own, judged because the fork cloned as origin is stale (the by-hand fork workflow, no
  // gh mark). Said, never decided: which remote is the project no name or history tells safely.
  if (!verdict.ok && options.config === undefined && options.policyFrom === undefined && !(options.range ?? '').includes('..')) {
    const { projectRemoteHint } = await import('./project-remote-hint.js');
    const hint = await projectRemoteHint(root, verdict.violations.filter((violation) => violation.severity === 'error').map((violation) => violation.sha));
    if (hint !== null) warn(hint);
  }
  const both = other?.config !== undefined;
  return report(verdict, { range: range.label, base: range.base, otherBase: both ? (range.otherTip as string) : null, policy: both ? `${source.description} and ${other.description}` : source.description });
}

/**
 * The policy `otherTip` commits, when it is not `config` (`config` undefined when it is the same),
 * and the files there meant as a config that aitrail does not read. One that cannot be loaded is
 * an error (ConfigError, exit 2), as the left tip's is: either may be the target branch's, and
 * dropping it would leave the range judged by a policy its judged side chose.
 */
async function otherPolicy(
  root: string,
  otherTip: string,
  otherLabel: string,
  config: Config,
  why = 'both sides of the range hold commits the other lacks, so either may be the target branch',
): Promise<{ config?: Config; description: string; label: string; misnamed: NonNullable<Awaited<ReturnType<typeof policySource>>['loaded']['misnamed']> }> {
  const { sameConfig } = await import('./policy-memory.js');
  const other = await policySource(root, { base: otherTip });
  const misnamed = other.loaded.misnamed ?? [];
  const label = `${otherLabel} as well: ${why}`;
  return sameConfig(config, other.loaded.config) ? { description: other.description, label, misnamed } : { config: other.loaded.config, description: other.description, label, misnamed };
}

import { commitSignals } from '../core/commit-signals.js';
import { detectCommit, type DetectOptions } from '../core/detect.js';
import { mergeAttributions } from '../core/detect/merge.js';
import type { Attribution } from '../core/types.js';
import { loweredCap } from '../git/commit-size.js';
import { envLimit, MERGED_READS } from '../io/env-limits.js';
import { GitError } from '../git/exec.js';
import { streamCommits } from '../git/log.js';

/**
 * A merge's attribution that only a description's footer supports (`🤖 Generated with [Claude Code](…)`
 * in the body GitHub's merge button writes under "Pull request title and description"): an agent,
 * no model, read only from message lines (no trailer, co-author line, identity, note or environment).
 */
function footerOnly(attribution: Attribution): boolean {
  return attribution.agent !== 'unknown' && attribution.model === 'unknown' && !attribution.declared && attribution.unread !== true && attribution.evidence.length > 0 && attribution.evidence.every((why) => why.startsWith('message line '));
}

/** A model named in full (not `unknown`, not a vendor alone). */
const known = (model: string) => model !== 'unknown' && !model.endsWith('/unknown');

/**
 * A report's bound on its merge-footer walks (row 1132): merged commits read so far by all of them, the most they may
 * read (set by the caller before each merge), whether a walk stopped at it; and their count of large message
 * bytes with its bound (streamCommits' largeTogether), one for all the walks.
 */
export interface MergedReads {
  read: number;
  most: number;
  /** Why the last walk stopped short: the commits it may read, or a merged commit's large message left unread (row 1107). */
  cut?: 'commits' | 'bytes';
  /** The bound was reached: no later merge of the run is walked. */
  spent?: boolean;
  /**
   * Asked once, when the bound is first reached: whether it could be raised (row 1145: `log` raises it to the whole
   * range's count, so a merge of an older branch, read before `log` lists its commits, is credited whatever the order).
   */
  widen?: () => Promise<boolean>;
  /** Without it (check, pre-push, pre-receive: rows 943, 1107 bound their own reads), merged messages are read whole. */
  largeTogether?: number;
  largeRead?: { bytes: number };
}

export { MERGED_READS } from '../io/env-limits.js';

/** MERGED_READS, or AITRAIL_MERGED_READS (row 1168: a server merging long-lived branches raises it), as AITRAIL_SIZE_CAPS_DIVISOR lowers it (row 1073). */
export function mergedReadsBound(): number {
  return Math.max(1, loweredCap(envLimit('AITRAIL_MERGED_READS') ?? MERGED_READS));
}

/** Whether the bound of `reads`, reached, was raised (asked once a run). */
async function widened(reads: MergedReads): Promise<boolean> {
  const widen = reads.widen;
  if (widen === undefined) return false;
  delete reads.widen;
  return (await widen()) && reads.read < reads.most;
}

/**
 * A merge commit's footer-only `agent:unknown` (footerOnly) names the work it merges, not the merge:
 * when the commits it brings in (`parents[1..] --not parents[0]`) name that agent's models, the footer
 * is those models (`fold`: check, pre-push, pre-receive judge the merge's own changes by them) or
 * nothing of the merge (`drop`: `log` counts the AI commits once, the merged ones). A footer whose
 * agent no merged commit names with a model stays as it is (the footer is then the only evidence of
 * the AI work, as a squash merge's is); trailers, notes, identities and the environment are never touched.
 */
export async function mergeFooters(repoDir: string, parents: readonly string[], attributions: Attribution[], detect: DetectOptions, mode: 'fold' | 'drop', reads: MergedReads): Promise<Attribution[]> {
  if (parents.length < 2) return attributions;
  const agents = new Set(attributions.filter(footerOnly).map((attribution) => attribution.agent));
  if (agents.size === 0) return attributions;
  // Once reached the bound stays reached for the run: a walk allowed a commit or two each time started a git process per merge.
  // Every caller (check, pre-push, pre-receive, log) gives the run's bound, the only one (row 1168: a per-merge bound of
  // 5,000 left a bigger merge's footer `unknown` without a word).
  if (reads.spent === true || (reads.read >= reads.most && !(await widened(reads)))) {
    reads.spent = true;
    reads.cut = 'commits';
    return attributions;
  }
  const declared = new Map<string, Map<string, { declared: boolean; sha: string }>>();
  try {
    const bound = { largeTogether: reads.largeTogether, largeRead: reads.largeRead };
    for await (const commit of streamCommits(repoDir, [...parents.slice(1), '--not', parents[0]!], bound)) {
      // Past the report's bound the footer stays as read (AI of that agent, model unknown: fail closed), and the caller says so.
      if (reads.read++ >= reads.most && !(await widened(reads))) {
        reads.spent = true;
        reads.cut = 'commits';
        return attributions;
      }
      // A merged commit left unread (its message past the walks' bound): what it names is not known, the footer may stay.
      if (commit.tooLarge?.part === 'together') reads.cut = 'bytes';
      for (const found of detectCommit(commitSignals(commit), detect)) {
        if (!agents.has(found.agent) || !known(found.model)) continue;
        const models = declared.get(found.agent) ?? new Map<string, { declared: boolean; sha: string }>();
        declared.set(found.agent, models);
        const seen = models.get(found.model);
        if (seen === undefined || (!seen.declared && found.declared)) models.set(found.model, { declared: found.declared, sha: commit.sha });
      }
    }
  } catch (error) {
    // A shallow clone cut at the merge (its merged parents missing): nothing is known of them, the footer stays as read.
    if (error instanceof GitError) return attributions;
    throw error;
  }
  const result = attributions.flatMap((attribution) => {
    const models = footerOnly(attribution) ? declared.get(attribution.agent) : undefined;
    if (models === undefined) return [attribution];
    if (mode === 'drop') return [];
    return [...models].map(([model, { declared: isDeclared, sha }]) => ({
      ...attribution,
      model,
      declared: isDeclared,
      evidence: [...attribution.evidence, `merged commit ${sha.slice(0, 12)} names ${attribution.agent}:${model}`],
    }));
  });
  return mode === 'fold' ? mergeAttributions(result) : result;
}

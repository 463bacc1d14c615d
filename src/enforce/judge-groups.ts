import { mergeVerdicts, verdictOf, type Verdict } from '../core/policy/verdict.js';
import { judgeCommits, judgedBytes } from './judge-commits.js';
import { policyKey, type PolicySource } from './policy-source.js';
import { GitError } from '../git/exec.js';
import { notesTip, notesTips } from '../git/notes.js';
import { DEFAULT_NOTES_REF } from '../core/notes/notes-ref.js';
import { QWEN_NOTES_REF } from '../core/notes/qwen-attribution.js';

/**
 * The notes commits every group reads, resolved ONCE for all of them (a push of 200 updated refs is
 * 200 groups: two for-each-ref each otherwise). Read as judgeCommits' own readers would: refs/notes/ai
 * as stored, an error failing the judgement; Qwen Code's ref unreadable reading as no notes. '' is
 * "no notes" (the readers read nothing for it).
 */
async function sharedNotesTips(repoDir: string, options: { notesTip?: string; qwenNotesTip?: string }): Promise<{ notesTip: string; qwenNotesTip: string }> {
  // Both asked in one for-each-ref (as judgeCommits asks them); any git error asks each apart below, as before.
  if (options.notesTip === undefined && options.qwenNotesTip === undefined) {
    try {
      const [notes, qwen] = await notesTips(repoDir, [DEFAULT_NOTES_REF, QWEN_NOTES_REF], { asStored: true });
      return { notesTip: notes || '', qwenNotesTip: qwen || '' };
    } catch (error) {
      if (!(error instanceof GitError)) throw error;
    }
  }
  const notes = options.notesTip ?? ((await notesTip(repoDir, DEFAULT_NOTES_REF, { asStored: true })) || '');
  let qwen = options.qwenNotesTip;
  if (qwen === undefined) {
    try {
      qwen = (await notesTip(repoDir, QWEN_NOTES_REF, { asStored: true })) || '';
    } catch (error) {
      if (!(error instanceof GitError)) throw error;
      qwen = '';
    }
  }
  return { notesTip: notes, qwenNotesTip: qwen };
}

const NO_WALK_BATCH = 2000;

/** Commits to judge under one policy: everything reachable from `tips` and not from `exclude`. */
export interface JudgedSet {
  source: PolicySource;
  tips: string[];
  /** Revision arguments after `--not` (object ids, `--remotes=<name>`, `--all`). */
  exclude: string[];
  /** Judge the tips themselves only, not their history (`--no-walk`: commits whose note a push changes). */
  noWalk?: boolean;
  /**
   * Only what these commits wrote counts (violations naming them): the range is walked to find where
   * their lines sit now (a push bringing their notes after later commits moved those lines), the
   * commits themselves being judged by another set.
   */
  writers?: string[];
}

/**
 * Judge several sets of commits, merging the sets that share the same policy text AND the same
 * exclusions (e.g. every new branch of a push: `--not --remotes=origin`), so that they cost ONE
 * `git log` pass. Sets with different exclusions are never pooled: `A B --not oldA oldB` would
 * hide from A's judgement the commits A gains that oldB already holds.
 */
export async function judgeSets(
  repoDir: string,
  sets: readonly JudgedSet[],
  shallow: Set<string> | null,
  options: { notesTip?: string; qwenNotesTip?: string } = {},
): Promise<{ verdict: Verdict; cut: string[]; sources: string[] }> {
  const groups = new Map<string, JudgedSet>();
  for (const set of sets) {
    const key = JSON.stringify([policyKey(set.source), [...new Set(set.exclude)].sort(), set.noWalk === true, set.writers ?? null]);
    const group = groups.get(key);
    if (!group) groups.set(key, { ...set, tips: [...set.tips], exclude: [...set.exclude] });
    else group.tips.push(...set.tips);
  }
  const verdicts: Verdict[] = [];
  const cut: string[] = [];
  // Every commit judged, once: a commit two groups judge (two refs gaining it) is one commit of the report.
  const judgedCommits = new Set<string>();
  // One group (the common push) looks its notes up itself, as before; several share one look-up.
  const notesTips = groups.size > 1 || [...groups.values()].some((group) => group.noWalk && group.tips.length > NO_WALK_BATCH) ? await sharedNotesTips(repoDir, options) : options;
  // Commits a walking group judged in full (no `writers` filter), by policy: a noted commit among them is not judged again by itself.
  const walked = new Map<string, Set<string>>();
  // The budgets of a range's work are the push's (row 1055): every group and batch spends from the same.
  const spent = judgedBytes();
  for (const group of groups.values()) {
    const key = policyKey(group.source);
    let all = [...new Set(group.tips)];
    // A commit whose note the push brings is judged again with --no-walk. Without path rules a commit's
    // judgement is its own (its message, paths, parents' footers and notes, all read from the same notes
    // commits in every group), so one that a walk of this push under the same policy judged already
    // would give the same violations again, which mergeVerdicts merges: its git processes are spared
    // (a branch pushed with its notes: every noted commit). Under path rules the lines judged depend on
    // the range (its boundary, its links): judged again as before.
    if (group.noWalk && (group.source.loaded.config.policy?.paths?.length ?? 0) === 0) {
      const judged = walked.get(key);
      if (judged !== undefined) all = all.filter((sha) => !judged.has(sha));
      if (all.length === 0) continue;
    }
    // Commits judged one by one (no walk) come by the thousand (a first notes push): a command line each.
    for (let start = 0; start < all.length; start += group.noWalk ? NO_WALK_BATCH : all.length) {
      const tips = group.noWalk ? all.slice(start, start + NO_WALK_BATCH) : all;
      const revisions = group.noWalk ? ['--no-walk', ...tips] : [...tips, '--not', ...new Set(group.exclude)];
      const judgement = await judgeCommits(repoDir, revisions, group.source.loaded.config, { shallow, ...notesTips, spent });
      const writers = group.writers === undefined ? null : new Set(group.writers);
      verdicts.push(writers ? verdictOf(0, judgement.verdict.violations.filter((violation) => writers.has(violation.sha))) : judgement.verdict);
      cut.push(...judgement.cut);
      for (const sha of judgement.judged) judgedCommits.add(sha);
      if (!group.noWalk && writers === null) {
        const judged = walked.get(key) ?? new Set<string>();
        for (const sha of judgement.judged) judged.add(sha);
        walked.set(key, judged);
      }
    }
  }
  // One finding two groups report (a commit two refs gain, judged in ranges of other boundaries) is one violation (strictestOf).
  return { verdict: mergeVerdicts(verdicts, judgedCommits.size), cut, sources: [...groups.values()].map((group) => group.source.description) };
}

import { compilePolicy } from '../core/policy/compile-policy.js';
import { evaluateCommit } from '../core/policy/evaluate.js';
import type { RangeCommit } from '../core/policy/blame-starts.js';
import { protection } from '../core/policy/landed-lines.js';
import { pathsTakenWhole } from '../core/policy/merge-taken.js';
import { mergedInBy, type RangeNode } from '../core/policy/merged-in.js';
import { mergedInFix } from '../core/policy/messages.js';
import type { CommitFacts, Violation } from '../core/policy/types.js';
import { verdictOf, type Verdict } from '../core/policy/verdict.js';
import type { Config } from '../core/types.js';
import { detectOptionsOf } from '../config/defaults.js';
import { openCommitNotes } from '../notes/commit-notes.js';
import { notesTips } from '../git/notes.js';
import { DEFAULT_NOTES_REF } from '../core/notes/notes-ref.js';
import { QWEN_NOTES_REF } from '../core/notes/qwen-attribution.js';
import { openQwenNotes } from '../notes/qwen-notes.js';
import type { LinkChange } from './judge-links.js';
import { commitsReadAsStored } from '../git/raw-message.js';
import { COMMIT_BYTES_CAP, commitTooLarge, LARGE_COMMIT_BYTES, loweredCap, RANGE_LARGE_BYTES_CAP, revisionShas } from '../git/commit-size.js';
import { readCommitFacts } from './read-commit-facts.js';
import { deniesGlobally, launderedTwins, type PersonCommit, refusedEverywhere } from './laundered-twins.js';
import { GitError } from '../git/exec.js';
import { rangeRecords, unlistedHugeCommits } from './unlisted-huge.js';
import { enforceMessages } from './messages.js';
import { mergeFooters, type MergedReads, mergedReadsBound } from './merge-footers.js';

/** Root commits show their files whatever `log.showRoot` says, paths stay root-relative whatever `diff.relative` says, and `log.showSignature` cannot mix gpg output into the records. */
const LOG_EXTRA = ['--root', '--no-relative', '--no-show-signature'];

/**
 * An AI merge as the path rules judge it: the protected files it took whole from a merged side
 * (a clean `git merge main` into an agent's branch brings main's people's lines) are not its
 * changes; the commits that wrote them are judged on their own. Other commits as they are.
 */
async function ownPathsOfMerge(repoDir: string, parents: readonly string[], facts: CommitFacts, isProtected: (path: string) => boolean): Promise<CommitFacts> {
  if (parents.length < 2 || facts.attributions.length === 0) return facts;
  const candidates = facts.paths.filter(isProtected);
  if (candidates.length === 0) return facts;
  const { readMergeShape } = await import('../git/merge-shape.js');
  const { shape, objectAt } = await readMergeShape(repoDir, facts.sha, parents, candidates, { asStored: true });
  const taken = pathsTakenWhole(candidates, shape, objectAt);
  return taken.size === 0 ? facts : { ...facts, paths: facts.paths.filter((path) => !taken.has(path)) };
}

/** Each refused commit that a merge of its branch's own line brought in from another branch: its fix says so (a commit's own violations, not its lines that later landed elsewhere). */
function withMergedIn(violations: Violation[], nodes: readonly RangeNode[], mergeSubjects: ReadonlyMap<string, string>): Violation[] {
  if (mergeSubjects.size === 0 || violations.length === 0) return violations;
  const brought = mergedInBy(nodes);
  return violations.map((violation) => {
    const merge = violation.lines === undefined ? brought.get(violation.sha) : undefined;
    return merge === undefined ? violation : { ...violation, fix: mergedInFix(violation.fix, merge, mergeSubjects.get(merge) ?? '') };
  });
}

export interface Judgement {
  verdict: Verdict;
  /** Judged commits whose parents a shallow clone lacks (the history is cut there). */
  cut: string[];
  /** Every commit judged, in the order git listed them. */
  judged: string[];
}

/**
 * What one run's judgements have spent of the budgets bounding a range's work (RANGE_LARGE_BYTES_CAP's
 * large commits, the `-C -C -C` blames' tree bytes): one for every range a push's refs are judged in
 * (row 1055: each range began at nothing, so a push updating a hundred branches read a hundred budgets).
 */
export interface JudgedBytes {
  largeCommits: { bytes: number };
  copyBlames: { bytes: number };
  /** What the blames of protected files are estimated to search (row 1092: spendBlameBudget). */
  lineBlames: { bytes: number };
  /**
   * The merged commits the merge-footer walks read (row 1154: chained merges, each bringing in every earlier one, made
   * the walks quadratic: 500 merges cost 12.6 s of CPU, 2,000 more than 120 s): MERGED_READS beyond the commits the run judges.
   */
  mergedReads: MergedReads;
}

/** Nothing spent yet: one per run (a `check`, a hook), never shared between runs. */
export function judgedBytes(): JudgedBytes {
  return { largeCommits: { bytes: 0 }, copyBlames: { bytes: 0 }, lineBlames: { bytes: 0 }, mergedReads: { read: 0, most: mergedReadsBound() } };
}

/**
 * Judge every commit of `revisions` (git rev-list arguments, e.g. `['A..B']` or
 * `['L', '--not', '--remotes=origin']`) against `config`'s policy in ONE `git log` pass. When
 * the policy has path rules and the range changes protected files, those rules also judge the
 * lines the range brings into them, whoever moved, copied or merged them there
 * (judge-landed-lines); `notesTip` the notes commit to read instead of refs/notes/ai's (a push that brings notes),
 * `qwenNotesTip` instead of refs/notes/ai-attribution's.
 */
export async function judgeCommits(
  repoDir: string,
  revisions: string[],
  config: Config,
  options: { shallow?: Set<string> | null; notesTip?: string; qwenNotesTip?: string; onWarning?: (message: string) => void; spent?: JudgedBytes } = {},
): Promise<Judgement> {
  const detect = detectOptionsOf(config);
  const policy = compilePolicy(config.policy, { trailerKey: detect.trailerKey });
  const byLines = policy.paths.length > 0;
  const violations: Violation[] = [];
  const cut: string[] = [];
  // Path rules by lines: the range's commits, their boundary, the protected files they change.
  const range = new Map<string, RangeCommit>();
  const parents = new Set<string>();
  const attributed = new Map<string, CommitFacts>();
  const isProtected = protection(policy);
  let protectedChanged = false;
  // Symbolic links the range makes: within reach of a path rule they show unjudged lines at protected paths (judge-links).
  const links: LinkChange[] = [];
  // The AI commits as the path rules judge their own changes (a merge less what it took whole): for the links already there (judge-link-targets).
  const ownChanges: CommitFacts[] = [];
  // Each commit's changed paths, for files links already there show at protected paths (linkShownPolicy).
  const changedPaths = new Map<string, readonly string[]>();
  // AI commits refused already for what a link shows of their own changes: their files are not blamed again for it (a 4,000-file commit behind a link to the top).
  const shownRefused = new Set<string>();
  // The range's commits no global rule refuses (rows 1056, 1079, 1080).
  const people: PersonCommit[] = [];
  let commits = 0;
  // The range's shape, to say through which merge a refused commit of another branch came in.
  const nodes: RangeNode[] = [];
  const mergeSubjects = new Map<string, string>();
  // git-ai notes as stored in this repository's refs/notes/ai ADD the models they name (a denied
  // model in a note is a violation though the message is silent); they never remove one.
  // Neither tip given (check, pre-push): both refs looked up in one git process ('' for none, as openCommitNotes and openQwenNotes read it).
  const tips = options.notesTip === undefined && options.qwenNotesTip === undefined ? (await notesTips(repoDir, [DEFAULT_NOTES_REF, QWEN_NOTES_REF], { asStored: true })).map((tip) => tip ?? '') : [options.notesTip, options.qwenNotesTip];
  const notesAt = tips[0] === undefined ? {} : { tip: tips[0] };
  // A commit object of tens of megabytes (a message, a mergetag header) is refused before any reading holds it (row 943).
  // The range's commits listed once (as stored) for both readings (row 1003: git rev-list ran twice), by `git rev-list`,
  // which keeps no commit's text: the `git log --boundary` of row 857's bound holds every commit of the range in memory
  // while it walks (40 commits of 15 MiB messages, a 2 MB pack: 620 MB at the server), so it runs only once the sizes
  // pass (row 1069: session 52 had it list the range for all three, before the sizes were read).
  const listed = { shas: await revisionShas(repoDir, revisions, { asStored: true }) };
  // Counted across the run's ranges (a push's refs judged apart: row 1055), not afresh for each.
  const spent = options.spent ?? judgedBytes();
  // The caps as AITRAIL_SIZE_CAPS_DIVISOR lowers them (row 1073), read once for this judgement.
  const commitCap = loweredCap(COMMIT_BYTES_CAP);
  const rangeCap = loweredCap(RANGE_LARGE_BYTES_CAP);
  const huge = await commitTooLarge(repoDir, listed, commitCap, { asStored: true }, rangeCap, spent.largeCommits);
  if (huge?.together === true) throw new GitError(enforceMessages.rangeTooLarge(huge.sha, huge.size, rangeCap, loweredCap(LARGE_COMMIT_BYTES)), ['rev-list'], null, '');
  if (huge) throw new GitError(enforceMessages.commitTooLarge(huge.sha, huge.size, commitCap), ['rev-list'], null, '');
  // The merge-footer walks' bound grows by the commits judged, all counted before any walk: a merge's credit does not depend on the order (row 1145).
  spent.mergedReads.most += listed.shas.length;
  // Commits git shows otherwise than stored (a NUL byte, an author line it cannot split): read as stored too.
  const stored = await commitsReadAsStored(repoDir, listed);
  // A note of any schema_version is read (git-ai's stats reads one; its blame only authorship/3.0.0): reading more cannot hide a model.
  const notes = await openCommitNotes(repoDir, { asStored: true, aliases: detect.detect.aliases, onWarning: options.onWarning, schemas: 'any', refuseTwins: true, ...notesAt });
  // Qwen Code's attribution notes (refs/notes/ai-attribution, as stored here) ADD its model too.
  const qwenNotes = await openQwenNotes(repoDir, { asStored: true, aliases: detect.detect.aliases, ...(tips[1] === undefined ? {} : { tip: tips[1] }) });
  try {
    // git lists a commit's changed files all at once: a commit of tens of millions of them is refused before it is listed (row 857),
    // unless no path rule is there and it names no AI anywhere: then it is read without its files (row 925).
    const unlisted = await unlistedHugeCommits(repoDir, revisions, { byLines, detect, stored, notes, qwenNotes, extra: LOG_EXTRA });
    for await (const commit of rangeRecords(repoDir, revisions, { paths: true, links: byLines, extra: LOG_EXTRA, asStored: true, whole: true }, unlisted)) {
      commits += 1;
      nodes.push({ sha: commit.sha, parents: commit.parents });
      if (options.shallow?.has(commit.sha)) cut.push(commit.sha);
      // What the stored bytes name counts too (an encoding git cannot read them by, a NUL byte, a broken author line).
      const facts = await readCommitFacts(repoDir, commit, detect, stored);
      if (commit.parents.length > 1) mergeSubjects.set(commit.sha, facts.subject);
      facts.attributions = await qwenNotes.add(commit.sha, await notes.addCounted(commit.sha, commit.parents[0] ?? null, facts.attributions, facts.paths));
      // A pull request description's agent footer on a merge names the merged commits' declared models, not an unknown one (merge-footers).
      if (commit.parents.length > 1) facts.attributions = await mergeFooters(repoDir, commit.parents, facts.attributions, detect, 'fold', spent.mergedReads);
      // Past the walks' bound (row 1154) the footer would stay `unknown`, which a policy may let pass (unknownModel: warn)
      // where the merged commits' models are refused: the range is refused unjudged (fail closed), never passed.
      if (spent.mergedReads.cut === 'commits') throw new GitError(enforceMessages.mergedReadsSpent(commit.sha, spent.mergedReads.most, mergedReadsBound()), ['rev-list'], null, '');
      const judged = byLines ? await ownPathsOfMerge(repoDir, commit.parents, facts, isProtected) : facts;
      const own = evaluateCommit(judged, policy);
      violations.push(...own);
      // A commit no global rule refuses (a person's, an allowed model's, a merge): a twin of a refused one the refs hold is looked for below (rows 1056, 1079, 1080).
      if (!refusedEverywhere(own)) people.push({ sha: commit.sha, subject: facts.subject, paths: facts.paths, parents: commit.parents });
      if (!byLines) continue;
      const protectedPaths = facts.paths.filter(isProtected);
      changedPaths.set(commit.sha, facts.paths);
      protectedChanged ||= protectedPaths.length > 0;
      range.set(commit.sha, { firstParent: commit.parents[0], merged: commit.parents.slice(1), protectedPaths });
      for (const parent of commit.parents) parents.add(parent);
      if (facts.attributions.length > 0) {
        attributed.set(facts.sha, facts);
        ownChanges.push(judged);
      }
      for (const made of commit.links ?? []) links.push({ facts, parents: commit.parents, ...made });
    }
    // A tree a checkout reads otherwise than git's lookups (a name given twice, entries out of order):
    // blame would read one file at a protected path and a clone write another. Fail closed.
    const touching = [...range].filter(([, commit]) => commit.protectedPaths.length > 0).map(([sha, commit]) => ({ commit: sha, paths: commit.protectedPaths }));
    if (touching.length > 0) {
      const { malformedTrees } = await import('../git/malformed-trees.js');
      const [malformed] = await malformedTrees(repoDir, touching, { asStored: true });
      if (malformed) throw new GitError(enforceMessages.malformedTree(malformed.commit, malformed.dir, malformed.fault), ['cat-file'], null, '');
    }
    // Links the range makes may stand on the way of a link already there (a chain made in the same push as the change it shows).
    const madeLinks = links.filter((link) => link.submodule !== true).map((link) => ({ path: link.path, oid: link.blob }));
    if (links.length > 0) {
      const { judgeLinks } = await import('./judge-links.js');
      violations.push(...(await judgeLinks(repoDir, links, policy)));
    }
    if (ownChanges.length > 0) {
      // Links already there when the range starts show at protected paths the files an AI commit changes (judge-link-targets).
      const { judgeLinkTargets } = await import('./judge-link-targets.js');
      const found = await judgeLinkTargets(repoDir, [...parents].filter((sha) => !range.has(sha)), ownChanges, policy, madeLinks);
      for (const violation of found) shownRefused.add(violation.sha);
      violations.push(...found);
    }
    let linePolicy = policy;
    if (range.size > 0) {
      // Files that links already at protected paths show there are protected files to the line judge too: lines moved onto them land with their writers.
      const { linkShownPolicy } = await import('./judge-link-targets.js');
      // The commit whose files are being read, for the message when they are too many to read (SHOWN_PATHS_CAP).
      const judging = { sha: '' };
      const shown = await linkShownPolicy(repoDir, [...parents].filter((sha) => !range.has(sha)), policy, madeLinks, judging);
      if (shown !== null) {
        linePolicy = shown;
        const shownProtected = protection(shown);
        for (const [sha, commit] of range) {
          if (shownRefused.has(sha)) continue;
          judging.sha = sha;
          commit.protectedPaths = (changedPaths.get(sha) ?? []).filter(shownProtected);
          protectedChanged ||= commit.protectedPaths.length > 0;
        }
      }
    }
    if (protectedChanged) {
      const { judgeLandedLines } = await import('./judge-landed-lines.js');
      const boundary = [...parents].filter((sha) => !range.has(sha));
      const run = { range, boundary, facts: attributed, reported: violations, policy: linePolicy, detect, shallow: options.shallow ?? null, notes, qwenNotes, copySpent: spent.copyBlames, blameSpent: spent.lineBlames };
      const landed = await judgeLandedLines(repoDir, run);
      violations.push(...landed.violations);
      cut.push(...landed.cut);
    }
    // A commit no global rule refuses making the very change of a commit refused everywhere, which the refs hold (a cherry-pick of a reverted Qwen commit, re-worded or re-declared; a merge carrying it): rows 1056, 1079, 1080.
    // Under path rules alone, only the commits that change a protected path (row 1082: Qwen's reverted commit in src/crypto picked again).
    // A record that may sit in a note this repository cannot read: the model is not knowable (fail closed). The range's
    // commits' notes only: the twin search below reads older commits' notes, which add what they can.
    const unresolved = notes.unresolved();
    if (unresolved.length > 0) throw new GitError(enforceMessages.unresolvedRecords(unresolved), ['notes'], null, '');
    const asked = deniesGlobally(policy) ? people : people.filter((commit) => commit.paths.some(isProtected));
    if (asked.length > 0) {
      const inRange = new Set(nodes.map((node) => node.sha));
      // A commit its own models already refuse by the same rule and model (a cherry-pick carrying its note, row 1165 reads the
      // picked commit's notes too) is not told it again as a twin.
      const refusedAs = new Set(violations.filter((violation) => violation.severity === 'error').map((violation) => `${violation.sha}\0${violation.rule}\0${violation.model}`));
      const twins = await launderedTwins(repoDir, asked, inRange, policy, detect, { notes, qwenNotes });
      violations.push(...twins.filter((twin) => !refusedAs.has(`${twin.sha}\0${twin.rule}\0${twin.model}`)));
    }
  } finally {
    await qwenNotes.close();
    await notes.close();
  }
  return { verdict: verdictOf(commits, withMergedIn(violations, nodes, mergeSubjects)), cut, judged: nodes.map((node) => node.sha) };
}

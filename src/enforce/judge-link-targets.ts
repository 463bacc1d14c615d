import type { CompiledPathRule, CompiledPolicy } from '../core/policy/compile-policy.js';
import { evaluateCommit } from '../core/policy/evaluate.js';
import { protection } from '../core/policy/landed-lines.js';
import { foldedLinkFinder, foldedOnMiss, foldedTwins, LINK_LOOP, linkShownMatcher, linksInsideDirectoryLinks, MAX_LINK_HOPS, mayReach, pathsShownByLinks, protectsByNameOnly, resolveThroughLinks, shownPathMatcher, type ResolvedLink, type ShownPath } from '../core/policy/link-reach.js';
import { loweredCap } from '../git/commit-size.js';
import { GitError } from '../git/exec.js';
import type { CommitFacts, Violation } from '../core/policy/types.js';
import { treePathSet, treeSymlinks } from '../git/read-blob.js';
import { resolveCommits } from '../git/resolve-commits.js';
import { readRevisionBlobs } from '../git/revision-blobs.js';
import { enforceMessages } from './messages.js';

const STORED = { asStored: true } as const;

/**
 * Boundary commits found held (an object id naming a commit object, as stored): judgeLinkTargets and
 * linkShownPolicy ask the same boundary in turn, and a push of many refs asks one per ref. Only
 * "held" is remembered (an object once read stays; one missing is asked again). Keyed by repository;
 * bounded (HELD_SEEN_CAP ids, HELD_SEEN_REPOSITORIES repositories, then forgotten and asked again), as
 * the API's judge may live in one process for many repositories and pushes.
 */
const heldSeen = new Map<string, Set<string>>();
const HELD_SEEN_CAP = 100_000;
const HELD_SEEN_REPOSITORIES = 64;

async function heldBoundary(repoDir: string, boundary: readonly string[]): Promise<string[]> {
  let seen = heldSeen.get(repoDir);
  if (seen !== undefined && seen.size + boundary.length > HELD_SEEN_CAP) seen.clear();
  if (!seen) {
    if (heldSeen.size >= HELD_SEEN_REPOSITORIES) heldSeen.clear();
    heldSeen.set(repoDir, (seen = new Set()));
  }
  const known = seen;
  const asked = boundary.filter((sha) => !known.has(sha));
  if (asked.length > 0) {
    const held = await resolveCommits(repoDir, asked, STORED);
    for (const sha of asked) if (held.get(sha) === sha) known.add(sha);
  }
  return boundary.filter((sha) => known.has(sha));
}

/**
 * Shown paths matched whole (neither their directory nor their name decides) past which a range is refused rather than
 * read for minutes; read lowered by AITRAIL_SIZE_CAPS_DIVISOR (loweredCap, row 1109: 781 under the tests' 256) once per
 * judgement, the same in `check`, pre-push and pre-receive, so a test proves the refusal with a thousand shown paths.
 */
export const SHOWN_PATHS_CAP = 200_000;

/** Links that links inside directory links within reach add (linksInsideDirectoryLinks), past which a range is refused. */
export const LINKS_INSIDE_CAP = 20_000;

/** A link the range may add on the way of another: made by a commit of the range (its blob). */
export interface MadeLink {
  path: string;
  oid: string;
}

/**
 * The symbolic links of `commit`'s tree within reach of a path rule (mayReach), their targets
 * resolved as the file system reads them: through the other links of the tree and those `made` by
 * the range (a chain `src/crypto/k.ts -> ../../lib/a.ts`, `lib/a.ts -> ../vendor/b.ts` shows
 * `vendor/b.ts`), with the links inside directory links they reach (linksInsideDirectoryLinks).
 * A link within reach whose way loops shows nothing today, but a commit that removes a link on
 * its way may make it show a file: with `loops: 'refuse'` (ranges with AI commits) the range is
 * refused, as it is past LINKS_INSIDE_CAP links inside directory links; with 'skip' (the line
 * judge, which also reads a person's push that removes the links) the loop is left out and the
 * first LINKS_INSIDE_CAP links inside are kept.
 */
async function linksWithinReach(repoDir: string, commit: string, policy: CompiledPolicy, made: readonly MadeLink[], loops: 'refuse' | 'skip'): Promise<ResolvedLink[]> {
  const reaches = (path: string): boolean => policy.paths.some((rule) => mayReach(rule, path));
  const tree = await treeSymlinks(repoDir, commit, STORED);
  if (!tree.some((link) => reaches(link.path))) return [];
  // The range's own links on the way of the tree's links: a chain may be made in the same push as the
  // change it shows. (A link the range makes within reach is row 21's, judge-links.) A path may hold
  // several: the tree's and each the range writes (`made` comes children first, as git log lists it).
  // Each way is read twice at most: with every path's newest text (the pushed tip's links: Qwen's file
  // shown through `lib/a.ts` only at the tip, a decoy target written before it) and with its oldest
  // (the starting tree's). A retarget between the two is not read (150 retargets read one by one
  // tripled a person's check of 300 links).
  const versions = new Map<string, string[]>();
  for (const link of [...made, ...tree]) {
    const held = versions.get(link.path) ?? [];
    if (!held.includes(link.oid)) held.push(link.oid);
    versions.set(link.path, held);
  }
  const oids = [...new Set([...versions.values()].flat())];
  const blobs = await readRevisionBlobs(repoDir, oids, STORED);
  const textOf = new Map(oids.map((oid, at) => [oid, blobs[at]?.content.toString('utf8') ?? '']));
  const passes = [...versions.values()].some((held) => held.length > 1) ? [0, 1] : [0];
  // A name the tree lacks is read as a Mac's checkout reads it too (case- and normalization-insensitive:
  // `../../LIB/key.ts` shows `lib/key.ts`): a target the tree lacks is also matched by folded names (link-reach
  // shownThrough), a name on the way that is no link follows the link it folds to. The tree's paths are read
  // from the listing treeSymlinks made, only when some link is within reach; names are folded only on a miss.
  const paths = await treePathSet(repoDir, commit, STORED);
  const exists = (path: string): boolean => paths.has(path);
  const found = new Map<string, ResolvedLink>();
  for (const pass of passes) {
    const texts = new Map([...versions].map(([path, held]) => [path, textOf.get(held[pass === 0 ? 0 : held.length - 1]!) ?? '']));
    for (const link of linksOfOneWay(commit, tree, texts, textOf, reaches, loops, foldedLinkFinder(texts, exists))) found.set(`${link.path}\0${link.text}\0${link.target}`, link);
  }
  // A target the tree holds beside a twin that folds alike (`LIB/key.ts` and `lib/key.ts`) shows either on a Mac: both judged.
  const links = [...found.values()];
  const twinned = foldedTwins(paths, new Set(links.flatMap((link) => (link.target !== '' && exists(link.target) ? [link.target] : []))));
  return links.map((link) => foldedOnMiss(link, exists, twinned));
}

/** linksWithinReach for one reading of the links on the way (`texts`: path → text). */
function linksOfOneWay(
  commit: string,
  tree: ReadonlyArray<{ path: string; oid: string }>,
  texts: ReadonlyMap<string, string>,
  textOf: ReadonlyMap<string, string>,
  reaches: (path: string) => boolean,
  loops: 'refuse' | 'skip',
  foldedLink: (path: string) => string | undefined,
): ResolvedLink[] {
  // A link within reach shows its target, and whatever a commit puts in place of a link on its way (`lib/a.ts` made a file): each read as a target.
  const resolve = (path: string, text: string, onLoop: 'refuse' | 'skip', withWays: boolean): ResolvedLink[] => {
    const ways: string[] = [];
    const target = resolveThroughLinks(path, text, texts, withWays ? ways : undefined, foldedLink);
    if (target === LINK_LOOP && onLoop === 'refuse') throw new GitError(enforceMessages.linkLoop(commit, path, text, MAX_LINK_HOPS), ['ls-tree'], null, '');
    const targets = new Set(ways);
    if (typeof target === 'string') targets.add(target);
    return [...targets].map((at) => ({ path, text, target: at }));
  };
  const within = tree.filter((link) => reaches(link.path)).flatMap((link) => resolve(link.path, textOf.get(link.oid) ?? '', loops, true));
  // Every link, for those inside directory links within reach (a loop there shows nothing more).
  const resolved = [...texts].flatMap(([path, text]) => resolve(path, text, 'skip', false));
  const tooMany = (): Error => new GitError(enforceMessages.tooManyLinksInside(commit, LINKS_INSIDE_CAP), ['ls-tree'], null, '');
  // Past the cap a range with AI commits is refused; the line judge keeps those found (a person's push removing the links must pass).
  const overCap = (): Error => (loops === 'refuse' ? tooMany() : new RangeError('cap'));
  let inside: ResolvedLink[] = [];
  try {
    inside = linksInsideDirectoryLinks(within, resolved, reaches, LINKS_INSIDE_CAP, overCap, (found) => (inside = found));
  } catch (error) {
    if (loops === 'refuse' || !(error instanceof RangeError)) throw error;
  }
  return [...within, ...inside];
}

/**
 * Links already in the tree where a range starts (made before a path rule was added, or before
 * aitrail judged the repository: row 21 judges the commit that makes or retargets a link) show,
 * at protected paths, the files they point to. An AI commit of the range that changes such a
 * file (Qwen's lib/key.ts behind `src/crypto/key.ts -> ../../lib/key.ts`) is judged by the path
 * rules as if it changed the path where the link shows it: `path-model-denied` (or not allowed)
 * naming that path and the link. `boundary`: the commits the range starts from.
 */
export async function judgeLinkTargets(repoDir: string, boundary: readonly string[], attributed: Iterable<CommitFacts>, policy: CompiledPolicy, made: readonly MadeLink[] = []): Promise<Violation[]> {
  const commits = [...attributed];
  if (commits.length === 0 || boundary.length === 0) return [];
  const links = new Map<string, ResolvedLink>();
  // A shallow clone lacks the commits past its cut (said apart, as the history the range cannot read).
  for (const commit of await heldBoundary(repoDir, boundary)) for (const link of await linksWithinReach(repoDir, commit, policy, made, 'refuse')) links.set(`${link.path}\0${link.target}`, link);
  if (links.size === 0) return [];
  const violations: Violation[] = [];
  // A file a rule protects where it is was judged there already (src/crypto/current -> v2).
  const isProtected = protection(policy);
  // A rule of names only (`**/*.pem`) protects a path a link shows when it protects the link's path (the changed file is unprotected): asked once a link.
  const byName = policy.paths.filter(protectsByNameOnly);
  // Each shown path answered by its directory or its name where they decide (shownPathMatcher), for both passes below.
  const shownMatchers = new Map(policy.paths.map((rule) => [rule, shownPathMatcher(rule)]));
  const judged: CompiledPolicy = { ...policy, paths: policy.paths.map((rule) => ({ ...rule, matchFile: shownMatchers.get(rule)!.match })) };
  const slow = (): number => [...shownMatchers.values()].reduce((sum, matcher) => sum + matcher.slow(), 0);
  const cap = loweredCap(SHOWN_PATHS_CAP);
  const others = judged.paths.filter((rule) => !protectsByNameOnly(rule));
  const all = [...links.values()];
  const named = new Set(all.filter((link) => byName.some((rule) => rule.matchFile(link.path) !== undefined)));
  // With rules of names only, the paths a link the rules leave unnamed shows are not even written out.
  const asked = others.length === 0 ? all.filter((link) => named.has(link)) : all;
  const protectsShown = (at: ShownPath): boolean => named.has(at.link) || others.some((rule) => rule.matchFile(at.shown) !== undefined);
  for (const facts of commits) {
    const own = new Set(facts.paths);
    const changed = facts.paths.filter((path) => !isProtected(path));
    const elsewhere = (path: string): boolean => !own.has(path);
    // Only the shown paths some rule protects are judged (no other can draw a path rule's
    // violation), each matched once: 300 links to the top and 4,000 changed files are 1.2M paths.
    const first = pathsShownByLinks(all, changed, elsewhere)[Symbol.iterator]().next().value;
    if (first === undefined) continue;
    const shown: ShownPath[] = [];
    for (const at of pathsShownByLinks(asked, changed, elsewhere)) {
      if (protectsShown(at)) shown.push(at);
      // Fail closed rather than read for minutes: the count of paths no directory or name decided.
      if (slow() > cap) throw new GitError(enforceMessages.tooManyShownPaths(facts.sha, cap), ['ls-tree'], null, '');
    }
    // A model known from a git-ai note is judged on its own files (pathModels): those, as the links show them.
    const attributions = facts.attributions.map((attribution) => {
      if (attribution.paths === undefined) return attribution;
      const its = new Set(attribution.paths);
      return { ...attribution, paths: shown.filter((at) => its.has(at.changed)).map((at) => at.shown) };
    });
    for (const found of evaluateCommit({ ...facts, attributions, paths: shown.map((at) => at.shown) }, judged)) {
      if (found.rule !== 'path-model-denied' && found.rule !== 'path-model-not-allowed') continue;
      const through = shown.find((at) => at.shown === found.path) ?? first;
      violations.push({ ...found, message: `${found.message} ${enforceMessages.shownByLink(through.changed, through.link.path, through.link.text)}` });
    }
  }
  return violations;
}

/**
 * The path rules as the line judge reads them when links already in the trees a range starts from
 * show files at protected paths: a rule also protects a file a link shows at a path it protects
 * (`lib/key.ts` behind `src/crypto/key.ts -> ../../lib/key.ts`, or every file under `lib/` behind
 * `src/crypto -> ../lib`), so that lines a person's commit moves or copies there are blamed and
 * land with whoever wrote them (Qwen's lib/util.ts moved onto lib/key.ts). Null when no such link.
 */
export async function linkShownPolicy(repoDir: string, boundary: readonly string[], policy: CompiledPolicy, made: readonly MadeLink[] = [], judging: { sha: string } = { sha: boundary[0] ?? '' }): Promise<CompiledPolicy | null> {
  if (boundary.length === 0) return null;
  const links = new Map<string, ResolvedLink>();
  for (const commit of await heldBoundary(repoDir, boundary)) for (const link of await linksWithinReach(repoDir, commit, policy, made, 'skip')) links.set(`${link.path}\0${link.target}`, link);
  if (links.size === 0) return null;
  const all = [...links.values()];
  const cap = loweredCap(SHOWN_PATHS_CAP);
  const shownBy = (rule: CompiledPathRule) => {
    const known = new Map<string, string | undefined>();
    // 300 links to the top show each file at 300 paths: answered by the file's directory where its name does not decide (linkShownMatcher, row 468).
    const shown = linkShownMatcher(rule, all);
    return (path: string): string | undefined => {
      if (known.has(path)) return known.get(path);
      // A file the rule protects where it is, or not: which glob answers is not read (only whether one does).
      const found = rule.matchFile(path) ?? shown.match(path);
      // Fail closed rather than read for minutes: the paths matched whole, for the commit being read.
      if (shown.slow() > cap) throw new GitError(enforceMessages.tooManyShownPaths(judging.sha, cap), ['ls-tree'], null, '');
      if (known.size >= 100_000) known.clear();
      known.set(path, found);
      return found;
    };
  };
  return { ...policy, paths: policy.paths.map((rule) => ({ ...rule, matchFile: shownBy(rule) })) };
}

import { unquoteCPath } from '../core/blame/parse-blame.js';
import type { DetectOptions } from '../core/detect/commit.js';
import { storedCommitFacts } from '../core/policy/commit-facts.js';
import type { CompiledPolicy } from '../core/policy/compile-policy.js';
import { evaluateCommit } from '../core/policy/evaluate.js';
import { type TwinKind, twinFix, wholeMergeNote } from '../core/policy/messages.js';
import type { Violation } from '../core/policy/types.js';
import { MAX_LISTED_PATHS } from '../core/policy/violation.js';
import { emptyTreeOf } from '../git/empty-tree.js';
import { runGit } from '../git/exec.js';
import { heldCommitNames } from './twin-names.js';
import { type CommitRecord, streamCommits } from '../git/log.js';
import { commitsReadAsStored } from '../git/raw-message.js';
import { mergeBases } from '../git/merge-shape.js';
import type { CommitNotes } from '../notes/commit-notes.js';
import type { QwenNotes } from '../notes/qwen-notes.js';
import { readCommitFacts } from './read-commit-facts.js';
import { objectId } from '../git/object-id.js';
import { attributesFree } from '../git/added-lines.js';
import { streamedPatchIds } from '../git/patch-ids.js';

/** A commit of the range no global rule refuses (a person's, an allowed model's, a merge): what it changed (a merge: against its first parent). */
export interface PersonCommit {
  sha: string;
  subject: string;
  paths: readonly string[];
  /** Its parents (a merge's first is the one its change is read against; the others are the branches it brings, row 1148). */
  parents?: readonly string[];
}


/**
 * Paths of the range's person-read commits asked every one (row 1122) at most; past it one path of each (row 1149).
 * git's path-limited walk costs each commit it reads about the same again per path asked: on a history of 200,000
 * commits ~0.28 s of git CPU a path (1 path 1.9 s, 10 paths 2.7 s, 50 paths 14 s), so a merge of main bringing 500 files
 * asked every path of it and ran over ten minutes at each push.
 */
const EVERY_PATH_CAP = 16;

/** Commits read whole at a time (`git log --no-walk`) of those the name walk found (row 1167). */
const READ_BATCH = 1_000;

/**
 * Row 1167: the commits the refs hold (not the range's) that change any of `paths`, newest first: one `git log
 * --name-only` of every commit, matched in memory. Past EVERY_PATH_CAP paths git's path-limited walk costs a pass over
 * the history per path asked, so it was asked one path of each person-read commit, and a person's commit holding a
 * refused change beside other files (its first path its own) was never compared; this walk's cost does not grow with
 * the paths (on 200,000 commits ~4 s of git CPU, about a 6-path walk's). Merges by their change against their first parent (row 1123).
 * Row 1202: the listing is kept in the git dir and only what is new since its tips is asked of git (twin-names).
 */
async function commitsChanging(repoDir: string, paths: ReadonlySet<string>, inRange: ReadonlySet<string>): Promise<string[]> {
  // Streamed (held whole as one string before), and only the commits since the last listing's tips asked of git (row 1202: twin-names).
  const found: string[] = [];
  let sha: string | undefined;
  let taken = true;
  for await (const line of heldCommitNames(repoDir)) {
    if (line.startsWith('\x01')) {
      sha = line.slice(1);
      taken = inRange.has(sha);
    } else if (!taken && line !== '' && paths.has(unquoteCPath(line)) && sha !== undefined) {
      found.push(sha);
      taken = true;
    }
  }
  return found;
}

/**
 * Row 1177: the paths each of `merges` changed against every one of its parents (its own change, not what a parent
 * brought: `git log -c --name-only`, one process for all of them). Past EVERY_PATH_CAP a merge was matched by its first
 * path only, so Q's change put back in a merge's own resolution beside a branch's 20 files sorting before it was never
 * compared; matching every path a merge brings would read most of the history's messages (a merge of main brings hundreds).
 */
async function ownMergePaths(repoDir: string, merges: readonly string[]): Promise<string[]> {
  const asked = new Set(merges);
  const paths: string[] = [];
  for (let at = 0; at < merges.length; at += READ_BATCH) {
    const out = await runGit(['log', '--no-walk=unsorted', '-z', '--format=%x01%H', '-c', '--name-only', '--no-renames', '--no-relative', '--no-color', '--no-ext-diff', '--ignore-submodules=none', ...merges.slice(at, at + READ_BATCH), '--'], { cwd: repoDir, asStored: true });
    for (const record of out.split('\0')) {
      // A record `\x01<sha>` of a merge asked opens its paths; each path follows a NUL, as stored (git 2.39 puts no line
      // break before the first: a name starting with one is a real name, `$'\nw.ts'`, and was matched as `w.ts`).
      if (record.startsWith('\x01') && asked.has(record.slice(1))) continue;
      if (record !== '') paths.push(record);
    }
  }
  return paths;
}

/** The commits of `shas`, read as the walk reads them (`whole`: their whole messages too), READ_BATCH at a time. */
async function* readCommits(repoDir: string, shas: readonly string[], whole = false): AsyncGenerator<CommitRecord> {
  for (let at = 0; at < shas.length; at += READ_BATCH) yield* streamCommits(repoDir, ['--no-walk=unsorted', ...shas.slice(at, at + READ_BATCH)], { asStored: true, paths: true, ...(whole ? { whole: true } : {}) });
}

/** Past EVERY_PATH_CAP, the paths matched (row 1167): every path of the range's non-merge commits, each merge's first path and its own change's (row 1177). */
async function wideAsked(repoDir: string, people: readonly PersonCommit[]): Promise<Set<string>> {
  const merges = people.filter((commit) => (commit.parents?.length ?? 0) > 1);
  const asked = new Set(people.flatMap((commit) => ((commit.parents?.length ?? 0) > 1 ? commit.paths.slice(0, 1) : commit.paths)));
  for (const path of await ownMergePaths(repoDir, merges.map((commit) => commit.sha))) asked.add(path);
  return asked;
}

/** Denied commits whose patch ids are computed at most; past it the range is judged by the first ones only (row 1056). */
export const DENIED_TWINS_CAP = 2_000;

/**
 * The rules a commit's own models break anywhere in the tree (not the path rules: row 555 follows those by lines). An
 * unidentified model under `unknownModel: deny` too (row 1164): Cursor's reverted commit picked again as a person's
 * passed where the commit itself was refused.
 */
const GLOBAL_RULES = new Set(['model-denied', 'model-not-allowed', 'unknown-model']);

/** The rules a twin's violations are given by: the global ones, and a path rule's (the same patch changes the same paths: row 1082). */
const TWIN_RULES = new Set([...GLOBAL_RULES, 'path-model-denied', 'path-model-not-allowed']);

/** Whether `violations` (one commit's) hold a refusal of its own models everywhere in the tree: such a commit is no twin to look for (row 1079). */
export function refusedEverywhere(violations: readonly Violation[]): boolean {
  return violations.some((violation) => violation.severity === 'error' && GLOBAL_RULES.has(violation.rule));
}

/** Whether `policy` refuses any model outside path rules (an unidentified one under `unknownModel: deny` too, row 1164): only then is the twin search run. */
export function deniesGlobally(policy: CompiledPolicy): boolean {
  return policy.deny.length > 0 || policy.allow !== undefined || policy.unknownModel === 'deny';
}

/**
 * `git patch-id --stable` of each file's change in each of `shas` (a merge: its change against its first parent, row 1080):
 * commit -> the patch ids of its files' changes. One `git log -p`, one `git patch-id`, for both sides (row 1130).
 * Without context lines (`-U0`, row 1102): the lines removed and added, file by file; a pick of Q onto a file whose lines
 * around Q's change moved since (a person's edit two lines away) had other context, another patch id, and passed.
 * File by file (row 1122): a pick of Q with a person's change to another file in the same commit had another patch id
 * for the whole commit, and passed.
 */
async function patchIds(repoDir: string, shas: readonly string[]): Promise<Map<string, Set<string>>> {
  if (shas.length === 0) return new Map();
  // No `.gitattributes` of the content decides what is diffed as text (row 1207: `-diff` on Q's path made both sides
  // `Binary files differ`, ids of their blobs, so a copy re-spaced passed check, which a work tree's attributes reach).
  const place = await attributesFree(repoDir, shas[0]!);
  const log = [...place.args, 'log', '-p', '-U0', '--diff-merges=first-parent', '--no-walk=unsorted', '--no-color', '--no-renames', '--no-ext-diff', '--no-textconv', '--full-index', '--format=commit %H', ...shas, '--'];
  return streamedPatchIds(log, { cwd: place.gitDir, env: place.env, asStored: true, tagOf: (line) => (line.startsWith('commit ') ? line.slice('commit '.length) : undefined) });
}

/** Merges whose brought changes (row 1148) are read at most, each one `git merge-base --all` per other parent; past it the others are compared whole (row 1176). */
export const BROUGHT_MERGES_CAP = 100;

/** One line of `git diff-tree --stdin`'s echo of its input (`<commit>`, or `<tree> <tree>`): a new input line's diff starts. */
const DIFF_TREE_ECHO = /^[0-9a-f]{40,64}(?: [0-9a-f]{40,64})?$/;

/**
 * Row 1148: the patch ids of the file changes each of `merges` brings from its other parents (each one's change since its
 * merge base with the first parent), which are no change of the merge's own: `git merge main` into a branch brings main's
 * commits (a Qwen commit accepted before the deny among them) as they are, attributed to their own commits. Row 1176:
 * one `git diff-tree --stdin | git patch-id` pipeline for them all, streamed (a merge of an unrelated 5,000-file history
 * held its whole diff three times over in node; a diff past 1 GiB failed the judgement), the merge bases asked per merge.
 */
async function broughtIds(repoDir: string, merges: readonly PersonCommit[]): Promise<Map<string, Set<string>>> {
  const lines: string[] = [];
  const tags: string[] = [];
  const unrelated: { merge: string; other: string }[] = [];
  for (const merge of merges) {
    const [first, ...others] = merge.parents ?? [];
    if (first === undefined) continue;
    for (const other of others) {
      const bases = await mergeBases(repoDir, first, other, { asStored: true });
      // Row 1152: a parent of an unrelated history (`--allow-unrelated-histories`, no merge base) brings its whole tree.
      if (bases.length === 0) unrelated.push({ merge: merge.sha, other });
      for (const base of bases) {
        lines.push(`${objectId(other, 'commit')} ${objectId(base, 'commit')}`);
        tags.push(merge.sha);
      }
    }
  }
  if (unrelated.length > 0) {
    const trees = (await runGit(['rev-parse', ...unrelated.map(({ other }) => `${objectId(other, 'commit')}^{tree}`)], { cwd: repoDir, asStored: true })).split('\n');
    for (const [at, { merge, other }] of unrelated.entries()) {
      lines.push(`${await emptyTreeOf(repoDir, other)} ${objectId(trees[at] ?? '')}`);
      tags.push(merge);
    }
  }
  if (lines.length === 0) return new Map();
  let next = 0;
  const place = await attributesFree(repoDir, tags[0]!);
  const diff = [...place.args, 'diff-tree', '--stdin', '--always', '-p', '-U0', '--no-color', '--no-renames', '--no-ext-diff', '--no-textconv', '--full-index'];
  const ids = await streamedPatchIds(diff, { cwd: place.gitDir, env: place.env, asStored: true, input: `${lines.join('\n')}\n`, tagOf: (line) => (DIFF_TREE_ECHO.test(line) ? tags[next++] : undefined) });
  // git diff-tree --stdin skips a line it cannot read (`error: Object … not a tree`) and exits 0: the diffs after it
  // would be given to the wrong merges, so the judgement fails instead (a refusal, never a pass).
  if (next !== lines.length) throw new Error(`git diff-tree --stdin read ${next} of the ${lines.length} merge-base lines it was given`);
  return ids;
}

/** Refused commits whose rest is looked for in the refs (row 1169), at most, and the commits since each one read for it. */
const RESTS_CAP = 16;
const REST_COMMITS = 1_000;

/**
 * Row 1169: the patch ids of the file changes the commits the refs hold made since `twin` (not its ancestors), at
 * `twin`'s paths, the range's and refused ones aside: what a part of `twin` pushed alone is completed by.
 */
async function heldSince(repoDir: string, twin: string, inRange: ReadonlySet<string>, refused: ReadonlyMap<string, unknown>, known: Map<string, Set<string>>): Promise<Set<string>> {
  const paths = (await runGit(['log', '-1', '-z', '--format=', '--name-only', '--no-renames', '--diff-merges=first-parent', '--no-relative', '--root', twin, '--'], { cwd: repoDir, asStored: true })).split('\0').filter(Boolean);
  if (paths.length === 0 || paths.length > EVERY_PATH_CAP) return new Set();
  const since = (await runGit(['log', '--full-history', '--exclude=refs/notes/*', '--all', `--max-count=${REST_COMMITS}`, '--format=%H', `^${twin}`, '--', ...paths.map((path) => `:(literal)${path}`)], { cwd: repoDir, asStored: true })).split('\n').filter((sha) => sha !== '' && !inRange.has(sha) && !refused.has(sha));
  // Each commit's ids asked once a run (`known`): the commits since each of up to RESTS_CAP refused ones mostly overlap.
  const unknown = since.filter((sha) => !known.has(sha));
  const got = await patchIds(repoDir, unknown);
  for (const sha of unknown) known.set(sha, got.get(sha) ?? new Set());
  const held = new Set<string>();
  for (const sha of since) for (const id of known.get(sha) ?? []) held.add(id);
  return held;
}

/**
 * Row 1056: a person-read commit of the range that makes the very change (the same `git patch-id
 * --stable`) a commit the repository's refs hold made under a model the policy refuses everywhere
 * (`git cherry-pick -n Q && git commit --no-verify -m …` of Qwen's reverted commit): that commit's
 * violations, given to the person-read one, naming the original. The same for a commit declaring an
 * allowed model (row 1079: a declaration is the committer's word, the patch id the change's) and a
 * merge whose own change against its first parent is the refused one's (row 1080), and under path
 * rules a commit of the range changing a protected path with a change a path rule refused (row 1082). Only the commits that change the
 * paths the person-read ones change are read (path-limited `git log --all --full-history`, merges too: every path of theirs
 * up to 16, else every commit's paths listed once and matched in memory, row 1167), their messages detected as the range's are, and only the refused ones' patches are read,
 * file by file: a person-read commit holding all of a refused commit's file changes, or the range's person-read commits
 * holding them between them, are its twins (rows 1122..1124).
 */
export async function launderedTwins(repoDir: string, people: readonly PersonCommit[], inRange: ReadonlySet<string>, policy: CompiledPolicy, detect: DetectOptions, noted?: { notes: CommitNotes; qwenNotes: QwenNotes }): Promise<Violation[]> {
  if (people.length === 0 || (!deniesGlobally(policy) && policy.paths.length === 0)) return [];
  // Every path of theirs while they number EVERY_PATH_CAP or fewer, asked git's path-limited walk (row 1122: a twin may hold
  // a person's files beside the refused commit's, and its first path may be the person's own); past it (row 1149: each
  // path asked costs that walk a pass over the history) every commit's paths are listed once and matched in memory
  // (row 1167), by every path of the range's non-merge commits, a merge's first path and the paths of its own change
  // (row 1177; not every path a merge brings: a merge of main brings hundreds of files others changed, and matching them
  // all would read most of the history's messages).
  const every = [...new Set(people.flatMap((commit) => commit.paths))];
  if (every.length === 0) return [];
  const refused = new Map<string, Violation[]>();
  // The paths the refused commits change (of those asked; under path rules all of theirs): a commit of the range whose asked path none changes has no twin, and its patch is not read.
  const touched = new Set<string>();
  // Under path rules each commit's paths are read too, all of them (`--full-diff`: not only the one asked by): a path rule refuses by them (row 1082).
  const byPaths = policy.paths.length > 0;
  // Whether `commit` (its facts read) is refused: kept with its paths. Row 1165: the models its notes name count too
  // (git-ai's refs/notes/ai, Qwen Code's refs/notes/ai-attribution), as the range's commits are judged: Qwen's commit with a
  // silent message and its note, reverted, picked again as a person's passed.
  const judge = async (commit: CommitRecord, facts: ReturnType<typeof storedCommitFacts>): Promise<boolean> => {
    if (noted) facts.attributions = await noted.qwenNotes.add(commit.sha, await noted.notes.add(commit.sha, facts.attributions, commit.paths ?? null));
    const violations = evaluateCommit(facts, policy).filter((violation) => violation.severity === 'error' && TWIN_RULES.has(violation.rule));
    if (violations.length === 0) return false;
    refused.set(commit.sha, violations);
    for (const path of commit.paths ?? []) touched.add(path);
    return true;
  };
  // Row 1166: the commits git shows otherwise than stored (a NUL byte before the trailer, an encoding git cannot read
  // them by, a broken author line) are read again as stored, as the range's are (read-commit-facts): Qwen's commit whose
  // `Assisted-by:` sits after a NUL byte, refused itself, was no refused commit here, and its change picked again passed.
  const passed: string[] = [];
  const encoded: string[] = [];
  const walked = every.length <= EVERY_PATH_CAP
    ? streamCommits(repoDir, ['--full-history', ...(byPaths ? ['--full-diff'] : []), '--exclude=refs/notes/*', '--all'], { asStored: true, pathspec: every.map((path) => `:(literal)${path}`), paths: true })
    : readCommits(repoDir, await commitsChanging(repoDir, await wideAsked(repoDir, people), inRange));
  for await (const commit of walked) {
    if (inRange.has(commit.sha)) continue;
    if (!(await judge(commit, storedCommitFacts(commit, detect)))) {
      passed.push(commit.sha);
      if (commit.encoding !== undefined && commit.encoding !== null) encoded.push(commit.sha);
    }
    if (refused.size >= DENIED_TWINS_CAP) break;
  }
  if (refused.size < DENIED_TWINS_CAP && passed.length > 0) {
    const stored = await commitsReadAsStored(repoDir, { shas: passed });
    const again = [...new Set([...stored.keys(), ...encoded])];
    // READ_BATCH at a time, as readCommits: 45,000 commits under an `encoding` header in one command line passed the
    // system's argument limit (E2BIG, the judgement failed with exit 3 on an old latin1 project's honest push).
    for await (const commit of readCommits(repoDir, again, true)) {
      await judge(commit, await readCommitFacts(repoDir, commit, detect, stored));
      if (refused.size >= DENIED_TWINS_CAP) break;
    }
  }
  if (refused.size === 0) return [];
  // Row 1130: only the range's commits that can twin a refused one (a path of theirs changed by one) are read, and both
  // sides in one `git log -p | git patch-id`.
  const candidates = people.filter((commit) => commit.paths.some((path) => touched.has(path)));
  if (candidates.length === 0) return [];
  const ids = await patchIds(repoDir, [...refused.keys(), ...candidates.map((commit) => commit.sha)]);
  const idsOf = (shas: readonly string[]) => new Map(shas.flatMap((sha) => { const own = ids.get(sha); return own === undefined ? [] : [[sha, own] as const]; }));
  const denied = idsOf([...refused.keys()]);
  const mine = idsOf(candidates.map((commit) => commit.sha));
  // A person-read commit holding every file change of a refused commit (the same change, or that change and more): its
  // twin, the first refused commit so found.
  const holding = new Map<string, string[]>();
  for (const [sha, own] of denied) for (const id of own) { const shas = holding.get(id); if (shas) shas.push(sha); else holding.set(id, [sha]); }
  // Row 1148: a merge's file changes that its other parents made (a branch's own commits, brought as they are) are not
  // compared: only a merge holding a refused change is asked (git merge-base, git diff-tree and git patch-id per other parent).
  const merges = people.filter((person) => (person.parents?.length ?? 0) >= 2 && [...(mine.get(person.sha) ?? [])].some((id) => holding.has(id)));
  const whole = new Set(merges.slice(BROUGHT_MERGES_CAP).map((merge) => merge.sha));
  for (const [sha, ids] of await broughtIds(repoDir, merges.slice(0, BROUGHT_MERGES_CAP))) {
    const own = mine.get(sha);
    for (const id of ids) own?.delete(id);
  }
  const twins = new Map<string, { twin: string; kind: TwinKind }>();
  const order = [...refused.keys()];
  for (const person of people) {
    const own = mine.get(person.sha);
    if (own === undefined) continue;
    const near = new Set([...own].flatMap((id) => holding.get(id) ?? []));
    const twin = order.find((sha) => near.has(sha) && [...(denied.get(sha) ?? [])].every((id) => own.has(id)));
    // Row 1151: all of the twin's change and no more (no other file change, nor another file's mode), or more beside it.
    if (twin !== undefined) twins.set(person.sha, { twin, kind: own.size === denied.get(twin)?.size && person.paths.length <= own.size ? 'same' : 'holds' });
  }
  // Row 1124: a refused commit's file changes split over several person-read commits of the range, which hold them all
  // between them: each commit holding a part of it is its twin.
  const together = new Set(people.flatMap((person) => [...(mine.get(person.sha) ?? [])]));
  for (const [twin, parts] of denied) {
    if (![...parts].every((id) => together.has(id))) continue;
    for (const person of people) if (!twins.has(person.sha) && [...(mine.get(person.sha) ?? [])].some((id) => parts.has(id))) twins.set(person.sha, { twin, kind: 'part' });
  }
  // Row 1169: a part of a refused commit pushed alone after the rest was pushed before it (one file of Q in each push):
  // the rest is looked for among the commits the refs hold made since Q (not its ancestors, nor the range's, nor refused).
  let asked = 0;
  const known = new Map<string, Set<string>>();
  for (const [twin, parts] of denied) {
    const holders = people.filter((person) => !twins.has(person.sha) && [...(mine.get(person.sha) ?? [])].some((id) => parts.has(id)));
    if (holders.length === 0) continue;
    // Row 1194: past RESTS_CAP the rest is not looked for, and a part is refused, never passed (16 decoy parts of other
    // refused commits would otherwise carry the part completing Q past the search); its message says so.
    if (asked++ >= RESTS_CAP) {
      for (const person of holders) twins.set(person.sha, { twin, kind: 'rest-unasked' });
      continue;
    }
    const rest = [...parts].filter((id) => !together.has(id));
    const held = await heldSince(repoDir, twin, inRange, refused, known);
    if (rest.every((id) => held.has(id))) for (const person of holders) twins.set(person.sha, { twin, kind: 'rest-held' });
  }
  const found: Violation[] = [];
  for (const person of people) {
    const { twin, kind } = twins.get(person.sha) ?? {};
    if (twin === undefined || kind === undefined) continue;
    const held = `the same change (git patch-id) as ${twin.slice(0, 12)}, which the repository holds`;
    const said = kind === 'part' ? `part of ${held} (other commits of the range hold the rest)` : kind === 'rest-held' ? `part of ${held} (commits it holds, made after it, hold the rest)` : kind === 'rest-unasked' ? `part of ${held} (whether commits it holds hold the rest was not asked: the range holds parts of more than ${RESTS_CAP} refused commits; push its commits a few at a time)` : kind === 'holds' ? `all of ${held}, beside changes of its own` : held;
    const same = whole.has(person.sha) ? `${said} (${wholeMergeNote(BROUGHT_MERGES_CAP)})` : said;
    for (const violation of refused.get(twin) ?? []) {
      found.push({ ...violation, sha: person.sha, subject: person.subject, path: person.paths[0] ?? null, paths: person.paths.slice(0, MAX_LISTED_PATHS), pathCount: person.paths.length, message: `${same}: ${violation.message}`, fix: twinFix(twin, violation.agent, violation.model, violation.setting, kind) });
    }
  }
  return found;
}

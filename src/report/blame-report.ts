import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { cachedIn, loadConfig } from '../config/load.js';
import type { LoadedConfig } from '../core/types.js';
import { cliMessages } from '../errors/usage-messages.js';
import { attributeFile, sumLeftOut, sumReports } from '../core/blame/aggregate.js';
import { LOCKFILE_NAMES } from '../core/blame/lockfiles.js';
import { SOURCE_NAME } from '../core/blame/source-names.js';
import { LEFT_OUT_BLAME_LIMIT, leftOutLimitOk } from '../core/blame/report-notes.js';
import { renderBlame } from '../core/blame/render.js';
import type { BlameFormat, BlameGrouping, BlameReport, CommitModels, Excluded, FileReport } from '../core/blame/types.js';
import { ExitCode } from '../core/exit-codes.js';
import { sanitize } from '../core/sanitize.js';
import { shardFiles, type Shard } from '../core/blame/shard.js';
import { UsageError } from '../errors/usage-error.js';
import { blameEnvironment, mailmapDigest, NotAFileError } from '../git/blame-environment.js';
import { listBlameFiles } from '../git/blame-files.js';
import { CHANGED_PATHS_CAP, refuseHugeChanges, treeCounts } from '../git/change-size.js';
import { changedPaths, ignoredCommits, inBlamedRange, withAncestorIn } from '../git/ignored-revs.js';
import { locateRepo } from '../git/repo.js';
import { resolveCommit, showPrefix } from '../git/resolve-commit.js';
import { isAncestor } from '../git/is-ancestor.js';
import { loweredCap, sizeCapsKey } from '../git/commit-size.js';
import { shallowBoundary, shallowCutsInRange } from '../git/shallow.js';
import { cacheDir, readCachedReport, writeCachedReport, type SaidMessage } from './blame-cache.js';
import { blameMessages, warnRewired } from './blame-messages.js';
import { warnAmbiguous } from './warn-ambiguous.js';
import { reportWarnings } from '../core/blame/report-warnings.js';
import { sealTallied } from './cache-seal.js';
import { checkNamedPaths, toPathspec } from './blame-paths.js';
import { selectBlameFiles } from './blame-selection.js';
import { ShallowHistoryError } from './shallow-history-error.js';
import { explainPartialClone } from './partial-clone-error.js';
import { promisorFetchFailure } from '../git/partial-clone.js';
import { startAttributions } from './attributions-of.js';
import { namedAttributions } from './commit-attributions.js';
import { blameFiles } from './blame-files-cached.js';
import { giveBackRevertedLines } from './revert-lines.js';
import { detectOptionsOf } from '../config/defaults.js';
import { DEFAULTS } from '../core/defaults.js';
import { notesMessages } from '../core/notes/messages.js';
import { DEFAULT_NOTES_REF, notesRefName } from '../core/notes/notes-ref.js';
import { GitError } from '../git/exec.js';
import { checkRevisionText, UnknownRevisionError } from '../git/unknown-revision.js';
import { commitAuthors } from '../git/commit-authors.js';
import { listNotes, notesTipsAndReplaceRefs, type NoteEntry } from '../git/notes.js';
import { readNotes } from '../notes/read-notes.js';
import { openQwenNotes, type QwenNotes } from '../notes/qwen-notes.js';
import { QWEN_NOTES_REF } from '../core/notes/qwen-attribution.js';
import { progressSpinner } from './progress-spinner.js';
import { diagnostics, type DiagnosticsOptions } from '../io/diagnostics.js';
import { runOptions } from './run-options.js';
import { writeStdout } from '../io/stdout.js';
import { checkEnvLimits, REPORT_LIMITS } from '../io/env-limits.js';

/** Bump when the cached report's meaning changes (the package version is in the key too). */
const CACHE_VERSION = 'blame-10';
/** Bump when what a per-file entry holds changes (see file-blame-cache.ts). */
const FILE_CACHE_VERSION = 'file-2';

/** The installed aitrail version: built-in signatures change with it, so it is part of the key. */
export async function packageVersion(): Promise<string> {
  try {
    const { readFile } = await import('node:fs/promises');
    return (JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string }).version ?? '';
  } catch {
    return '';
  }
}

/**
 * The build's own id beside its version (dist/build-id.json: a hash of every source and data file,
 * written by scripts/bundle.mjs): the cache keys hold it, so a build whose detection changed without
 * a new version (a development build, an install from a git commit) never reads a report or an
 * attribution an older build cached. '' for a package built without it.
 */
export async function buildId(): Promise<string> {
  try {
    const { readFile } = await import('node:fs/promises');
    const id = (JSON.parse(await readFile(new URL('../build-id.json', import.meta.url), 'utf8')) as { id?: unknown }).id;
    return typeof id === 'string' ? id : '';
  } catch {
    return '';
  }
}

export interface BlameRun {
  /** Directory the command runs in; paths are relative to it, like git's. Default: process.cwd(). */
  cwd?: string;
  /** Files or directories; none = the whole tree. */
  paths?: string[];
  rev?: string;
  since?: string;
  /** git's `-w`, `-M[<n>]`, `-C[<n>]`, each as given (repeatable, order kept). */
  gitFlags?: string[];
  ignoreRevs?: string[];
  /** `--ignore-revs-file` values as given ('' clears the list, as in git). */
  ignoreRevsFiles?: string[];
  include?: string[];
  exclude?: string[];
  /** false = neither read nor write the cache (`--no-cache`). */
  cache?: boolean;
  config?: string;
  /**
   * Read the config as committed at this revision (objects as stored), not the work tree's: a CI
   * report of a pull request by the target branch's config, never by the one the pull request brings.
   */
  configFrom?: string;
  /** Parallel git blame processes (default: available parallelism). */
  jobs?: number;
  onProgress?: (done: number, total: number) => void;
  /** Diagnostics for people (files left out…). */
  onWarning?: (message: string) => void;
  /** false: replace refs and grafts not said (trend says them once, not once per pair). */
  sayRewired?: boolean;
  /** False: entries failing their seal are counted but not said (a trend says them once, for all its releases, after the last: row 1045). */
  sayForeignSeals?: boolean;
  /** Notes for people (a named symlink or submodule skipped…). */
  onNote?: (message: string) => void;
  /**
   * In a shallow clone whose cut lies inside the blamed range: count the lines blamed on the cut
   * commits apart (`shallowBoundary`, left out of every total) instead of refusing (exit 3).
   */
  allowShallow?: boolean;
  /**
   * Blame the files left out as generated or vendored whatever their number (`--blame-left-out`);
   * by default they are blamed only while the whole run (every shard part alike) holds at most `LEFT_OUT_BLAME_LIMIT` (lowered by AITRAIL_SIZE_CAPS_DIVISOR, row 1212).
   */
  blameLeftOut?: boolean;
  /** false = ignore git-ai notes (`--no-notes`); default: read them when the notes ref exists. */
  notes?: boolean;
  /**
   * false = count each line for the commit git blame names (`--no-give-back`), as scripts built on
   * plain `git blame` count (aider's scripts/blame.py): no revert or cherry-pick followed to the
   * lines' writers, no line given back across a final-newline or line-ending change.
   */
  giveBack?: boolean;
  /** The notes ref of git-ai Authorship Logs (`--notes-ref`, default `refs/notes/ai`; `ai` means the same). */
  notesRef?: string;
  /** Split each file's lines by commit author too (`byAuthor`, for `--by author`). */
  authors?: boolean;
  /** Blame only this part of the files (`--shard <i>/<n>`); `--merge` joins the parts' JSON. */
  shard?: Shard;
}

export interface BlameResult {
  report: BlameReport;
  /** The whole report came from the cache. */
  cached: boolean;
  /** Files git blame ran on this time (the others' blame came from the per-file cache). */
  blamed: number;
}

/** The config a report reads: `--config-from <rev>` (as committed there), `--config <file>`, or the work tree's. */
async function reportConfig(repo: Awaited<ReturnType<typeof locateRepo>>, run: BlameRun): Promise<LoadedConfig> {
  if (run.configFrom === undefined) return loadConfig(repo.root, { ...(run.config ? { configFile: run.config } : {}), ...cachedIn(repo) });
  if (run.config !== undefined) throw new UsageError(blameMessages.configTwice());
  if (run.configFrom === '') throw new UsageError(cliMessages.emptyValue('config-from', 'blame'));
  const [{ resolvePolicyFrom }, { loadConfigAtRevision }] = await Promise.all([import('../enforce/check-range.js'), import('../config/load-at-revision.js')]);
  return loadConfigAtRevision(repo.root, await resolvePolicyFrom(repo.root, run.configFrom, '--config-from'), { asStored: true });
}

function cacheKey(parts: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** Nothing left out (an empty report; shards other than 1: the counts ride with part 1). */
const NONE_EXCLUDED: Required<Omit<Excluded, 'generatedLines' | 'vendoredLines' | 'leftOutUnblamed' | 'leftOutLimit'>> = { lockfiles: 0, generated: 0, vendored: 0, binary: 0, binarySource: 0, lfs: 0, submodules: 0 };
/** No line left out: an empty report's, and the lines of no file. */
const noLines = () => sumLeftOut([]);

/** An empty report: a repository with no commit yet has nothing to blame, and that is not an error. */
function emptyReport(): BlameReport {
  return { rev: null, since: null, totals: sumReports([]), files: [], excluded: { ...NONE_EXCLUDED, generatedLines: noLines(), vendoredLines: noLines(), leftOutUnblamed: 0 } };
}

function excludedOk(value: unknown): value is Required<Excluded> {
  const counts = value as Excluded | null;
  return (
    typeof counts === 'object' &&
    counts !== null &&
    [counts.lockfiles, counts.generated, counts.vendored, counts.binary, counts.binarySource, counts.lfs, counts.submodules, counts.leftOutUnblamed].every((count) => Number.isSafeInteger(count) && count! >= 0) &&
    (counts.leftOutLimit === undefined || leftOutLimitOk(counts.leftOutLimit)) &&
    counts.binarySource! <= counts.binary! &&
    [counts.generatedLines, counts.vendoredLines].every((lines) => typeof lines === 'object' && lines !== null && Number.isSafeInteger(lines.lines) && Number.isSafeInteger(lines.ai))
  );
}

/** What the report leaves out that people must hear about (the counts are in the report too). */
function warnLeftOut(report: BlameReport, example: string | undefined, submodule: string | undefined, onWarning: (message: string) => void): void {
  const submodules = report.excluded?.submodules ?? 0;
  if (submodules > 0) onWarning(blameMessages.submodules(submodules, submodule));
  const sources = report.excluded?.binarySource ?? 0;
  if (sources > 0) onWarning(blameMessages.binarySource(sources, example));
  const generatedAi = report.excluded?.generatedLines?.ai ?? 0;
  const vendoredAi = report.excluded?.vendoredLines?.ai ?? 0;
  if (generatedAi + vendoredAi > 0) onWarning(blameMessages.aiLeftOut(generatedAi, vendoredAi));
  if (report.ignoredAi) onWarning(blameMessages.ignoredAi(report.ignoredAi));
  if (report.ignoredHuman) onWarning(blameMessages.ignoredHuman(report.ignoredHuman));
}

/**
 * The commits git blame was told to ignore that have no AI attribution themselves, are in the
 * blamed range and changed a file in which this report credits lines to an AI commit older than
 * them (full shas, sorted): git blame hands the lines such a commit changed to the commits before
 * it, so a person's rewrite of an agent's lines listed in `.git-blame-ignore-revs` counts as the
 * agent's. Nothing is read when nothing is ignored or no line is AI; otherwise one `git log` for
 * them all, then, when one changed a file holding AI lines, one walk of the range's history.
 */
async function ignoredIntoAi(root: string, ignored: readonly string[], ignoredAi: readonly string[], rev: string, since: string | null, aiCommits: ReadonlyMap<string, readonly string[]>): Promise<string[]> {
  if (ignored.length === 0 || ![...aiCommits.values()].some((shas) => shas.length > 0)) return [];
  const others = ignored.filter((sha) => !ignoredAi.includes(sha));
  // An ignored commit whose change lists millions of paths: refused before its one `git log --name-only` (row 900).
  if (others.length > 0) await refuseHugeChanges(root, ['--no-walk=unsorted', ...others], blameMessages.ignoredTooLarge);
  const changed = await changedPaths(root, others);
  // Those that changed a file holding AI lines, with the AI commits credited there.
  const touching = new Map(others.map((sha) => [sha, new Set([...(changed.get(sha) ?? [])].flatMap((path) => aiCommits.get(path) ?? []))] as const).filter(([, ai]) => ai.size > 0));
  if (touching.size === 0) return [];
  const older = new Set([...touching.values()].flatMap((ai) => [...ai]));
  // Older than it: an ancestor in the range among those AI commits (of any file it changed, read together).
  return [...(await withAncestorIn(root, [...touching.keys()], older, rev, since))].sort();
}

/** A file git would read whole for blame that is no regular file (row 307): said, never waited on. */
function refuseNotAFile(error: unknown): never {
  if (!(error instanceof NotAFileError)) throw error;
  const fix = error.role === '--ignore-revs-file' ? 'name a regular file' : error.role === 'mailmap.file' ? 'point mailmap.file at a regular file' : error.role === 'blame.ignoreRevsFile' ? 'point blame.ignoreRevsFile at a regular file, or unset it (git reads every file it names, even with --ignore-revs-file \'\')' : 'remove it';
  throw new UsageError(`${error.role} '${sanitize(error.path)}' cannot be read as a regular file (a FIFO, a device, a directory, a symbolic link to one, or unreadable): git would wait on it or read it without end; ${fix}.`);
}

/** Build the blame report (from the cache when it holds this exact question). */
export async function blameReport(run: BlameRun): Promise<BlameResult> {
  // Every warning said (stderr) rides in the report too: a JSON, Markdown or HTML reader sees what stderr said (the cache keeps its own copy, row 826).
  const said: string[] = [];
  const onWarning = (message: string) => {
    said.push(message);
    run.onWarning?.(message);
  };
  // Cache entries failing their seal (another clone's key, no key, changed) were misses: said (never kept in the cache's own copy), so a cold CI cache is not silent (task s51x, after row 1018);
  // counted for this report alone (row 1021).
  const { value: result, warning: foreign } = await sealTallied(() => reportOf({ ...run, onWarning }));
  if (foreign && run.sayForeignSeals !== false) onWarning(foreign);
  const warnings = reportWarnings(said);
  return warnings.length > 0 ? { ...result, report: { ...result.report, warnings } } : result;
}

/** The report itself (blameReport adds the warnings said). */
async function reportOf(run: BlameRun): Promise<BlameResult> {
  const cwd = run.cwd ?? process.cwd();
  const repo = await locateRepo(cwd);
  const revName = run.rev ?? 'HEAD';
  checkRevisionText(revName, '--rev');
  if (run.since !== undefined) checkRevisionText(run.since, '--since');
  for (const ignored of run.ignoreRevs ?? []) checkRevisionText(ignored, '--ignore-rev');
  const notesRef = notesRefName(run.notesRef ?? DEFAULT_NOTES_REF);
  if (!notesRef) throw new UsageError(notesMessages.badRef(run.notesRef ?? ''));
  const ignoreFiles = (run.ignoreRevsFiles ?? []).map((file) => (file === '' ? '' : resolve(cwd, file)));
  (run.ignoreRevsFiles ?? []).forEach((file, index) => {
    if (file !== '' && !existsSync(ignoreFiles[index]!)) throw new UsageError(`--ignore-revs-file '${sanitize(file)}': no such file (a relative path is read from the current directory, ${sanitize(cwd)}).`);
  });
  // refs/notes/ai (or --notes-ref), Qwen Code's attribution notes and the replace refs (blameEnvironment's), in one git process.
  const refs = run.notes === false ? null : notesTipsAndReplaceRefs(repo.root, [notesRef, QWEN_NOTES_REF]);
  refs?.catch(() => {});
  const tips = refs === null ? Promise.resolve([null, null]) : refs.then(({ tips: found }) => found);
  // Everything the cache key needs, at once.
  const [{ config }, rev, since, ignoreShas, prefix, { digest: environment, configuredIgnoreRevsFiles, rewired }, version, build, notesAt, mailmap, qwenAt] = await Promise.all([
    reportConfig(repo, run),
    resolveCommit(repo.root, revName),
    run.since === undefined ? Promise.resolve(null) : resolveCommit(repo.root, run.since),
    Promise.all((run.ignoreRevs ?? []).map((name) => resolveCommit(repo.root, name))),
    repo.bare ? Promise.resolve('') : repo.prefix !== undefined ? Promise.resolve(repo.prefix) : showPrefix(cwd),
    blameEnvironment(repo.root, repo.commonDir, ignoreFiles, refs?.then(({ replaceRefs }) => replaceRefs)).catch(refuseNotAFile),
    packageVersion(),
    buildId(),
    tips.then(([tip]) => tip ?? null),
    run.authors ? mailmapDigest(repo.root, repo.bare).catch(refuseNotAFile) : Promise.resolve(null),
    // Qwen Code's attribution notes: the commits they name are AI (as log and check read them); their tip keys the report.
    tips.then(([, tip]) => tip ?? null),
  ]);
  // A name git reads as another ref than the one meant (a tag `v1` beside a branch `v1`): say which one the report is of.
  await warnAmbiguous(repo.root, [['--rev', run.rev], ['--since', run.since]], run.onWarning);
  // History git shows other than stored (replace refs, grafts): said on every run, a cached one too (before the cache's answer).
  if (run.sayRewired !== false) warnRewired(rewired, run.onWarning);
  // No commit yet (HEAD unborn): nothing to blame is an empty report, not an error.
  if (!rev && revName === 'HEAD') return { report: emptyReport(), cached: false, blamed: 0 };
  if (!rev) throw new UnknownRevisionError('--rev', revName);
  if (run.since !== undefined && !since) {
    if (await shallowBoundary(repo.root, repo.shallow)) throw new ShallowHistoryError(blameMessages.shallowMissingSince(run.since), []);
    throw new UnknownRevisionError('--since', run.since);
  }
  ignoreShas.forEach((sha, index) => {
    if (!sha) throw new UnknownRevisionError('--ignore-rev', run.ignoreRevs?.[index] ?? '');
  });
  // A shallow clone cut inside the range: git blame would give the cut commit every older line.
  const cut = await shallowCutsInRange(repo.root, rev, since, repo.shallow);
  if (cut.length > 0 && !run.allowShallow) throw new ShallowHistoryError(blameMessages.shallowCut(cut), cut);
  // `--since` holding `--rev` (the same commit: a release candidate and its release on one commit, or
  // the two given the wrong way round): no line comes after it. git blame is never asked: with no
  // commit left in `<since>..<rev>` it blames HEAD (or the work tree) instead.
  const emptyRange = since !== null && (since === rev || (await isAncestor(repo.root, rev, since)));
  if (emptyRange && since !== rev) run.onWarning?.(blameMessages.emptyRange(run.since!, revName));
  const flags = [...(run.gitFlags ?? []), ...ignoreShas.flatMap((sha) => ['--ignore-rev', sha!]), ...ignoreFiles.flatMap((file) => ['--ignore-revs-file', file])];
  const pathspecs = [...new Set((run.paths ?? []).map((path) => toPathspec(path, cwd, repo.root, prefix)))];
  const wholeTree = pathspecs.length === 0 || pathspecs.includes('');
  const specs = wholeTree ? [] : pathspecs;
  const include = config.blame?.include ?? [...DEFAULTS.blameInclude];
  const exclude = [...(config.blame?.exclude ?? []), ...(run.exclude ?? [])];
  const detect = detectOptionsOf(config);
  const allowShallow = run.allowShallow === true;

  // Attributes are read at `rev` (in the key) plus info/attributes (in `environment`); the
  // default exclusions are this list.
  const notes = notesAt ? { ref: notesRef, tip: notesAt } : null;
  // Key material that is the same in every clone: an --ignore-revs-file counts by its content (in `environment`).
  const keyFlags = flags.map((flag, index) => (flags[index - 1] === '--ignore-revs-file' && flag !== '' ? '#file' : flag));
  // The size caps as AITRAIL_SIZE_CAPS_DIVISOR lowers them decide which commits are read (row 1098): in every key.
  const sizeCaps = sizeCapsKey();
  const question = { version, build, rev, since, flags: keyFlags, specs, include, cliInclude: run.include ?? [], exclude, detect, lockfiles: LOCKFILE_NAMES, sourceNames: SOURCE_NAME.source, allowShallow, blameLeftOut: run.blameLeftOut === true, ...(run.giveBack === false ? { giveBack: false } : {}), notes, authors: run.authors === true, mailmap, qwenNotes: qwenAt, ...sizeCaps };
  const key = cacheKey({ v: CACHE_VERSION, ...question, environment, shard: run.shard ?? null });
  const dir = cacheDir(repo.commonDir);
  if (run.cache !== false) {
    const hit = await readCachedReport(dir, key);
    if (hit && excludedOk(hit.report.excluded)) {
      // What the run that wrote the entry said (files left out, attributes or notes unread, a named link skipped) holds for this answer too, in its order.
      for (const { kind, message } of hit.said) (kind === 'note' ? run.onNote : run.onWarning)?.(message);
      return { report: hit.report, cached: true, blamed: 0 };
    }
  }

  // A partial clone's missing versions that cannot be fetched: said as such (exit 3).
  return explainPartialClone(repo.root, async () => {
    // Every warning and note from here on is part of the answer: kept with the cached report and said again on a hit.
    const said: SaidMessage[] = [];
    const onWarning = (message: string) => {
      said.push({ kind: 'warning', message });
      run.onWarning?.(message);
    };
    const onNote = (message: string) => {
      said.push({ kind: 'note', message });
      run.onNote?.(message);
    };
    const notesListing = notes ? listNotes(repo.root, notes.tip) : Promise.resolve(new Map<string, NoteEntry>());
    notesListing.catch(() => {});
    const qwenOpening: Promise<QwenNotes | null> = qwenAt ? openQwenNotes(repo.root, { aliases: detect.detect.aliases, tip: qwenAt }) : Promise.resolve(null);
    qwenOpening.catch(() => {});
    // A tree of tens of millions of paths (a few hundred objects): refused before any walk of its paths (row 900).
    const counts = await treeCounts(repo.root, rev, '.gitattributes');
    if (counts.files > CHANGED_PATHS_CAP) throw new GitError(blameMessages.treeTooLarge(revName, rev, CHANGED_PATHS_CAP), ['ls-tree'], null, '');
    const listing = await listBlameFiles(repo.root, repo.gitDir, rev, specs);
    const { undecodable } = listing;
    if (undecodable.length > 0) onWarning(blameMessages.undecodableNames(undecodable.length, undecodable[0]!));
    // A NUL byte makes a file binary to git: never blamed, counted in `excluded` (named when it says source code).
    const text = new Set(listing.files.map((file) => file.path));
    const binaries = listing.all.filter((file) => file.size > 0 && !text.has(file.path) && !file.path.includes('\ufffd'));
    await checkNamedPaths(repo.root, rev, revName, specs, listing, onNote);
    const named = new Set(specs.filter((spec) => text.has(spec)));
    const selection = await selectBlameFiles({ root: repo.root, commonDir: repo.commonDir, rev, attributeFiles: counts.named, listed: listing.files, binaries, submodules: listing.links.filter((link) => link.kind === 'submodule' && !link.path.includes('\ufffd')).map((link) => link.path), include, cliInclude: run.include ?? [], exclude, named });
    if (selection.attributesUnread) onWarning(blameMessages.attributesUnread(selection.attributesUnread));
    const files = emptyRange ? [] : run.shard ? shardFiles(selection.files, run.shard) : selection.files;
    // Files left out as generated or vendored are blamed too, apart: their lines (and AI lines) are
    // said beside the counts, never added to the totals, so an attribute cannot hide them unsaid.
    const partOf = (list: typeof selection.files) => (emptyRange ? [] : run.shard ? shardFiles(list, run.shard) : list);
    // Only while they are few, or with --blame-left-out: over the bound none is blamed, and the report says how many.
    // The bound is the whole run's count, never a part's, so every --shard part decides alike and the
    // merged parts equal the unsharded report; each part says its own part's unblamed files.
    const generatedPart = partOf(selection.leftOut.generated);
    const vendoredPart = partOf(selection.leftOut.vendored);
    const leftOutCount = generatedPart.length + vendoredPart.length;
    const wholeLeftOut = emptyRange ? 0 : selection.leftOut.generated.length + selection.leftOut.vendored.length;
    // A cap like the others (row 1212): AITRAIL_SIZE_CAPS_DIVISOR lowers it (never below 1), and the report says the figure.
    const leftOutLimit = Math.max(1, loweredCap(LEFT_OUT_BLAME_LIMIT));
    const blameLeftOut = run.blameLeftOut === true || wholeLeftOut <= leftOutLimit;
    const generatedFiles = blameLeftOut ? generatedPart : [];
    const vendoredFiles = blameLeftOut ? vendoredPart : [];
    const blamedList = [...files, ...generatedFiles, ...vendoredFiles];

    const noteEntries = await notesListing.catch((error: unknown) => {
      if (!(error instanceof GitError) || promisorFetchFailure(error) !== null) throw error;
      onWarning(notesMessages.unreadable(notesRef, error.message));
      return new Map<string, NoteEntry>();
    });
    const noted = noteEntries.size > 0 ? (sha: string) => noteEntries.has(sha) : undefined;
    const useCache = run.cache !== false;
    const attributionsOf = startAttributions({ root: repo.root, rev, since, detect, cache: useCache ? { dir, key: cacheKey({ v: CACHE_VERSION, version, build, detect, environment, ...sizeCaps }) } : null, whole: !run.shard, onWarning });
    // Per-file entries: what git blame answers for (anchor, path) under these options and this environment.
    const keyBase = JSON.stringify({ v: FILE_CACHE_VERSION, version, build, since, flags: keyFlags, environment, ...(run.giveBack === false ? { giveBack: false } : {}), ...sizeCaps });
    const jobs = run.jobs ?? availableParallelism();
    // Every line group is kept (not only noted commits'): a revert's lines are given back to their writers first.
    const { blames, blamed: blamedFiles } = await blameFiles({ root: repo.root, rev, since, files: blamedList, flags, jobs, noted: () => true, giveBack: run.giveBack !== false, cache: useCache ? { dir, keyBase } : null, onProgress: run.onProgress });
    if (run.giveBack !== false) await giveBackRevertedLines({ root: repo.root, since, flags, blames, jobs, noted: (sha) => noteEntries.has(sha), cache: useCache ? { dir, keyBase } : null });
    for (const blame of blames) {
      if (blame.noted) blame.noted = noted ? blame.noted.filter((group) => noteEntries.has(group.sha)) : undefined;
      if (blame.noted?.length === 0) delete blame.noted;
    }
    const needed = blames.flatMap((blame) => (blame.noted ?? []).map((group) => group.sha));
    // Commits git blame was told to ignore: one with AI attribution (its message's or its note's) moves its lines to older commits.
    const ignored = await ignoredCommits(repo.root, configuredIgnoreRevsFiles, ignoreFiles, ignoreShas as string[]);
    // A note is read as git-ai's blame reads it: only `schema_version` authorship/3.0.0.
    const parsedNotes = await readNotes(repo.root, noteEntries, [...needed, ...(noted ? ignored.filter(noted) : [])], { aliases: detect.detect.aliases, onWarning, schemas: 'blame', ...(notes ? { tip: notes.tip } : {}) });
    // git-ai's note of a commit it saw no AI line in attests nothing: the commit is judged by its message.
    for (const [sha, note] of parsedNotes) if (note.empty) parsedNotes.delete(sha);
    const blamed = new Set(blames.flatMap((blame) => [...blame.commits.keys()]));
    const attributions = await attributionsOf(new Set([...blamed, ...ignored]));
    await addQwenNotes(repo.root, await qwenOpening, new Set([...blamed, ...ignored]), detect, attributions);
    // A note written for another commit (copied word for word by an unhooked amend or rebase) says
    // nothing line by line: every line of its commit counts under its models and the commit's own.
    for (const [sha, note] of parsedNotes) {
      if (note.stale !== true) continue;
      parsedNotes.delete(sha);
      const own = attributions.get(sha);
      const authors = note.authors();
      if (authors.length === 0) continue;
      const union = (kept: readonly string[] | undefined, added: readonly string[]) => [...new Set([...(kept ?? []), ...added])];
      attributions.set(sha, { models: union(own?.models, authors.map((author) => author.model)), agents: union(own?.agents, authors.map((author) => author.agent)) });
    }
    const ignoredAi = (await inBlamedRange(repo.root, ignored.filter((sha) => attributions.get(sha) || (parsedNotes.get(sha)?.aiPaths().length ?? 0) > 0), rev, since)).sort();
    const lookup = (sha: string): CommitModels | undefined => attributions.get(sha) ?? undefined;
    const authors = run.authors ? await commitAuthors(repo.root, blamed) : undefined;
    const authorOf = authors ? (sha: string) => authors.get(sha) ?? `unknown <${sha}>` : undefined;
    const unknownHistory = allowShallow ? new Set(cut) : undefined;
    const noteOf = (sha: string) => parsedNotes.get(sha);
    const attributed = blamedList.map((file, index) => attributeFile(file.path, blames[index]!, lookup, unknownHistory, noteOf, authorOf));
    const reports: FileReport[] = attributed
      .slice(0, files.length)
      .filter((file) => file.lines > 0 || (file.shallowBoundary ?? 0) > 0)
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const generatedLines = sumLeftOut(attributed.slice(files.length, files.length + generatedFiles.length));
    const vendoredLines = sumLeftOut(attributed.slice(files.length + generatedFiles.length));
    const totals = sumReports(reports);
    if (allowShallow) totals.shallowBoundary ??= 0;
    // The AI commits credited in each blamed file (by their message, or by a note of AI lines).
    const aiCommits = new Map(blamedList.map((file, index) => [file.path, [...blames[index]!.commits.keys()].filter((sha) => attributions.get(sha) || (parsedNotes.get(sha)?.aiPaths().length ?? 0) > 0)]));
    const ignoredHuman = await ignoredIntoAi(repo.root, ignored, ignoredAi, rev, since, aiCommits);
    // A shard's `excluded` counts ride with part 1, so the parts add up to the whole.
    // The left-out lines are each part's own files' (added up by --merge).
    const excluded = { ...(run.shard && run.shard.index !== 1 ? NONE_EXCLUDED : selection.excluded), generatedLines, vendoredLines, leftOutUnblamed: blameLeftOut ? 0 : leftOutCount, ...(leftOutLimit < LEFT_OUT_BLAME_LIMIT ? { leftOutLimit } : {}) };
    const shard = run.shard ? { shard: { ...run.shard, question: cacheKey(question) } } : {};
    const report: BlameReport = { rev, since, totals, files: reports, excluded, ...(ignoredAi.length > 0 ? { ignoredAi } : {}), ...(ignoredHuman.length > 0 ? { ignoredHuman } : {}), ...(allowShallow ? { shallowCut: cut } : {}), ...shard };
    warnLeftOut(report, selection.binarySourceExample, selection.submoduleExample, onWarning);
    if (run.cache !== false) await writeCachedReport(dir, key, report, said);
    return { report, cached: false, blamed: blamedFiles };
  });
}

/**
 * The commits of `commits` that Qwen Code's attribution note names as AI, judged again with the
 * note added (exactly as `log` and `check` judge them: notes only add, the whole commit), into
 * `attributions`. Read apart from the attribution cache, which holds what a commit says of itself
 * (immutable) and never what a note adds (a note changes; the report is keyed by the notes' tip).
 */
async function addQwenNotes(root: string, qwen: QwenNotes | null, commits: ReadonlySet<string>, detect: ReturnType<typeof detectOptionsOf>, attributions: Map<string, CommitModels | null>): Promise<void> {
  if (!qwen) return;
  try {
    // Asked all at once: the notes are read through one `cat-file --batch`, pipelined.
    const all = [...commits];
    const found = await Promise.all(all.map((sha) => qwen.noted(sha)));
    const noted = all.filter((_sha, at) => found[at]);
    for (const [sha, value] of await namedAttributions(root, noted, detect, qwen.add)) attributions.set(sha, value);
  } finally {
    await qwen.close();
  }
}

export interface BlameCommandRun extends BlameRun, DiagnosticsOptions {
  format: BlameFormat;
  /** `--merge <json>...`: print the report the shards' JSON files make together (no repository read). */
  merge?: string[];
  by: BlameGrouping;
  write?: (text: string) => void;
}

/** `aitrail blame`: build the report (with a spinner on a TTY) and print it. */
export async function runBlame(args: BlameCommandRun): Promise<number> {
  checkEnvLimits(REPORT_LIMITS);
  const write = args.write ?? writeStdout;
  let onProgress = args.onProgress;
  const spinner = onProgress || args.quiet ? null : await progressSpinner('aitrail blame: reading history…');
  if (spinner) onProgress = (done, total) => spinner.update(`aitrail blame: ${done}/${total} files`, done === total);
  try {
    const say = diagnostics(args);
    const onWarning = args.onWarning ?? ((message: string) => say(`aitrail: warning: ${message}\n`));
    const onNote = args.onNote ?? ((message: string) => say(`aitrail: note: ${message}\n`));
    const report = args.merge
      ? await (await import('./merge-shards.js')).mergeShardFiles(args.merge, { authors: args.by === 'author' })
      : (await blameReport({ ...args, authors: args.authors ?? args.by === 'author', onProgress, onWarning, onNote })).report;
    spinner?.stop();
    const meta = args.format === 'html' ? { tool: `aitrail ${await packageVersion()}`, generatedAt: new Date().toISOString(), options: runOptions(args) } : undefined;
    write(renderBlame(report, args.format, args.by, meta));
    return ExitCode.ok;
  } finally {
    spinner?.stop();
  }
}

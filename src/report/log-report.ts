import { cachedIn, loadConfig } from '../config/load.js';
import { commitSignals } from '../core/commit-signals.js';
import { detectCommit } from '../core/detect.js';
import { ExitCode } from '../core/exit-codes.js';
import { renderLogEntry, renderLogSummary, type LogEntry } from '../core/render-log.js';
import { badRangeError } from '../git/bad-range.js';
import { assertRangeNamesCommits } from '../git/range-commits.js';
import { GitError } from '../git/exec.js';
import { countCommits, streamCommits } from '../git/log.js';
import { loweredCap, RANGE_LARGE_BYTES_CAP } from '../git/commit-size.js';
import { openAddedLines } from '../git/added-lines.js';
import { locateRepo } from '../git/repo.js';
import { resolveCommit } from '../git/resolve-commit.js';
import { UsageError } from '../errors/usage-error.js';
import { stdoutClosed, writeStdout } from '../io/stdout.js';
import { safeJson, sanitize } from '../core/sanitize.js';
import { detectOptionsOf } from '../config/defaults.js';
import { mergeFooters, type MergedReads, mergedReadsBound } from '../enforce/merge-footers.js';
import { notesMessages } from '../core/notes/messages.js';
import { DEFAULT_NOTES_REF, notesRefName } from '../core/notes/notes-ref.js';
import { openCommitNotes } from '../notes/commit-notes.js';
import { openQwenNotes } from '../notes/qwen-notes.js';
import { listReplaceRefs, notesTipsAndReplaceRefs } from '../git/notes.js';
import { rewiredHistory } from '../git/blame-environment.js';
import { blameMessages, warnRewired } from './blame-messages.js';
import { rangeRevisions, warnAmbiguous } from './warn-ambiguous.js';
import { shallowBoundary } from '../git/shallow.js';
import { QWEN_NOTES_REF } from '../core/notes/qwen-attribution.js';
import { diagnostics, type DiagnosticsOptions } from '../io/diagnostics.js';
import { trimTrailing } from '../core/trim-run.js';
import { readFile } from 'node:fs/promises';
import { graftedCommits, historyMarks } from '../core/history-marks.js';
import { reportWarnings } from '../core/blame/report-warnings.js';
import { checkEnvLimits, REPORT_LIMITS } from '../io/env-limits.js';

export interface LogOptions {
  /** Directory to run in (inside the repository); `config` is relative to it. */
  cwd: string;
  /** Revision range, as for git log (default: HEAD). */
  range?: string | undefined;
  /** Config file instead of the repository search. */
  config?: string | undefined;
  /** false = leave git-ai notes out (`--no-notes`); default: add the models each commit's note names. */
  notes?: boolean | undefined;
  /** Notes ref of the git-ai Authorship Logs (default refs/notes/ai). */
  notesRef?: string | undefined;
  /** At most this many commits (`-n`; with `aiOnly`, this many AI-assisted ones). */
  maxCount?: number | undefined;
  /** Only AI-assisted commits (`--ai-only`). */
  aiOnly?: boolean | undefined;
  /** Only commits whose author matches this pattern, as `git log --author` reads it. */
  author?: string | undefined;
  /** Diagnostics for people (a note left out…). */
  onWarning?: (message: string) => void;
}

export interface LogRun extends Omit<LogOptions, 'cwd' | 'onWarning'>, DiagnosticsOptions {
  format: 'text' | 'json';
  cwd?: string;
  write?: (text: string) => void;
  /** Diagnostics (default: stderr). */
  warn?: (text: string) => void;
}

/** Resolve a user-given range into git log revision arguments, refusing option-like input. */
export function rangeArgs(range: string | undefined): string[] {
  if (range === undefined || range === '') return ['HEAD'];
  if (range.startsWith('-')) throw new UsageError(`invalid range '${range}': a range cannot start with '-'.`);
  if (/[\0\n\r]/.test(range)) throw new UsageError('invalid range: it contains a control character.');
  return ['--end-of-options', range];
}

/**
 * The subject as git shows it (`%s`): blank lines skipped, then the first paragraph with each
 * line's trailing whitespace dropped, joined by spaces (`git commit -m $'a\nb'` → `a b`).
 */
export function gitSubject(message: string): string {
  const lines: string[] = [];
  let started = false;
  for (const line of message.split('\n')) {
    const trimmed = trimTrailing(line, ' \t\r'); // git's isspace(): no \v, \f or unicode spaces
    if (trimmed === '') {
      if (started) break;
      continue;
    }
    started = true;
    lines.push(trimmed);
  }
  return lines.join(' ');
}

/**
 * Every commit of the range, newest first, with its attribution and evidence: the objects of
 * `log --format json`, one at a time (a long history is never held in memory; stopping the
 * iteration stops git). No commit yet and no range: nothing.
 */
export async function* logEntries(options: LogOptions): AsyncGenerator<LogEntry> {
  const repo = await locateRepo(options.cwd);
  const { config } = await loadConfig(repo.root, { ...(options.config !== undefined ? { configFile: options.config, cwd: options.cwd } : {}), ...cachedIn(repo) });
  const revisions = rangeArgs(options.range);
  const extra = filterArgs(options);
  if (options.range === undefined && (await resolveCommit(repo.root, 'HEAD')) === null) return;
  const detectOptions = detectOptionsOf(config);
  const notesRef = notesRefName(options.notesRef ?? DEFAULT_NOTES_REF);
  if (!notesRef) throw new UsageError(notesMessages.badRef(options.notesRef ?? ''));
  // A commit's git-ai note adds the models it names (evidence `note …`), of any schema_version, as check reads it.
  // Both notes refs looked up in one git process ('' for none, as openCommitNotes and openQwenNotes read it).
  // With the replace refs, in the same git process: a history git shows other than stored is said (rows 1, 584).
  const listed = options.notes === false ? { tips: [], replaceRefs: await listReplaceRefs(repo.root) } : await notesTipsAndReplaceRefs(repo.root, [notesRef, QWEN_NOTES_REF]);
  const [notesAt = '', qwenAt = ''] = listed.tips.map((tip) => tip ?? '');
  const rewired = await rewiredHistory(repo.root, repo.commonDir, listed.replaceRefs);
  warnRewired(rewired, options.onWarning);
  // A side of the range git reads as another ref than its name says (a tag named like an abbreviated sha): said, as blame and trend say it (rows 33, 1081).
  // In the JSON too, on the first commit listed (row 1131): a JSON reader never sees stderr, and the list has no other place.
  const ambiguous: string[] = [];
  await warnAmbiguous(repo.root, rangeRevisions(options.range).map((name): [string, string] => ['range', name]), (message) => {
    ambiguous.push(message);
    options.onWarning?.(message);
  });
  // And beside each commit concerned, in the text and the JSON (row 827): a JSON reader never sees stderr.
  const replaced = new Set(rewired.replaced);
  const grafted = rewired.grafts === null ? new Set<string>() : await readGrafts(rewired.grafts);
  // A warning said while a commit is read (its note malformed, stale…) is that commit's too: kept on its entry (row 827).
  let reading: string[] | null = null;
  const onWarning = (message: string) => {
    reading?.push(message);
    options.onWarning?.(message);
  };
  const notes = options.notes === false ? null : await openCommitNotes(repo.root, { ref: notesRef, tip: notesAt, aliases: detectOptions.detect.aliases, onWarning, schemas: 'any' });
  // Qwen Code's attribution note (refs/notes/ai-attribution) adds its model (evidence `note …`), as check reads it.
  const qwenNotes = options.notes === false ? null : await openQwenNotes(repo.root, { aliases: detectOptions.detect.aliases, tip: qwenAt });
  // A shallow clone (CI's `fetch-depth: 1`): a walk that reaches a cut commit counted only what was fetched: said.
  const boundary = await shallowBoundary(repo.root, repo.shallow);
  const cut: string[] = [];
  let yielded = 0;
  // Row 1132: the merge-footer walks read at most MERGED_READS merged commits more than the commits this walk lists (an
  // honest history's merges bring in each commit about once), and 64 MiB of large messages together (row 1107's bound,
  // one count for them all, apart from this walk's: a merged commit is read by both, and the walk's figures stay its own).
  let walked = 0;
  const largeTogether = loweredCap(RANGE_LARGE_BYTES_CAP);
  const mergedReads = mergedReadsBound(); // lowered as the size caps are (row 1073)
  // Row 1145: counted as `log` lists commits, the bound was reached by an honest history whose footer merges bring in
  // older branches (read by the merges before they are listed): once reached, it is raised to the whole range's count
  // (one `git rev-list --count`), so a merge's credit does not depend on what the run listed before it.
  let counted = 0;
  const reads: MergedReads = {
    read: 0,
    most: mergedReads,
    largeTogether,
    largeRead: { bytes: 0 },
    widen: async () => {
      counted = await countCommits(repo.root, revisions, extra);
      reads.most = mergedReads + Math.max(walked, counted);
      return true;
    },
  };
  // Where each noted commit adds lines, for its note's evidence: one git process for the walk.
  const added = openAddedLines(repo.root);
  try {
    for await (const commit of explainBadRange(streamCommits(repo.root, revisions, { extra, largeTogether }), options.range, options.author)) {
      if (options.maxCount !== undefined && yielded >= options.maxCount) break;
      walked += 1;
      reads.most = mergedReads + Math.max(walked, counted);
      if (boundary?.has(commit.sha)) cut.push(commit.sha);
      reading = [];
      if (commit.tooLarge) onWarning(blameMessages.commitTooLarge(commit.sha, commit.tooLarge.part, commit.tooLarge.bytes, commit.tooLarge.most));
      const signals = commitSignals(commit);
      const detected = detectCommit(signals, detectOptions);
      // The note's evidence counts the lines it can claim: those the commit adds, in files it changed (row 964).
      const noted = notes ? await notes.add(commit.sha, detected, null, (paths) => added.of(commit.sha, commit.parents[0] ?? null, paths)) : detected;
      const read = qwenNotes ? await qwenNotes.add(commit.sha, noted) : noted;
      // A pull request description's agent footer on a merge is the merged commits' work when they name its model: counted once, there (merge-footers).
      const attributions = commit.parents.length > 1 ? await mergeFooters(repo.root, commit.parents, read, detectOptions, 'drop', reads) : read;
      if (reads.cut !== undefined) {
        onWarning(reads.cut === 'commits' ? blameMessages.mergedReadsCut(commit.sha, reads.most, mergedReads) : blameMessages.mergedLargeCut(commit.sha, largeTogether));
        delete reads.cut;
      }
      if (options.aiOnly && attributions.length === 0) continue;
      yielded += 1;
      const warnings = [
        ...reportWarnings(yielded === 1 ? [...ambiguous, ...reading] : reading),
        ...(replaced.has(commit.sha) ? [historyMarks.replaced()] : []),
        ...(grafted.has(commit.sha) ? [historyMarks.grafted()] : []),
        ...(boundary?.has(commit.sha) ? [historyMarks.shallowCut()] : []),
      ];
      reading = null;
      yield {
        sha: commit.sha,
        subject: gitSubject(commit.message),
        author: commit.author,
        ai: attributions.length > 0,
        attributions: attributions.map(({ agent, model, evidence }) => ({ agent, model, evidence })),
        trailers: signals.trailers,
        ...(warnings.length > 0 ? { warnings } : {}),
      };
    }
    // A range naming a file or tree where a commit is wanted walks nothing: an error, not an empty log (row 1193). Asked only then: no process more for a range that lists commits.
    if (walked === 0 && options.range !== undefined && options.range !== '') await assertRangeNamesCommits(repo.root, revisions, options.range);
  } finally {
    added.close();
    await qwenNotes?.close();
    await notes?.close();
  }
  // `-n N` that got its N commits counted all it asked for; a shorter walk (or none) lacks what lies past the cut.
  if (cut.length > 0 && (options.maxCount === undefined || yielded < options.maxCount)) options.onWarning?.(blameMessages.logShallowCut(cut));
}

/** The commits the grafts file git reads names (none when it cannot be read: git's warning was said). */
async function readGrafts(file: string): Promise<Set<string>> {
  try {
    return graftedCommits(await readFile(file, 'utf8'));
  } catch {
    return new Set();
  }
}

/** git log arguments for the filters git applies itself (`--max-count` only when every commit counts). */
function filterArgs(options: LogOptions): string[] {
  const { maxCount, author } = options;
  if (maxCount !== undefined && (!Number.isSafeInteger(maxCount) || maxCount < 0)) throw new UsageError('-n/--max-count must be a whole number (0 or more).');
  if (author !== undefined && (author === '' || /[\0-\x1f\x7f]/.test(author))) throw new UsageError('--author needs a pattern without control characters, e.g. --author=jane or --author="(aider)".');
  return [...(maxCount !== undefined && !options.aiOnly ? [`--max-count=${maxCount}`] : []), ...(author !== undefined ? [`--author=${author}`] : [])];
}

/** `aitrail log`: logEntries() printed as text or JSON, streamed. */
export async function runLog(args: LogRun): Promise<number> {
  checkEnvLimits(REPORT_LIMITS);
  const write = args.write ?? writeStdout;
  const json = args.format === 'json';
  // A reader that goes away (`aitrail log | head`; the CLI ignores the EPIPE) stops the walk.
  const closed = () => args.write === undefined && stdoutClosed();
  let count = 0;
  let ai = 0;
  const warn = args.warn ?? diagnostics(args);
  const onWarning = (message: string) => warn(`aitrail: warning: ${message}\n`);
  const { format: _format, write: _write, warn: _warn, quiet: _quiet, cwd, ...options } = args;
  const entries = logEntries({ ...options, cwd: cwd ?? process.cwd(), onWarning });
  for await (const entry of entries) {
    if (closed()) break;
    write(json ? `${count === 0 ? '[\n' : ',\n'}  ${safeJson(entry)}` : renderLogEntry(entry));
    count += 1;
    if (entry.ai) ai += 1;
  }
  if (json) write(count === 0 ? '[]\n' : '\n]\n');
  else if (count === 0 && args.range === undefined && !(await hasCommits(args.cwd ?? process.cwd()))) write('No commits yet.\n');
  else write(renderLogSummary(count, ai));
  return ExitCode.ok;
}

async function hasCommits(cwd: string): Promise<boolean> {
  return (await resolveCommit((await locateRepo(cwd)).root, 'HEAD')) !== null;
}

/**
 * git's refusal of an `--author` pattern (`fatal: header, '[': Invalid regular expression`, git's
 * grep.c for a header pattern) as the bad input it is: exit 2 (DESIGN.md), not a git failure's 3
 * (row 1161). Only a header pattern makes git say `header, '…'`, and log gives none but --author.
 */
function badAuthorError(error: unknown, author: string | undefined): UsageError | null {
  if (!(error instanceof GitError) || author === undefined) return null;
  const line = /^fatal: header, '.*/m.exec(error.stderr)?.[0];
  if (line === undefined) return null;
  const reason = line.slice(line.lastIndexOf("': ") + 3);
  return new UsageError(`invalid --author pattern '${sanitize(author, { max: 200 })}': ${sanitize(reason, { max: 200 })}. git log reads it as a regular expression: put a backslash before a special character meant literally, or give a plain name.`);
}

/** git's `fatal: bad revision 'x'` as a message that says what to give instead (still exit 3, as `check`); a bad --author pattern is exit 2. */
async function* explainBadRange<T>(commits: AsyncGenerator<T>, range: string | undefined, author: string | undefined): AsyncGenerator<T> {
  try {
    yield* commits;
  } catch (error) {
    throw badAuthorError(error, author) ?? badRangeError(error, range) ?? error;
  }
}

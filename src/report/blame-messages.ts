import { sanitize } from '../core/sanitize.js';
import { MERGED_READS } from '../io/env-limits.js';
import { plural } from '../core/blame/format.js';
import type { Rewired } from '../git/blame-environment.js';
import { COMMIT_BYTES_CAP, LARGE_COMMIT_BYTES, loweredCap } from '../git/commit-size.js';

const show = (text: string): string => sanitize(text, { max: 200 });

/** The one file a warning leaves out, named; or, of several, the first as an example. */
const named = (count: number, example: string): string => `${count === 1 ? '' : 'e.g. '}'${show(example)}'`;

const FETCH_ALL = '  git fetch --unshallow\n  (GitHub Actions: actions/checkout with `fetch-depth: 0`; GitLab CI: `GIT_DEPTH: 0`)\n';

/** After a path or revision that looks like a glob: the form a repeatable --include took before it took one value a flag. */
export const oneGlobAFlag = (text: string): string =>
  /[*?[]/.test(text) ? " --include and --exclude take one glob each: give each glob its own flag (--include '*.py' --include '*.js')." : '';

/** What `aitrail blame` says to people (errors that end the run, notes on stderr). */
export const blameMessages = {
  /** An ignored commit (--ignore-rev, an ignore-revs file) whose change holds more files than are read (row 900): exit 3. */
  ignoredTooLarge: (sha: string, most: number) =>
    `cannot read ignored commit ${sha.slice(0, 12)}: it changes more than ${most} files, more than a report reads; take it out of --ignore-rev and the ignore-revs files.`,
  /** A revision whose tree holds more files than a report reads (row 900): refused unread, exit 3. */
  treeTooLarge: (rev: string, sha: string, most: number) =>
    `cannot report on '${show(rev)}' (${sha.slice(0, 12)}): its tree holds more than ${most} files, more than a report reads; name a revision without it.`,
  configTwice: () => "--config and --config-from each name the config: give one (--config-from <rev> reads it as committed there, e.g. the target branch).",
  shallowCut: (cut: readonly string[]) =>
    `this is a shallow clone and its history is cut at ${cut.map((sha) => sha.slice(0, 12)).join(', ')}, inside what blame reads: ` +
    'git blame would give that commit every older line, so the report would be wrong.\n' +
    `Fetch the full history and run again:\n${FETCH_ALL}` +
    'or pass --since <rev> with a revision inside the fetched history, or --allow-shallow to count those lines apart as unknown history.',
  emptyRange: (since: string, rev: string) =>
    `--since '${show(since)}' already holds --rev '${show(rev)}' in its history: no line of it comes after --since, so every total is 0. Give the older revision as --since (aitrail blame --since <older> --rev <newer>).`,
  partialClone: (failure: string) =>
    `this is a partial clone (cloned with --filter): git blame reads past versions of files this clone never downloaded, and fetching them failed (${show(failure)}); no report is made from what is missing.\n` +
    'Run where its remote can be reached, or use a full clone (git clone without --filter; actions/checkout without `filter:`).',
  /** Row 966: a commit not read whole (its message, or a merge's object, past 16 MiB). */
  commitTooLarge: (sha: string, part: 'message' | 'object' | 'together', bytes: number, most = COMMIT_BYTES_CAP) =>
    part === 'together'
      ? `commit ${sha.slice(0, 12)} was not read: with its message, the messages of more than ${loweredCap(LARGE_COMMIT_BYTES).toLocaleString('en-US')} bytes this report read hold ${bytes.toLocaleString('en-US')} bytes together, more than the ${most.toLocaleString('en-US')} a report reads, so it is counted as AI of an unknown model (check, pre-push and pre-receive refuse such a range).`
      : `commit ${sha.slice(0, 12)} was not read: ${part === 'message' ? 'its text as git shows it' : 'its object'} is ${bytes.toLocaleString('en-US')} bytes, more than the ${most.toLocaleString('en-US')} a report reads, so it is counted as AI of an unknown model (check, pre-push and pre-receive refuse it).`,
  mergedReadsCut: (sha: string, most: number, more: number) =>
    `merge ${sha.slice(0, 12)}'s agent footer was not checked against the commits it merges: this report's merges brought in ${most.toLocaleString('en-US')} commits to read already (the most it reads: ${more.toLocaleString('en-US')} more than the commits it lists), so the footer counts as the merge's own (AI of that agent, model unknown); AITRAIL_MERGED_READS=<commits> (default ${MERGED_READS.toLocaleString('en-US')}) in the environment raises the bound.`,
  mergedLargeCut: (sha: string, most: number) =>
    `merge ${sha.slice(0, 12)}'s agent footer may not have been checked against every commit it merges: the messages of more than ${loweredCap(LARGE_COMMIT_BYTES).toLocaleString('en-US')} bytes this report's merges brought in hold more than the ${most.toLocaleString('en-US')} it reads, and the ones past that were not read; a footer they may have named stays the merge's own (AI of that agent, model unknown).`,
  logShallowCut: (cut: readonly string[]) =>
    `this is a shallow clone and the history log read is cut at ${cut.slice(0, 3).map((sha) => sha.slice(0, 12)).join(', ')}${cut.length > 3 ? ` (+${cut.length - 3} more)` : ''}: ` +
    'the commits before it were never fetched and are not counted (the totals are of the fetched commits only).\n' +
    `Fetch the full history for every commit:\n${FETCH_ALL}`,
  shallowMissingSince: (since: string) =>
    `this is a shallow clone and it lacks '${show(since)}', the --since revision.\nFetch the full history and run again:\n${FETCH_ALL}`,
  skippedLink: (path: string, kind: 'symlink' | 'submodule') =>
    kind === 'symlink'
      ? `skipped '${show(path)}': a symbolic link (blame counts the lines of files, not links); name its target instead.`
      : `skipped '${show(path)}': a submodule (another repository); run aitrail blame inside it.`,
  undecodableNames: (count: number, example: string) =>
    `left out ${plural(count, 'file', 'files')} whose ${count === 1 ? 'name is' : 'names are'} not valid UTF-8 (${named(count, example)}); rename ${count === 1 ? 'it to include it' : 'them to include them'}.`,
  binarySource: (count: number, example: string | undefined) =>
    `left out ${plural(count, 'file', 'files')} git reads as binary (a NUL byte in ${count === 1 ? 'its' : 'their'} first 8,000 bytes) though ${count === 1 ? 'its name says' : 'their names say'} source code${example === undefined ? '' : ` (${named(count, example)})`}: ${count === 1 ? 'its' : 'their'} lines are counted nowhere in this report (excluded.binarySource).`,
  submodules: (count: number, example: string | undefined) =>
    `left out ${plural(count, 'submodule', 'submodules')}${example === undefined ? '' : ` (${named(count, example)})`}: another repository's files, which git blame never reads, so their lines are counted nowhere in this report (excluded.submodules); run aitrail blame inside each.`,
  aiLeftOut: (generated: number, vendored: number) =>
    `left out ${[generated > 0 ? `${plural(generated, 'AI line', 'AI lines')} in files marked generated` : '', vendored > 0 ? `${plural(vendored, 'AI line', 'AI lines')} in files marked vendored` : ''].filter(Boolean).join(' and ')} ` +
    '(linguist-generated / linguist-vendored in .gitattributes, a generator\'s header, or a package manager\'s directory): they are in no total (excluded.generatedLines, excluded.vendoredLines); name the files with --include to count them.',
  ignoredAi: (shas: readonly string[]) =>
    `git blame was told to ignore ${plural(shas.length, 'commit', 'commits')} with AI attribution (${shas.slice(0, 5).map((sha) => sha.slice(0, 12)).join(', ')}${shas.length > 5 ? ', …' : ''}) by --ignore-rev, --ignore-revs-file or blame.ignoreRevsFile: ${shas.length === 1 ? 'its' : 'their'} lines are counted as older commits' (ignoredAi); run with --ignore-revs-file '' and no --ignore-rev to count them.`,
  ignoredHuman: (shas: readonly string[]) =>
    `git blame was told to ignore ${plural(shas.length, 'commit', 'commits')} without AI attribution (${shas.slice(0, 5).map((sha) => sha.slice(0, 12)).join(', ')}${shas.length > 5 ? ', …' : ''}) by --ignore-rev, --ignore-revs-file or blame.ignoreRevsFile, in files holding AI lines: the lines they changed are counted as older commits', an agent's where one wrote the lines before (ignoredHuman). Right for a commit that only reformatted (what an ignore list is for); if one changed what the lines do, run with --ignore-revs-file '' and no --ignore-rev to count its lines as its author's.`,
  /** Replace refs git reads (rows 1, 584): a report of the history as git shows it, not as stored. */
  replaced: (objects: readonly string[]) =>
    `git shows ${plural(objects.length, 'object', 'objects')} in place of the stored ones (replace refs: ${objects.slice(0, 5).map((name) => show(name.slice(0, 12))).join(', ')}${objects.length > 5 ? ', …' : ''}), and this report reads the history as git shows it: ` +
    "a replaced commit is counted by its replacement's message, author and lines, so an agent's commit replaced by a person's is counted as the person's. " +
    'GIT_NO_REPLACE_OBJECTS=1 aitrail … reads the history as stored (as check, pre-push and pre-receive judge it).',
  /** A grafts file git reads: commits given other parents than stored. */
  grafts: (file: string) =>
    `git reads grafts from '${show(file)}', which give commits other parents than stored, and this report reads the history as git shows it: ` +
    "the lines a grafted commit's stored parents wrote can be counted as the grafted commit's, an agent's lines as a person's. " +
    'Move the grafts file aside (git replace --convert-graft-file, then GIT_NO_REPLACE_OBJECTS=1) to read the history as stored (as check, pre-push and pre-receive judge it).',
  ambiguousRevision: (what: string, name: string, picked: string, also: string) =>
    `${what} '${show(name)}' is ambiguous: git reads it as ${show(picked)}, ${also}; this report is of ${show(picked)}. Name the ref you mean in full (refs/heads/…, refs/tags/…).`,
  skippedInside: (path: string, link: string, kind: 'symlink' | 'submodule') =>
    kind === 'symlink'
      ? `skipped '${show(path)}': it is under '${show(link)}', a symbolic link in this revision; name the real path instead.`
      : `skipped '${show(path)}': it is inside the submodule '${show(link)}' (another repository); run aitrail blame inside it.`,
  shardUnreadable: (file: string, why: string) => `--merge: cannot read '${show(file)}' (${show(why)}); give the JSON files that \`aitrail blame --format json --shard <i>/<n>\` wrote.`,
  shardNotOne: (file: string) => `--merge: '${show(file)}' is not the JSON of one shard (aitrail blame --format json --shard <i>/<n>, same aitrail version).`,
  shardMismatch: (file: string) => `--merge: '${show(file)}' answers another question than the first shard (other revision, options, config or aitrail version); run every shard with the same command.`,
  shardNoAuthors: () => '--merge --by author: the shards were run without --by author; run each --shard with --by author (and --format json).',
  shardOverlap: (path: string) => `--merge: '${show(path)}' is in two shards; give the JSON of each --shard i/n once, all from the same command.`,
  shardSet: (count: number, missing: readonly number[], twice: readonly number[]) =>
    `--merge: the ${count} shards are not all there once each${missing.length > 0 ? ` (missing: ${missing.join(', ')})` : ''}${twice.length > 0 ? ` (given twice: ${twice.join(', ')})` : ''}; give the JSON of every --shard i/${count}, i = 1…${count}.`,
  shardInvalid: (value: string) => `invalid --shard '${show(value)}': give <i>/<n> with 1 <= i <= n <= 1024, e.g. --shard 2/4.`,
  mergeWith: (options: readonly string[]) => `--merge reads only the shards' JSON: ${options.join(', ')} ${options.length > 1 ? 'do' : 'does'} not apply; give ${options.length > 1 ? 'them' : 'it'} to every --shard run instead.`,
  shardWithMerge: () => '--shard and --merge do not go together: run each shard with --shard, then merge their JSON with --merge.',
  attributesUnread: (reason: string) => `linguist-generated not read (nor linguist-vendored): ${reason}; generated and vendored files are counted like any other (leave them out with --exclude).`,
};

/** Replace refs and grafts git reads for a report (rows 1, 584): said, since they can make an agent's lines a person's. */
export function warnRewired(rewired: Rewired, onWarning: ((message: string) => void) | undefined): void {
  if (rewired.replaced.length > 0) onWarning?.(blameMessages.replaced(rewired.replaced));
  if (rewired.grafts !== null) onWarning?.(blameMessages.grafts(rewired.grafts));
}

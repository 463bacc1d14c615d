import type { Argv } from 'yargs';
import { splitBlameFlags } from '../core/blame/blame-flags.js';
import type { BlameRun } from '../report/blame-report.js';
import { UsageError } from '../errors/usage-error.js';
import { sanitize } from '../core/sanitize.js';
import { isCommaList } from '../config/comma-list.js';
import { misreadRangeReason } from '../config/check-model-globs.js';
import { cliMessages } from '../errors/usage-messages.js';
import { SIZE_CAPS_HELP } from './size-caps-help.js';

/** The options `blame` and `trend` share (what git blame reads and which files count). */
export interface BlameOptionArgs {
  _: (string | number)[];
  '--'?: (string | number)[];
  w?: boolean;
  'ignore-rev'?: string[];
  'ignore-revs-file'?: string[];
  include?: string[];
  exclude?: string[];
  cache: boolean;
  config?: string;
  'config-from'?: string;
  jobs?: number;
  'allow-shallow'?: boolean;
  'blame-left-out'?: boolean;
  notes: boolean;
  'notes-ref'?: string;
  'give-back': boolean;
  root: boolean;
}

/** Add the shared options. git's -M[<n>] / -C[<n>] reach the command as positionals (see `blameRunOf`). */
export function withBlameOptions(yargs: Argv): Argv {
  return (
    yargs
      // git's -M[<n>] / -C[<n>] (repeatable, clustered as -wC50) do not fit yargs: let it
      // pass every unknown dash token through as a positional and parse those exactly as git does.
      .parserConfiguration({ 'short-option-groups': false, 'unknown-options-as-args': true, 'populate--': true, 'parse-positional-numbers': false, 'parse-numbers': false })
      .option('w', { type: 'boolean', describe: 'Ignore whitespace when finding where lines came from (git blame -w)' })
      .option('ignore-rev', { type: 'string', array: true, describe: 'Ignore this revision, as git blame --ignore-rev (repeatable)' })
      .option('ignore-revs-file', { type: 'string', array: true, describe: "Ignore the revisions listed in this file (repeatable; '' clears the list, as in git). blame.ignoreRevsFile is honoured" })
      // One glob a flag (`--include '*.py' --include '*.js'`), as git's and grep's: an array option
      // would take every value up to the next option, trend's revisions and blame's paths with them.
      .option('include', { type: 'string', array: true, nargs: 1, describe: 'Only files matching this glob (repeatable; on top of config blame.include)' })
      .option('exclude', { type: 'string', array: true, nargs: 1, describe: 'Leave out files matching this glob (repeatable; with config blame.exclude)' })
      .option('notes', { type: 'boolean', default: true, describe: 'Judge commits that carry a git-ai Authorship Log (refs/notes/ai) line by line (--no-notes: commit by commit)' })
      .option('give-back', { type: 'boolean', default: true, describe: "Give lines back to their writers past a revert, a note-less cherry-pick -x or a final-newline/line-ending change (--no-give-back: each line is the commit git blame names, as scripts built on plain git blame count)" })
      .option('root', { type: 'boolean', default: true, describe: "Count a root commit's lines like any commit's (--no-root: git blame's own --no-root, a root commit is a boundary and its lines leave the totals, as in a plain `git blame <since>..<rev>`)" })
      .option('notes-ref', { requiresArg: true, type: 'string', describe: 'Notes ref of the git-ai Authorship Logs (default: refs/notes/ai)' })
      .option('cache', { type: 'boolean', default: true, describe: 'Use the result cache under the git directory (--no-cache bypasses it)' })
      .option('config', { requiresArg: true, type: 'string', describe: 'Config file to use instead of the repository search' })
      .option('config-from', { requiresArg: true, type: 'string', describe: "Read the config as committed at this revision (CI: the target branch's, not a pull request's own)" })
      .option('jobs', { requiresArg: true, type: 'number', describe: 'Parallel git blame processes (default: number of cores)' })
      .option('allow-shallow', { type: 'boolean', describe: 'In a shallow clone cut inside the range, count lines blamed on the cut commit apart as unknown history (shallowBoundary) instead of refusing (exit 3)' })
      .option('blame-left-out', { type: 'boolean', describe: 'Blame the files left out as generated or vendored whatever their number, to say their AI lines (by default only while at most 256 are left out, AITRAIL_SIZE_CAPS_DIVISOR dividing it too: a vendor/ tree of thousands costs minutes)' })
  );
}

/**
 * The shared options as a BlameRun, plus the command's own positionals (`before` --) and what
 * came after `--` (always paths). Unknown dash options are a usage error naming the command.
 */
export function blameRunOf(args: BlameOptionArgs, before: (string | number)[], command: string): { run: BlameRun; positionals: string[]; afterDashes: string[] } {
  // After `--` everything is a path (yargs puts it in `--` or, for a command, in `_`).
  const afterDashes = [...args._.slice(1), ...(args['--'] ?? [])].map(String);
  const { flags, paths, unknown } = splitBlameFlags(before.map(String));
  // `--include '*.py' -C -C`: yargs hands the git flags after a repeatable option to it as values;
  // a value git's flag grammar reads as -w/-M/-C is that flag, not a glob (it would silently drop copy detection).
  const include = flagsOut(args.include ?? [], flags);
  const exclude = flagsOut(args.exclude ?? [], flags);
  if (unknown.length > 0) throw new UsageError(cliMessages.unknownOption(String(unknown[0]), command, "Paths that start with '-' go after '--'."));
  for (const [flag, globs] of [['--include', include], ['--exclude', exclude]] as const) {
    const listed = globs.find(isCommaList);
    if (listed !== undefined) throw new UsageError(commaListMessage(flag, listed));
    // A range picomatch misreads (`src/v{10..12}/**` matches none of src/v10-v12), as in a config (row 908).
    for (const glob of globs) {
      const range = misreadRangeReason(glob);
      if (range !== null) throw new UsageError(`${flag} ${JSON.stringify(sanitize(glob, { max: 80 }))} holds ${range}: write a class or a brace list, such as "src/v1[0-2]/**" or "src/v{10,11,12}/**".`);
    }
  }
  if (args.jobs !== undefined && (!Number.isInteger(args.jobs) || args.jobs < 1)) throw new UsageError('--jobs must be a positive whole number.');
  const run: BlameRun = {
    gitFlags: [...(args.w ? ['-w'] : []), ...flags, ...(args.root === false ? ['--no-root'] : [])],
    ignoreRevs: args['ignore-rev'] ?? [],
    ignoreRevsFiles: args['ignore-revs-file'] ?? [],
    include,
    exclude,
    cache: args.cache,
    config: args.config,
    ...(args['config-from'] !== undefined ? { configFrom: args['config-from'] } : {}),
    jobs: args.jobs,
    allowShallow: args['allow-shallow'] === true,
    blameLeftOut: args['blame-left-out'] === true,
    notes: args.notes,
    notesRef: args['notes-ref'],
    ...(args['give-back'] === false ? { giveBack: false } : {}),
  };
  return { run, positionals: paths, afterDashes };
}

function commaListMessage(flag: string, glob: string): string {
  const parts = glob.split(',').filter((part) => part !== '');
  const shown = (text: string) => `'${sanitize(text, { max: 80 }).replace(/'/g, "'\\''")}'`;
  return (
    `${flag} ${shown(glob)} is one glob, and a comma is not glob syntax here (it matches a comma in a file name), so it would count no file. ` +
    `${flag} takes one glob each: repeat the flag (${parts.slice(0, 4).map((part) => `${flag} ${shown(part)}`).join(' ')}), ` +
    `or list them in braces (${flag} ${shown(`{${parts.join(',')}}`)}).`
  );
}

/** The globs among `values`; the values that are git's -w/-M[<n>]/-C[<n>] are appended to `flags`. */
function flagsOut(values: readonly string[], flags: string[]): string[] {
  const globs: string[] = [];
  for (const value of values.map(String)) {
    const split = value.startsWith('-') ? splitBlameFlags([value]) : null;
    if (split && split.unknown.length === 0 && split.flags.length > 0) flags.push(...split.flags);
    else globs.push(value);
  }
  return globs;
}

/** The epilogue both commands share: git's -M/-C, what is left out. */
export const BLAME_EPILOGUE =
  "Also takes git blame's -M[<n>] and -C[<n>] (repeatable: -C -C, -C -C -C, -C50), with exactly git's meaning (as in git, -CC is one -C). " +
  'Left out: binary files, symlinks, submodules, and by default lockfiles (package-lock.json, Cargo.lock, go.sum…) and files marked linguist-generated or linguist-vendored in the .gitattributes of --rev; ' +
  `an --include glob or blame.include that names such a file (package-lock.json, **/*.pb.go) brings it back. ${SIZE_CAPS_HELP}`;

import type { Argv } from 'yargs';
import { splitBlameFlags } from '../../core/blame/blame-flags.js';
import type { BlameFormat, BlameGrouping } from '../../core/blame/types.js';
import type { CommandModule } from '../command.js';
import { UsageError } from '../errors.js';

interface BlameArgs {
  paths?: (string | number)[];
  _: (string | number)[];
  '--'?: (string | number)[];
  rev?: string;
  since?: string;
  w?: boolean;
  'ignore-rev'?: string[];
  'ignore-revs-file'?: string[];
  by: BlameGrouping;
  format: BlameFormat;
  include?: string[];
  exclude?: string[];
  cache: boolean;
  config?: string;
  jobs?: number;
  'allow-shallow'?: boolean;
  notes: boolean;
  'notes-ref'?: string;
}

export const command: CommandModule<BlameArgs> = {
  command: 'blame [paths..]',
  describe: 'AI-authored lines per file and per model, as git blame attributes them today',
  builder: (yargs: Argv) =>
    yargs
      // git's -M[<n>] / -C[<n>] (repeatable, clustered as -wC50) do not fit yargs: let it
      // pass every unknown dash token through as a positional and parse those exactly as git does.
      .parserConfiguration({ 'short-option-groups': false, 'unknown-options-as-args': true, 'populate--': true, 'parse-positional-numbers': false, 'parse-numbers': false })
      .positional('paths', { type: 'string', array: true, describe: 'Files or directories, relative to the current directory (default: the whole tree). Put paths that start with - after --.' })
      .option('rev', { requiresArg: true, type: 'string', describe: 'Blame the tree of this revision (default: HEAD)' })
      .option('since', { requiresArg: true, type: 'string', describe: 'Count only lines introduced after this revision (git blame <since>..<rev>)' })
      .option('w', { type: 'boolean', describe: 'Ignore whitespace when finding where lines came from (git blame -w)' })
      .option('ignore-rev', { type: 'string', array: true, describe: 'Ignore this revision, as git blame --ignore-rev (repeatable)' })
      .option('ignore-revs-file', { type: 'string', array: true, describe: "Ignore the revisions listed in this file (repeatable; '' clears the list, as in git). blame.ignoreRevsFile is honoured" })
      .option('by', { requiresArg: true, choices: ['file', 'dir', 'model', 'agent'] as const, default: 'file' as const, describe: 'Group rows by' })
      .option('format', { requiresArg: true, choices: ['table', 'json', 'csv', 'markdown'] as const, default: 'table' as const, describe: 'Output format' })
      .option('include', { type: 'string', array: true, describe: 'Only files matching these globs (on top of config blame.include)' })
      .option('exclude', { type: 'string', array: true, describe: 'Leave out files matching these globs (with config blame.exclude)' })
      .option('notes', { type: 'boolean', default: true, describe: 'Judge commits that carry a git-ai Authorship Log (refs/notes/ai) line by line (--no-notes: commit by commit)' })
      .option('notes-ref', { requiresArg: true, type: 'string', describe: 'Notes ref of the git-ai Authorship Logs (default: refs/notes/ai)' })
      .option('cache', { type: 'boolean', default: true, describe: 'Use the result cache under the git directory (--no-cache bypasses it)' })
      .option('config', { requiresArg: true, type: 'string', describe: 'Config file to use instead of the repository search' })
      .option('jobs', { requiresArg: true, type: 'number', describe: 'Parallel git blame processes (default: number of cores)' })
      .option('allow-shallow', { type: 'boolean', describe: 'In a shallow clone cut inside the range, count lines blamed on the cut commit apart as unknown history (shallowBoundary) instead of refusing (exit 3)' })
      .epilogue(
        "Also takes git blame's -M[<n>] and -C[<n>] (repeatable: -C -C, -C -C -C, -C50), with exactly git's meaning (as in git, -CC is one -C). " +
          'Left out: binary files, symlinks, submodules, and by default lockfiles (package-lock.json, Cargo.lock, go.sum…) and files marked linguist-generated in the .gitattributes of --rev; ' +
          'an --include glob or blame.include that names such a file (package-lock.json, **/*.pb.go) brings it back. ' +
          'Exit codes: 0 report printed (also for a repository with no commit), 2 bad usage or invalid config, 3 git error or a shallow clone cut inside the range.',
      )
      .example('$0 blame', 'AI share of every text file at HEAD')
      .example('$0 blame src --since v1.0 --format markdown', 'Lines added since v1.0 under src/, for a CI job summary')
      .example('$0 blame -w -C -C --by model', 'Per model, following moved and copied lines'),
  run: async (args) => {
    const beforeDashes = (args.paths ?? []).map(String);
    // After `--` everything is a path (yargs puts it in `--` or, for a command, in `_`).
    const afterDashes = [...args._.slice(1), ...(args['--'] ?? [])].map(String);
    const { flags, paths, unknown } = splitBlameFlags(beforeDashes);
    if (unknown.length > 0) throw new UsageError(`unknown option '${unknown[0]}' for 'aitrail blame'. Paths that start with '-' go after '--'. Run 'aitrail blame --help' for usage.`);
    if (args.jobs !== undefined && (!Number.isInteger(args.jobs) || args.jobs < 1)) throw new UsageError('--jobs must be a positive whole number.');
    const gitFlags = [...(args.w ? ['-w'] : []), ...flags];
    const { runBlame } = await import('../../report/blame-report.js');
    return runBlame({
      paths: [...paths, ...afterDashes],
      rev: args.rev,
      since: args.since,
      gitFlags,
      ignoreRevs: args['ignore-rev'] ?? [],
      ignoreRevsFiles: args['ignore-revs-file'] ?? [],
      include: args.include ?? [],
      exclude: args.exclude ?? [],
      cache: args.cache,
      config: args.config,
      jobs: args.jobs,
      allowShallow: args['allow-shallow'] === true,
      notes: args.notes,
      notesRef: args['notes-ref'],
      format: args.format,
      by: args.by,
    });
  },
};

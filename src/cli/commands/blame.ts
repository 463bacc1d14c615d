import type { Argv } from 'yargs';
import type { BlameFormat, BlameGrouping } from '../../core/blame/types.js';
import type { CommandModule } from '../command.js';
import { BLAME_EPILOGUE, blameRunOf, withBlameOptions, type BlameOptionArgs } from '../blame-options.js';

interface BlameArgs extends BlameOptionArgs {
  paths?: (string | number)[];
  rev?: string;
  since?: string;
  by: BlameGrouping;
  format: BlameFormat;
  shard?: string;
  merge?: string[];
}

export const command: CommandModule<BlameArgs> = {
  command: 'blame [paths..]',
  describe: 'AI-authored lines per file and per model, as git blame attributes them today',
  takesArgsAfterDashes: true,
  builder: (yargs: Argv) =>
    withBlameOptions(yargs)
      .positional('paths', { type: 'string', array: true, describe: 'Files or directories, relative to the current directory (default: the whole tree). Put paths that start with - after --.' })
      .option('rev', { requiresArg: true, type: 'string', describe: 'Blame the tree of this revision (default: HEAD)' })
      .option('since', { requiresArg: true, type: 'string', describe: 'Count only lines introduced after this revision (git blame <since>..<rev>)' })
      .option('by', { requiresArg: true, choices: ['file', 'dir', 'model', 'agent', 'author'] as const, default: 'file' as const, describe: 'Group rows by (author: the commit author of each line, Name <email> with .mailmap applied, as git blame names them)' })
      .option('shard', { requiresArg: true, type: 'string', describe: 'Blame only part <i> of <n> of the files (a stable, size-balanced split, e.g. 2/4), for a CI matrix; write --format json and join the parts with --merge' })
      .option('merge', { type: 'string', array: true, describe: 'Print the report the JSON files of every --shard i/n make together (the same report as one unsharded run)' })
      .option('format', { requiresArg: true, choices: ['table', 'json', 'csv', 'markdown', 'html'] as const, default: 'table' as const, describe: 'Output format (html: one self-contained page with a treemap, bars per model and agent, and a sortable file table; --by does not apply)' })
      .epilogue(`${BLAME_EPILOGUE} The cache's entries are sealed under AITRAIL_CACHE_SECRET when set (in CI a repository secret, so a cache restored from an earlier run is used), else under a key kept in the git directory. Exit codes: 0 report printed (also for a repository with no commit), 2 bad usage or invalid config, 3 git error (an unknown --rev, --since, --ignore-rev or --config-from revision: fetch it first) or a shallow clone cut inside the range.`)
      .example('$0 blame', 'AI share of every text file at HEAD')
      .example('$0 blame src --since v1.0 --format markdown', 'Lines added since v1.0 under src/, for a CI job summary')
      .example('$0 blame -w -C -C --by model', 'Per model, following moved and copied lines')
      .example('$0 blame --by author', 'Per commit author: their lines today and how many of them AI wrote')
      .example('$0 blame --format html > ai-report.html', 'One self-contained page to open or keep as a CI artifact')
      .example('$0 blame --shard 2/4 --format json > part-2.json', 'Part 2 of 4 of the files (one CI machine each)')
      .example('$0 blame --merge part-*.json --format markdown', 'The whole report from the parts'),
  run: async (args) => {
    const { run, positionals, afterDashes } = blameRunOf(args, args.paths ?? [], 'blame');
    const [{ runBlame }, { parseShard }, { blameMessages }, { UsageError }] = await Promise.all([
      import('../../report/blame-report.js'),
      import('../../core/blame/shard.js'),
      import('../../report/blame-messages.js'),
      import('../../errors/usage-error.js'),
    ]);
    const shard = args.shard === undefined ? undefined : parseShard(args.shard);
    if (shard === null) throw new UsageError(blameMessages.shardInvalid(args.shard ?? ''));
    if (shard && args.merge) throw new UsageError(blameMessages.shardWithMerge());
    const merge = args.merge?.map(String);
    if (merge && merge.length === 0) throw new UsageError(blameMessages.shardSet(0, [], []));
    // --merge reads only the parts' JSON: an option that would shape the report belongs to each --shard run.
    const shaping: [string, boolean][] = [
      ['paths', positionals.length + afterDashes.length > 0],
      ['--rev', args.rev !== undefined],
      ['--since', args.since !== undefined],
      ['-w/-M/-C', (run.gitFlags ?? []).some((flag) => flag !== '--no-root')],
      ['--no-root', args.root === false],
      ['--ignore-rev', (run.ignoreRevs ?? []).length > 0],
      ['--ignore-revs-file', (run.ignoreRevsFiles ?? []).length > 0],
      ['--include', (run.include ?? []).length > 0],
      ['--exclude', (run.exclude ?? []).length > 0],
      ['--config', run.config !== undefined],
      ['--config-from', run.configFrom !== undefined],
      ['--allow-shallow', run.allowShallow === true],
      ['--blame-left-out', run.blameLeftOut === true],
      ['--no-notes', run.notes === false],
      ['--no-give-back', run.giveBack === false],
      ['--notes-ref', run.notesRef !== undefined],
    ];
    const given = shaping.filter(([, present]) => present).map(([name]) => name);
    if (merge && given.length > 0) throw new UsageError(blameMessages.mergeWith(given));
    return runBlame({ ...run, paths: [...positionals, ...afterDashes], rev: args.rev, since: args.since, format: args.format, by: args.by, quiet: args.quiet, shard, merge });
  },
};

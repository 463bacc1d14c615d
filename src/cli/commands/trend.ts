import type { Argv } from 'yargs';
import type { TrendFormat } from '../../core/trend/types.js';
import type { CommandModule } from '../command.js';
import { BLAME_EPILOGUE, blameRunOf, withBlameOptions, type BlameOptionArgs } from '../blame-options.js';

interface TrendArgs extends BlameOptionArgs {
  revs?: (string | number)[];
  tags?: string;
  maxReleases?: number;
  format: TrendFormat;
}

export const command: CommandModule<TrendArgs> = {
  command: 'trend [revs..]',
  describe: 'AI share of the lines each release introduced: blame --since A --rev B for each consecutive pair',
  takesArgsAfterDashes: true,
  builder: (yargs: Argv) =>
    withBlameOptions(yargs)
      .positional('revs', { type: 'string', array: true, describe: 'Revisions in order (tags, branches, shas); paths to count go after --' })
      .option('tags', { requiresArg: true, type: 'string', describe: "Tags matching this glob ('v*'), in version order (git tag --sort=version:refname, pre-releases such as v1.0.0-rc1 before their release); revisions given as well come after them" })
      .option('max-releases', { requiresArg: true, type: 'number', describe: 'The most releases (consecutive pairs, one blame each) to compare; more is refused (default 1000)' })
      .option('format', { requiresArg: true, choices: ['table', 'json', 'csv', 'markdown', 'html'] as const, default: 'table' as const, describe: 'Output format (html: one self-contained page, AI share per release and lines per model)' })
      .epilogue(
        `Each pair (A, B) of consecutive revisions is counted exactly as 'aitrail blame --since A --rev B' with the same options, and shares its cache (its entries sealed under AITRAIL_CACHE_SECRET when set, as blame's). ${BLAME_EPILOGUE} ` +
          'Exit codes: 0 trend printed, 2 bad usage (fewer than two revisions, option-like text or a glob given as one) or invalid config, 3 git error (an unknown revision: fetch it first) or a shallow clone cut inside a range.',
      )
      .example("$0 trend --tags 'v*'", 'AI share of the lines each release introduced, every v* tag in version order')
      .example("$0 trend --tags 'v*' HEAD --format markdown", 'The same up to the unreleased work, as a Markdown table')
      .example('$0 trend v1.0 v2.0 main -- src', 'Only lines under src/'),
  run: async (args) => {
    const { run, positionals, afterDashes } = blameRunOf(args, args.revs ?? [], 'trend');
    const { runTrend } = await import('../../report/run-trend.js');
    return runTrend({ ...run, revs: positionals, paths: afterDashes, tags: args.tags, ...(args.maxReleases !== undefined ? { maxReleases: args.maxReleases } : {}), format: args.format, quiet: args.quiet });
  },
};

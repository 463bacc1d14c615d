import type { Argv } from 'yargs';
import type { CommandModule } from '../command.js';
import { SIZE_CAPS_HELP } from '../size-caps-help.js';

interface LogArgs {
  range?: string;
  format: 'text' | 'json';
  config?: string;
  notes: boolean;
  'notes-ref'?: string;
  'max-count'?: number;
  'ai-only'?: boolean;
  author?: string;
}

export const command: CommandModule<LogArgs> = {
  command: 'log [range]',
  describe: 'List commits with their AI attribution and the evidence for it',
  builder: (yargs: Argv) =>
    yargs
      .positional('range', { type: 'string', describe: 'Revision range, as for git log (default: HEAD), e.g. main..feature, v1.0..' })
      .option('format', { choices: ['text', 'json'] as const, default: 'text' as const, requiresArg: true, describe: 'Output format' })
      .option('config', { type: 'string', requiresArg: true, describe: 'Config file to use instead of the repository search' })
      .option('notes', { type: 'boolean', default: true, describe: 'Add the models of git-ai Authorship Logs (refs/notes/ai) to each commit (--no-notes: the commit alone)' })
      .option('notes-ref', { type: 'string', requiresArg: true, describe: 'Notes ref of the git-ai Authorship Logs (default: refs/notes/ai)' })
      .option('max-count', { alias: 'n', type: 'number', requiresArg: true, describe: 'At most this many commits (with --ai-only: AI-assisted ones)' })
      .option('ai-only', { type: 'boolean', describe: 'Only AI-assisted commits' })
      .option('author', { type: 'string', requiresArg: true, describe: "Only commits whose author matches this pattern (as git log --author)" })
      .example('$0 log', 'Every commit reachable from HEAD')
      .example('$0 log origin/main..HEAD --format json', 'Unpushed commits, for machines')
      .example('$0 log --ai-only -n 10 --author jane', "Jane's last ten AI-assisted commits")
      .example('$0 log -3', 'The last three commits (as git log -3: -n 3)')
      .epilogue(`Exit codes: 0 listed (an empty range too; log judges nothing: use check for the policy), 2 bad usage or invalid config, 3 git error (not a repository, an unknown revision). ${SIZE_CAPS_HELP}`),
  run: async (args) => {
    // git log's `-<number>` (`aitrail log -1`): yargs hands it over as the range.
    const count = args.range === undefined ? null : /^-([0-9]+)$/.exec(args.range);
    if (count) {
      const { UsageError } = await import('../../errors/usage-error.js');
      if (args['max-count'] !== undefined) throw new UsageError(`'${args.range}' and -n/--max-count both give the number of commits: give one of them.`);
      if (!/^[1-9][0-9]{0,8}$/.test(count[1]!)) throw new UsageError(`'${args.range}' is no number of commits: give 1 to 999999999 (-3, or -n 3).`);
    }
    return (await import('../../report/log-report.js')).runLog({
      range: count ? undefined : args.range,
      format: args.format,
      config: args.config,
      notes: args.notes,
      notesRef: args['notes-ref'],
      maxCount: count ? Number(count[1]) : args['max-count'],
      aiOnly: args['ai-only'],
      author: args.author,
      quiet: args.quiet,
    });
  },
};

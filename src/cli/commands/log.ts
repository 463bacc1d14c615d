import type { Argv } from 'yargs';
import type { CommandModule } from '../command.js';

interface LogArgs {
  range?: string;
  format: 'text' | 'json';
  config?: string;
  notes: boolean;
  'notes-ref'?: string;
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
      .check((argv) => argv._.length <= 1 || `unexpected argument(s): ${argv._.slice(1).join(' ')} (log takes one range)`)
      .example('$0 log', 'Every commit reachable from HEAD')
      .example('$0 log origin/main..HEAD --format json', 'Unpushed commits, for machines'),
  run: async (args) => (await import('../../report/log-report.js')).runLog({ ...args, notesRef: args['notes-ref'] }),
};

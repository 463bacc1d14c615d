import type { Argv } from 'yargs';
import type { CommandModule } from '../command.js';
import type { StatusArgs } from '../../status/run-status.js';

export const command: CommandModule<StatusArgs> = {
  command: 'status',
  describe: 'Show the hooks and how they are installed, the config in force, and what a commit made now would record',
  builder: (yargs: Argv) =>
    yargs
      .option('format', { requiresArg: true, choices: ['text', 'json'] as const, default: 'text' as const, describe: 'Output format' })
      .option('config', { requiresArg: true, type: 'string', describe: 'Config file to use instead of the repository search' })
      .example('$0 status', 'Check the installation')
      .example('AITRAIL_MODEL=qwen3-coder $0 status --format json', 'What would be recorded, for machines')
      .epilogue('It reads the environment as the commit hooks do: AITRAIL_MODEL=<model> and AITRAIL_AGENT=<agent> declare what wrote a commit, an agent\'s own variables are detected, AITRAIL=0 turns the hooks off (each said). ' +
        'Exit codes: 0 status shown (missing hooks too: read its Next line), 2 bad usage or invalid config, 3 git error or not a repository.'),
  run: async (args) => (await import('../../status/run-status.js')).runStatus({ format: args.format, ...(args.config ? { config: args.config } : {}) }),
};

import type { Argv } from 'yargs';
import type { CommandModule } from '../command.js';
import type { CheckFormat } from '../../enforce/run-check.js';

interface CheckArgs {
  range?: string;
  format: CheckFormat;
  config?: string;
}

export const command: CommandModule<CheckArgs> = {
  command: 'check [range]',
  describe: 'Judge commits against the AI model policy (for CI and scripts)',
  builder: (yargs: Argv) =>
    yargs
      .positional('range', {
        type: 'string',
        describe: 'Revision range (default: commits on no remote-tracking branch). The policy is read as committed at the base: A for A..B',
      })
      .option('format', { requiresArg: true, choices: ['text', 'json', 'github'] as const, default: 'text' as const, describe: 'Output: text, json, or GitHub Actions annotations' })
      .option('config', { requiresArg: true, type: 'string', describe: 'Policy file to use instead of the config committed at the range base' })
      .example('$0 check', 'Commits not yet on any remote-tracking branch')
      .example('$0 check origin/main..HEAD --format github', 'A pull request, in GitHub Actions')
      .epilogue('Exit codes: 0 no errors (warnings allowed), 1 policy violation, 2 bad usage or invalid config, 3 git error or shallow clone lacking history.'),
  run: async (args) => (await import('../../enforce/run-check.js')).runCheck(args),
};

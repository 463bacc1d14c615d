import type { Argv } from 'yargs';
import type { CommandModule } from '../command.js';

export const command: CommandModule<Record<string, never>> = {
  command: 'uninstall',
  describe: 'Remove what `aitrail init` added and restore the hooks it chained, byte for byte',
  builder: (yargs: Argv) => yargs.example('$0 uninstall', 'Remove the hooks'),
  run: async () => (await import('../../install/run-init.js')).runUninstall({}),
};

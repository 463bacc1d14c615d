import type { Argv } from 'yargs';
import type { CommandModule } from '../command.js';

export const command: CommandModule<{ purge: boolean }> = {
  command: 'uninstall',
  describe: 'Remove what `aitrail init` added, in every worktree of the repository, and restore the hooks it chained, byte for byte',
  builder: (yargs: Argv) =>
    yargs
      .option('purge', { type: 'boolean', default: false, describe: "Also remove aitrail's data under the git dir (.git/aitrail/: sessions, caches, a server's policy memory)" })
      .example('$0 uninstall', 'Remove the hooks')
      .example('$0 uninstall --purge', 'Remove the hooks and every trace of aitrail in .git/')
      .epilogue('Exit codes: 0 removed (or nothing to remove), 2 a hook left in place (the message says which), 3 git error or not a repository.'),
  run: async (args) => (await import('../../install/run-init.js')).runUninstall({ purge: args.purge }),
};

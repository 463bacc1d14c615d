import type { Argv } from 'yargs';
import type { CommandModule } from '../command.js';
import { CLIENT_HOOKS, SERVER_HOOKS } from '../../install/hook-names.js';
import { GATE_BOUNDS_HELP } from '../size-caps-help.js';

interface HookArgs {
  name: string;
  args?: string[];
}

/**
 * `aitrail hook <name> [args...]`: listed in the help, and its own `--help`. The binary runs a
 * named hook through a fast path (bin/aitrail.js, cli/entry.ts) that never loads yargs; this
 * module serves `aitrail hook`, `aitrail hook --help` and `aitrail --help`.
 */
export const command: CommandModule<HookArgs> = {
  command: 'hook <name> [args..]',
  describe: 'Run one hook handler with git\'s hook arguments and stdin: what the installed shims call',
  takesArgsAfterDashes: true,
  calledByHooks: true,
  builder: (yargs: Argv) =>
    yargs
      .positional('name', { type: 'string', choices: [...CLIENT_HOOKS, ...SERVER_HOOKS], describe: 'The git hook' })
      .positional('args', { type: 'string', array: true, describe: 'The arguments git gave the hook' })
      .example('$0 hook commit-msg .git/COMMIT_EDITMSG', 'What the commit-msg shim runs')
      .example('$0 hook pre-push --quiet origin git@example.com:team/app.git', 'The same without warnings (refusals are still printed)')
      .epilogue(`AITRAIL=0 turns every client hook off (never pre-receive: the server hook is not the pusher's to switch off); --quiet (before the hook's arguments: aitrail hook commit-msg --quiet <file>) or AITRAIL_QUIET=1 silences their warnings; refusals and errors are always said. AITRAIL_MODEL=<model> and AITRAIL_AGENT=<agent> declare what wrote a commit (prepare-commit-msg, commit-msg; ignored when a .env the repository commits sets them); AITRAIL_RECEIVE_LOCK_WAIT=<seconds> (1 to 999, default 60) is how long pre-receive's shim waits for another push's lock. pre-push and pre-receive read the gate's bounds as check does. ${GATE_BOUNDS_HELP} Exit codes: 0 go on, 1 refused (commit-msg, pre-push, pre-receive), 2 bad usage or invalid config, 3 git error.`),
  run: async (args) => (await import('../../hooks/dispatch.js')).runHook([...(args.quiet ? ['--quiet'] : []), args.name, ...(args.args ?? []).map(String)]),
};

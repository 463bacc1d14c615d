import type { Argv } from 'yargs';
import type { CommandModule } from '../command.js';

/**
 * `aitrail checkpoint --agent <slug>`: what agents' own hooks run on each file edit (installed by
 * `aitrail init --agents`). bin/aitrail.js takes a bundled fast path; this module serves `--help`
 * and runs the same code when the bundle is missing.
 */
export const command: CommandModule<{ agent?: string; quiet?: boolean }> = {
  command: 'checkpoint',
  describe: "Record the lines an AI agent just wrote (run by the agent's own file-edit hooks; reads the hook payload on stdin)",
  takesArgsAfterDashes: true,
  calledByHooks: true,
  builder: (yargs: Argv) =>
    yargs
      .option('agent', { type: 'string', describe: 'The agent whose hook payload is on stdin: claude-code, gemini-cli, cursor or codex' })
      .example('$0 init --agents', 'Add this command to the hooks of the agents configured in the repository')
      .epilogue('Never fails the agent: a problem is one warning on stderr and exit 0. AITRAIL=0 records nothing; AITRAIL_MODEL=<model> is the model of lines whose payload and transcript name none. What it records waits in .git/aitrail/checkpoints/ until the next commit, whose post-commit hook writes the git-ai note (refs/notes/ai).'),
  run: async (args) => (await import('../../checkpoint/checkpoint-entry.js')).runCheckpointCommand([...(args.agent === undefined ? [] : ['--agent', args.agent]), ...(args.quiet ? ['--quiet'] : [])]),
};

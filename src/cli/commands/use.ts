import type { Argv } from 'yargs';
import type { CommandModule } from '../command.js';
import type { UseArgs } from '../../session/run-use.js';

export const command: CommandModule<UseArgs> = {
  command: 'use [model]',
  describe: 'Set the model recorded for commits made in this worktree (until cleared or expired); no argument shows it',
  builder: (yargs: Argv) =>
    yargs
      .positional('model', { type: 'string', describe: 'Model name or vendor/model id, e.g. claude-opus-4.6, openai/gpt-5.2-codex' })
      .option('agent', { type: 'string', describe: 'Agent slug recorded with it, e.g. claude-code, aider, cursor' })
      .option('for', { type: 'string', describe: 'Expire after this long, e.g. 30m, 2h, 1d' })
      .option('clear', { type: 'boolean', describe: 'Remove the session' })
      .option('config', { type: 'string', describe: 'Config file to use instead of the repository search' })
      .example('$0 use qwen3-coder --agent qwen-code --for 2h', 'Record qwen/qwen3-coder for the next two hours')
      .example('$0 use --clear', 'Stop recording the session model'),
  run: async (args) =>
    (await import('../../session/run-use.js')).runUse({
      ...(args.model !== undefined ? { model: String(args.model) } : {}),
      ...(args.agent !== undefined ? { agent: String(args.agent) } : {}),
      ...(args.for !== undefined ? { for: String(args.for) } : {}),
      ...(args.clear ? { clear: true } : {}),
      ...(args.config !== undefined ? { config: String(args.config) } : {}),
    }),
};

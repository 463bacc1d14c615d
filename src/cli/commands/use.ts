import type { Argv } from 'yargs';
import type { CommandModule } from '../command.js';
import type { UseArgs } from '../../session/run-use.js';
import { sanitize } from '../../core/sanitize.js';
import { UsageError } from '../../errors/usage-error.js';

export const command: CommandModule<UseArgs> = {
  command: 'use [model]',
  describe: 'Set the model recorded for commits made in this worktree (until cleared or expired); no argument shows it',
  takesArgsAfterDashes: true,
  builder: (yargs: Argv) =>
    yargs
      .positional('model', { type: 'string', describe: 'Model name or vendor/model id, e.g. claude-opus-4.6, openai/gpt-5.2-codex' })
      .option('agent', { requiresArg: true, type: 'string', describe: 'Agent slug recorded with it, e.g. claude-code, aider, cursor' })
      .option('for', { requiresArg: true, type: 'string', describe: 'Expire after this long, e.g. 30m, 2h, 1d' })
      .option('clear', { type: 'boolean', describe: 'Remove the session' })
      .option('config', { requiresArg: true, type: 'string', describe: 'Config file to use instead of the repository search' })
      .example('$0 use qwen3-coder --agent qwen-code --for 2h', 'Record qwen/qwen3-coder for the next two hours')
      .example('$0 use --clear', 'Stop recording the session model')
      .epilogue('Exit codes: 0 set, cleared or shown, 2 bad usage (an unknown model, a bad --for), 3 git error or not a repository.'),
  run: async (args) => {
    // yargs leaves what follows `--` in `_` (after the command name): `aitrail use -- <model>` still names the model.
    const rest = ((args as { _?: unknown[] })._ ?? []).slice(1).map(String);
    if (rest.length > (args.model === undefined ? 1 : 0)) throw new UsageError(`one model only, got: ${[args.model, ...rest].filter((x) => x !== undefined).map((x) => sanitize(String(x), { max: 80 })).join(', ')}. Run 'aitrail use --help' for usage.`);
    const model = args.model ?? rest[0];
    return (await import('../../session/run-use.js')).runUse({
      ...(model !== undefined ? { model: String(model) } : {}),
      ...(args.agent !== undefined ? { agent: String(args.agent) } : {}),
      ...(args.for !== undefined ? { for: String(args.for) } : {}),
      ...(args.clear ? { clear: true } : {}),
      ...(args.config !== undefined ? { config: String(args.config) } : {}),
    });
  },
};

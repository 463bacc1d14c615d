import { runEnd } from '../git/run-end.js';
import { ExitCode } from '../core/exit-codes.js';
import { sanitize } from '../core/sanitize.js';
import { cliMessages } from '../errors/usage-messages.js';
import type { HookHandler } from './dispatch.js';
import { hookOptions } from './hook-options.js';
import { readStdin } from '../io/read-stdin.js';
import { writeStderr } from '../io/write-fd.js';

/** Where each hook's handler comes from: loaded only when it runs (a commit must not pay for the push hooks' code). */
export type HookLoaders = Record<string, () => Promise<{ handler: HookHandler }>>;

/**
 * `aitrail hook [--quiet] <name> [args…]` with the handlers of `hooks` (see hookOptions). `AITRAIL=0`
 * turns every client hook off; never pre-receive: a push over a local path or `file://` hands the
 * pusher's environment to the server's hook, and the server's hook is the admins' to remove.
 */
export async function runHookWith(argv: string[], hooks: HookLoaders): Promise<number> {
  const options = hookOptions(argv);
  const [name, ...args] = options.argv;
  if (process.env.AITRAIL === '0' && name !== 'pre-receive' && name !== 'reference-transaction') return ExitCode.ok;
  const load = name ? hooks[name] : undefined;
  if (!load) {
    const text = name?.startsWith('-') ? cliMessages.unknownOption(sanitize(name.split('=')[0]!, { max: 60 }), 'hook') : `unknown hook '${sanitize(String(name ?? ''), { max: 60 })}'. Known hooks: ${Object.keys(hooks).join(', ')}.`;
    writeStderr(`aitrail: ${text}\n`);
    return ExitCode.usage;
  }
  const { handler } = await load();
  // --quiet is AITRAIL_QUIET=1 for the handler: warnings silenced, errors and refusals always said.
  const env = options.quiet ? { ...process.env, AITRAIL_QUIET: '1' } : process.env;
  try {
    return await handler(args, { cwd: process.cwd(), env, readStdin: async () => (await readStdin()) ?? '' });
  } finally {
    await runEnd();
  }
}

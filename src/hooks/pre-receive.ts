import { ExitCode } from '../core/exit-codes.js';
import { parsePreReceiveLines } from '../core/ref-updates.js';
import type { HookHandler } from './dispatch.js';

/** `--config <file>` / `--config=<file>`; anything else is a usage error. */
export function parseReceiveArgs(args: readonly string[]): { configFile?: string; error?: string } {
  let configFile: string | undefined;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    if (arg === '--config' && args[index + 1] !== undefined) configFile = args[++index];
    else if (arg.startsWith('--config=') && arg.length > '--config='.length) configFile = arg.slice('--config='.length);
    else return { error: `unexpected argument ${JSON.stringify(arg.slice(0, 100))}; usage: aitrail hook pre-receive [--config <file>]` };
  }
  return configFile === undefined ? {} : { configFile };
}

/**
 * `aitrail hook pre-receive [--config <file>]` on a server (bare repository): stdin
 * `<old> <new> <ref>` per ref; every ref's new commits are judged, and any error rejects the
 * whole push with an explanation the pusher sees.
 */
export const handler: HookHandler = async (args, context) => {
  const parsed = parseReceiveArgs(args);
  if (parsed.error !== undefined) {
    process.stderr.write(`aitrail: ${parsed.error}\n`);
    return ExitCode.usage;
  }
  try {
    const { updates, malformed } = parsePreReceiveLines(await context.readStdin());
    const { malformedInput, reportHookVerdict } = await import('../enforce/hook-verdict.js');
    if (malformed.length > 0) return malformedInput('pre-receive', malformed);
    if (updates.every((update) => update.to === null)) return ExitCode.ok;
    const [{ receiveSets }, { judgeSets }, { shallowBoundary }, { enforceMessages }] = await Promise.all([
      import('../enforce/receive-sets.js'),
      import('../enforce/judge-groups.js'),
      import('../git/shallow.js'),
      import('../enforce/messages.js'),
    ]);
    const sets = await receiveSets(context.cwd, updates, parsed.configFile);
    const result = await judgeSets(context.cwd, sets, await shallowBoundary(context.cwd));
    return reportHookVerdict(result, enforceMessages.receiveRefused());
  } catch (error) {
    const { reportError } = await import('../cli/errors.js');
    return reportError(error);
  }
};

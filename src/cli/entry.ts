import { ExitCode } from '../core/exit-codes.js';
import { sanitize } from '../core/sanitize.js';
import { ignoreClosedStdout } from '../io/stdout.js';
import { writeStderr } from '../io/write-fd.js';

/**
 * Entry point of the `aitrail` binary. `aitrail hook …` takes a fast path that loads only what
 * the hook needs (hooks run on every commit); every other command goes through yargs.
 */
export async function main(argv: string[]): Promise<number> {
  ignoreClosedStdout();
  try {
    if (argv[0] === 'hook' && isHookRun(argv)) {
      // bin/aitrail.js runs the bundled hook itself (dist/bundle); here, the module tree.
      const { runHook } = await import('../hooks/dispatch.js');
      return await runHook(argv.slice(1));
    }
    const { runCli } = await import('./app.js');
    return await runCli(argv);
  } catch (error) {
    if (argv[0] !== 'hook') {
      const { writeFormattedError } = await import('../errors/json-error.js');
      writeFormattedError(argv, error);
    }
    writeStderr(`aitrail: internal error: ${sanitize(error instanceof Error ? error.message : String(error), { keepNewlines: true })}\n`);
    if (process.env.AITRAIL_DEBUG) writeStderr(`${error instanceof Error ? error.stack : ''}\n`);
    return ExitCode.git;
  }
}


/** `aitrail hook <name> …` runs the hook; `aitrail hook`, `aitrail hook --help` show its help (yargs). */
export function isHookRun(argv: string[]): boolean {
  return argv[1] !== undefined && argv[1] !== '--help' && argv[1] !== '-h';
}

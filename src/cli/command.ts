import type { Argv } from 'yargs';

/** Options every command takes (app.ts): `--quiet` silences warnings, notes and progress on stderr. */
export interface GlobalArgs {
  quiet?: boolean;
}

/** One CLI command: yargs wiring plus a `run` that prints and returns an exit code. */
export interface CommandModule<A = Record<string, unknown>> {
  command: string | string[];
  describe: string;
  builder: (yargs: Argv) => Argv;
  /**
   * The command reads what follows `--` itself (blame and trend: paths; use: the model; hook and
   * checkpoint: their callers' arguments). Every other command refuses anything there (exit 2):
   * yargs leaves it in `_`, where nothing read it, so `check -- A..B` judged the default range.
   */
  takesArgsAfterDashes?: true;
  /** Run by git's or an agent's hooks (hook, checkpoint): the generic usage checks of app.ts (an option repeated or empty) are theirs to make. */
  calledByHooks?: true;
  run: (args: A & GlobalArgs) => Promise<number>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each command narrows its own args
export type AnyCommandModule = CommandModule<any>;

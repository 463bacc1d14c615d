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
  run: (args: A & GlobalArgs) => Promise<number>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each command narrows its own args
export type AnyCommandModule = CommandModule<any>;

import { runEnd } from '../git/run-end.js';
import yargs, { type Argv } from 'yargs';
import { ExitCode } from '../core/exit-codes.js';
import { sanitize } from '../core/sanitize.js';
import { reportError as reportOnStderr } from '../errors/report-error.js';
import { writeFormattedError } from '../errors/json-error.js';
import { UsageError } from '../errors/usage-error.js';
import type { AnyCommandModule } from './command.js';
import { cliMessages } from '../errors/usage-messages.js';
import type { CommandName } from './command-names.js';
import { splitBlameFlags } from '../core/blame/blame-flags.js';

/** Every command, loaded lazily: `name` → module path. Add one line here and its name in command-names.ts. */
const COMMANDS: Record<CommandName, () => Promise<{ command: AnyCommandModule }>> = {
  log: () => import('./commands/log.js'),
  init: () => import('./commands/init.js'),
  uninstall: () => import('./commands/uninstall.js'),
  use: () => import('./commands/use.js'),
  status: () => import('./commands/status.js'),
  blame: () => import('./commands/blame.js'),
  check: () => import('./commands/check.js'),
  trend: () => import('./commands/trend.js'),
  hook: () => import('./commands/hook.js'),
  checkpoint: () => import('./commands/checkpoint.js'),
  notes: () => import('./commands/notes.js'),
};

/**
 * The command modules a run needs. A run of a named command that prints no help needs only that
 * command's: yargs matches the command by its first word, and while it runs, parses and checks its
 * arguments against that command's options alone (the other commands are set aside), so no
 * output changes; loading every command and all it imports (the model catalog, signatures, report
 * writers) cost each run CPU and made its code cache hold all of them. Help, `--version`, no
 * command or a mistyped one (yargs lists or suggests the commands) load them all.
 */
function commandsToLoad(argv: string[], helpPrinted: boolean): (() => Promise<{ command: AnyCommandModule }>)[] {
  const first = argv[0];
  if (!helpPrinted && first !== undefined && Object.hasOwn(COMMANDS, first)) return [COMMANDS[first as CommandName]];
  return Object.values(COMMANDS);
}

/**
 * aitrail's own version. yargs' bare `.version()` looks for the package.json nearest the working
 * directory, so `npx aitrail --version` printed the user's project version.
 */
async function ownVersion(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}

/**
 * `aitrail help <command>` is `aitrail <command> --help`, as `git help <command>` is git's: yargs
 * itself took `help` as a mistyped command (`Did you mean check?`, exit 2). The command is the first
 * word after `help` that is no option (`help -q blame`, `help blame --format json`: blame's help);
 * none, or `help` itself, prints the top help as before; a word that names no command is refused
 * as a mistyped command is (yargs said `Did you mean check?` whatever the word).
 */
function helpAsOption(argv: string[]): string[] | UsageError {
  if (argv[0] !== 'help') return argv;
  const name = argv.slice(1).find((token) => !token.startsWith('-'));
  if (name === undefined || name === 'help') return argv;
  if (Object.hasOwn(COMMANDS, name)) return [name, '--help'];
  return new UsageError(`unknown command '${sanitize(name, { max: 60 })}' after help. Commands: ${Object.keys(COMMANDS).join(', ')}.\nRun 'aitrail --help' or 'aitrail <command> --help' for usage.`);
}

/** Parse argv with yargs, run the chosen command, return its exit code (never exits itself). */
export async function runCli(given: string[]): Promise<number> {
  // A run that asked for JSON says its failure in JSON on stdout too (json-error.ts), whatever failed.
  const reportError = (error: unknown): number => {
    writeFormattedError(given, error);
    return reportOnStderr(error);
  };
  const argv = helpAsOption(given);
  if (argv instanceof UsageError) return reportError(argv);
  const helpPrinted = printsHelp(argv);
  const modules = await Promise.all(commandsToLoad(argv, helpPrinted).map((load) => load()));
  if (helpPrinted || given.includes('--version')) {
    const unknown = unknownOptionInHelp(given, modules);
    if (unknown) return reportError(unknown);
  }
  let code: number = ExitCode.ok;
  let pending: Promise<number> | undefined;
  const parser: Argv = yargs(argv)
    .scriptName('aitrail')
    .usage('aitrail — an AI audit trail for git: record which model wrote each commit, enforce a model policy, report AI-authored lines.\n\nUsage: $0 <command> [options]')
    .strict()
    .demandCommand(1, `no command given: name one of ${Object.keys(COMMANDS).join(', ')}.`)
    .recommendCommands()
    .option('quiet', { alias: 'q', type: 'boolean', global: true, describe: 'No warnings, notes or progress on stderr (errors are always printed); AITRAIL_QUIET=1 does the same' })
    // AITRAIL_QUIET=1 is --quiet for every command, as it is for the hooks.
    .middleware((args) => {
      if (process.env.AITRAIL_QUIET === '1') args.quiet = true;
    })
    .help()
    .alias('h', 'help')
    // --help and --version end like any other run, not in yargs' process.exit(): the bundle loader
    // writes the run's code cache after it ends, and an exited run never did (each of them then
    // compiled the whole CLI, ~35 ms of CPU). No command's handler runs after help or version was printed.
    .exitProcess(false)
    .version(await ownVersion())
    // Wrapping help costs CPU: only help that is printed (see skipHelpCache).
    .wrap(helpPrinted ? Math.min(100, process.stdout.columns || 100) : null)
    .epilogue('Exit codes: 0 ok, 1 policy violation, 2 bad usage or invalid config, 3 git error or internal failure (AITRAIL_DEBUG=1 adds the stack trace to an error).\nDocs: see README.md of the aitrail package.')
    .fail((message, error) => {
      if (error instanceof UsageError || (error && error.name !== 'YError')) throw error;
      let text = message ?? error?.message ?? 'invalid usage';
      // yargs says only `Unknown argument: frob` or `Did you mean log?` for a mistyped command.
      const first = argv[0];
      const topOption = unknownTopOption(argv);
      if (topOption !== undefined) throw new UsageError(cliMessages.unknownOption(sanitize(topOption, { max: 60 }), ''));
      if (first !== undefined && !first.startsWith('-') && !Object.hasOwn(COMMANDS, first) && first !== 'help') {
        const hint = text.startsWith('Did you mean') ? ` ${text}` : '';
        text = `unknown command '${sanitize(first, { max: 60 })}'.${hint} Commands: ${Object.keys(COMMANDS).join(', ')}.`;
      }
      else if (first !== undefined && Object.hasOwn(COMMANDS, first)) {
        const unknown = unknownArguments(text, argv.slice(1), first);
        if (unknown) throw new UsageError(unknown);
      }
      throw new UsageError(`${text}\nRun 'aitrail --help' or 'aitrail <command> --help' for usage.`);
    });
  if (!helpPrinted) skipHelpCache(parser);
  for (const { command } of modules) {
    let lists: ReadonlySet<string> = new Set();
    const builder = (yargs: Argv): Argv => {
      const built = command.builder(yargs);
      const { array = [], alias = {} } = optionsOf(built);
      // yargs sets each option under its name, its aliases and their camelCase forms.
      const names = array.flatMap((key) => [key, ...(alias[key] ?? [])]);
      lists = new Set([...names, ...names.map((name) => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()))]);
      return built;
    };
    parser.command(command.command, command.describe, builder, (args) => {
      const ignored = command.takesArgsAfterDashes ? [] : args._.slice(1).map(String);
      const name = String(args._[0] ?? '');
      const repeated = command.calledByHooks ? undefined : repeatedOption(args, lists);
      const empty = command.calledByHooks ? undefined : NAMES_A_FILE_OR_REVISION.find((option) => args[option] === '');
      pending =
        empty ? Promise.reject(new UsageError(cliMessages.emptyValue(empty, name)))
        : ignored.length > 0 ? Promise.reject(new UsageError(cliMessages.afterDashes(sanitize(ignored[0]!, { max: 80 }), name, /\[range\]/.test(String(command.command)))))
        : repeated ? Promise.reject(new UsageError(cliMessages.repeatedOption(repeated.option, repeated.values.map((value) => sanitize(value, { max: 80 })), name)))
        : command.run(args as never);
    });
  }
  try {
    // `aitrail -- check`: yargs reads no command before `--` and ran none, exit 0 with nothing said.
    const dashes = argv.indexOf('--');
    if (dashes >= 0 && !helpPrinted && !argv.slice(0, dashes).some((token) => Object.hasOwn(COMMANDS, token) || token === '--version')) {
      throw new UsageError(cliMessages.commandAfterDashes(sanitize(argv[dashes + 1] ?? '', { max: 60 })));
    }
    await parser.parseAsync();
    if (pending) code = await pending;
  } catch (error) {
    // yargs rejects with the bare message of a failed .check(), or its own YError: usage errors.
    const usage = typeof error === 'string' ? new UsageError(`${error}\nRun 'aitrail <command> --help' for usage.`) : error instanceof Error && error.name === 'YError' ? new UsageError(error.message) : error;
    code = reportError(usage);
  }
  await runEnd();
  return code;
}

/**
 * yargs' `Unknown argument(s): frob, x` (dashes dropped) in our one wording, naming each as typed:
 * `--frob` for an option, `'x'` for a positional the command does not take.
 */
function unknownArguments(text: string, rest: string[], command: string): string | undefined {
  const match = /^Unknown arguments?: (.*)$/s.exec(text);
  if (!match) return undefined;
  const [name = ''] = (match[1] ?? '').split(', ');
  const typed = rest.find((token) => token === `--${name}` || token.startsWith(`--${name}=`) || token === `-${name}` || token === `--no-${name}`);
  const shown = sanitize(typed?.split('=')[0] ?? name, { max: 60 });
  return typed ? cliMessages.unknownOption(shown, command) : cliMessages.unexpectedArgument(shown, command);
}

/**
 * Options whose empty value (an unset variable: `--config "$POLICY"`) was read as absent: `blame`,
 * `trend`, `status` and `use` used the repository's own config, `check` said "found a directory".
 */
const NAMES_A_FILE_OR_REVISION = ['config', 'policy-from', 'config-from'] as const;

/** yargs' table of a command's options (its internal `getOptions()`): which ones take a list. */
function optionsOf(yargs: Argv): { array?: string[]; alias?: Record<string, string[]> } {
  return (yargs as unknown as { getOptions?: () => { array?: string[]; alias?: Record<string, string[]> } }).getOptions?.() ?? {};
}

/**
 * An option of one value given more than once (`--config a --config b`): yargs makes it a list, which
 * no command reads as one (internal errors, `--author a --author b` matching nobody, `--by file --by
 * model` grouping by dir). Options declared as lists (`--ignore-rev`, `--merge`, paths) repeat freely.
 */
function repeatedOption(args: Record<string, unknown>, lists: ReadonlySet<string>): { option: string; values: string[] } | undefined {
  for (const [key, value] of Object.entries(args)) {
    if (key === '_' || key === '--' || key === '$0' || !Array.isArray(value) || lists.has(key)) continue;
    return { option: key.length === 1 ? `-${key}` : `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`, values: value.map(String) };
  }
  return undefined;
}

/**
 * An option no one takes in a run that prints help or the version (`aitrail help check --bogus`,
 * `check --help --bogus`, `--version --frob`): yargs prints them before it validates anything, so these
 * exited 0, where the same option without help exits 2. Each option before `--` must be aitrail's own
 * or one the command (the one help is printed for) declares, by a name, an alias or its `--no-` form.
 */
function unknownOptionInHelp(given: string[], modules: { command: AnyCommandModule }[]): UsageError | undefined {
  const first = (given[0] === 'help' ? given.slice(1) : given).find((token) => !token.startsWith('-'));
  const name = first !== undefined && first !== 'help' && Object.hasOwn(COMMANDS, first) ? first : undefined;
  const known = new Set(['help', 'h', 'version', 'quiet', 'q']);
  let gitFlags = false;
  if (name !== undefined) {
    const module = modules.find(({ command }) => String(command.command).split(' ')[0] === name);
    const built = module ? module.command.builder(yargs([])) : undefined;
    const { key = {}, alias = {} } = (built ? optionsOf(built) : {}) as { key?: Record<string, unknown>; alias?: Record<string, string[]> };
    // blame's and trend's git flags (-C, -M50, -wC50) reach the command as arguments (unknown-options-as-args), which reads them as git does.
    gitFlags = built !== undefined && passesUnknownOptions(built);
    for (const option of [...Object.keys(key), ...Object.entries(alias).flat(2)]) {
      known.add(option);
      known.add(option.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()));
    }
  }
  const end = given.indexOf('--');
  for (const token of given.slice(0, end === -1 ? given.length : end)) {
    if (!token.startsWith('-') || token === '-') continue;
    if (gitFlags && splitBlameFlags([token]).unknown.length === 0) continue;
    // A negative number is a value (`-n -1`), and a short option's letters end where its value begins, as yargs reads them (`-n5`, `-qn5`).
    if (/^-\d/.test(token)) continue;
    const names = token.startsWith('--') ? [token.slice(2).split('=')[0]!] : [.../^-([A-Za-z]*)/.exec(token)![1]!];
    const unknown = names.find((option) => !known.has(option) && !(option.startsWith('no-') && known.has(option.slice(3))));
    if (unknown !== undefined) return new UsageError(cliMessages.unknownOption(sanitize(token.split('=')[0]!, { max: 60 }), name ?? ''));
  }
  return undefined;
}

/** Whether a command's parser hands the dash tokens it does not know to the command as arguments (yargs' internal getParserConfiguration; without it, no). */
function passesUnknownOptions(built: Argv): boolean {
  const internal = (built as unknown as { getInternalMethods?: () => { getParserConfiguration?: () => Record<string, unknown> } }).getInternalMethods?.();
  return internal?.getParserConfiguration?.()['unknown-options-as-args'] === true;
}

/** aitrail's own options, before the command. */
const TOP_OPTIONS = new Set(['--help', '-h', '--version', '--quiet', '-q', '--no-quiet']);

/** The first option before the command that aitrail itself does not take (`aitrail --frob status`), as typed. */
function unknownTopOption(argv: string[]): string | undefined {
  for (const token of argv) {
    if (!token.startsWith('-') || token === '--') return undefined;
    const name = token.split('=')[0]!;
    if (!TOP_OPTIONS.has(name)) return name;
  }
  return undefined;
}

/**
 * yargs lays out the running command's whole help after every run, kept for a `showHelp()` from the
 * handler (aitrail's handlers never call it; its fail handler throws, showing no help): measuring
 * every line's width loads string-width's Unicode tables, ~50 ms of CPU on every command. A run that
 * prints no help keeps none. (yargs' internal `getInternalMethods()`; without it, nothing changes.)
 */
function skipHelpCache(parser: Argv): void {
  const internal = (parser as unknown as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } }).getInternalMethods?.();
  const usage = internal?.getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => undefined;
}

/** `--help`, `-h` (alone or in a group of short flags) before any `--`, or `aitrail help`. */
function printsHelp(argv: string[]): boolean {
  const end = argv.indexOf('--');
  return argv[0] === 'help' || argv.slice(0, end === -1 ? argv.length : end).some((arg) => arg === '--help' || /^-[a-zA-Z]*h[a-zA-Z]*$/.test(arg));
}

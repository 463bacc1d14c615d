import { closeSync, openSync, readlinkSync, readSync, realpathSync } from 'node:fs';
import { basename, isAbsolute, join, resolve as resolvePath } from 'node:path';

/** Ancestors looked at above the hook: the shim, git, a shell or two, the agent, its launcher; never more. */
const MAX_DEPTH = 16;
/** A process's command line read at most this far (an agent's prompt may be long; its flags come first). */
const MAX_CMDLINE_BYTES = 64 * 1024;
/** Arguments looked at in one command line. */
const MAX_ARGS = 256;
/** A model name is cut here. */
const MAX_MODEL_CHARS = 256;
/** Claude Code's fallback chain holds up to three models; a longer one given is read that far and a few more, never all of a hostile one. */
const MAX_FALLBACK_MODELS = 8;
/** Claude Code's `--settings` JSON given inline is read up to a settings file's size (1 MiB); past it, not at all. */
const MAX_FLAG_SETTINGS_CHARS = 1024 * 1024;
/** `--settings` given before the last that are read, the nearest it. */
const MAX_EARLIER_SETTINGS = 4;
/** A file's path on a command line past this is not read (Linux's `PATH_MAX`). */
const MAX_PATH_CHARS = 4096;

/** A file or directory path as given on a command line or in a config, when it may be one: not blank, no NUL, at most {@link MAX_PATH_CHARS}. */
export function givenPath(value: string | undefined): string | undefined {
  return value !== undefined && value.length <= MAX_PATH_CHARS && !value.includes('\0') && value.trim() !== '' ? value : undefined;
}

/**
 * An agent's whole command line is read at most this far: Linux keeps a program's arguments and
 * environment together under 6 MiB (`fs/exec.c`: a quarter of the stack limit, at most 3/4 of 8 MiB).
 */
const MAX_WHOLE_CMDLINE_BYTES = 6 * 1024 * 1024 + 1;

/** An ancestor process: its first arguments, the program it really runs, and all its arguments when the first read cut them. */
export interface AncestorProcess {
  /** At most {@link MAX_ARGS} arguments of the first {@link MAX_CMDLINE_BYTES}. */
  argv: readonly string[];
  /** `/proc/<pid>/exe`: the program run, whatever `argv[0]` says (`exec -a`, a link's name). */
  exe?: string;
  /** Every argument, read again when `argv` was cut (an agent's flag after a long prompt or many `-c`). */
  whole?: () => readonly string[];
  /** A script's path as the process sees it (from its working directory), links followed: `~/bin/g`, a link to `/…/gemini-cli/dist/index.js`. */
  real?: (path: string) => string | undefined;
  /** `/proc/<pid>/environ`, the environment it was started with, as `NAME=value` entries; null when unreadable (another user's process). */
  environ?: () => readonly string[] | null;
  /** The process's working directory (`/proc/<pid>/cwd`), links followed, or none (gone, another user's). */
  cwd?: () => string | undefined;
}

/** The command lines of this process's ancestors, nearest first: none where there is no `/proc` (macOS, Windows, the BSDs). */
export function ancestorCommandLines(proc = '/proc', start = process.ppid): string[][] {
  return ancestorProcesses(proc, start).map((ancestor) => [...ancestor.argv]);
}

/** This process's ancestors, nearest first (see {@link ancestorCommandLines}). */
export function ancestorProcesses(proc = '/proc', start = process.ppid): AncestorProcess[] {
  if (process.platform !== 'linux' && process.platform !== 'android') return [];
  const ancestors: AncestorProcess[] = [];
  let pid = start;
  for (let depth = 0; depth < MAX_DEPTH && Number.isSafeInteger(pid) && pid > 1; depth += 1) {
    const path = `${proc}/${pid}/cmdline`;
    const bytes = readProc(path);
    const stat = readProc(`${proc}/${pid}/stat`, 4096);
    if (bytes === null || stat === null) break;
    const all = splitAll(bytes);
    const ancestor: AncestorProcess = { argv: all.slice(0, MAX_ARGS) };
    const exe = readExe(`${proc}/${pid}/exe`);
    if (exe) ancestor.exe = exe;
    const cwd = `${proc}/${pid}/cwd`;
    // Each path resolved once a run: the agent's command line and the marker setter's read the same arguments.
    const resolved = new Map<string, string | undefined>();
    const resolve = (path: string) => {
      if (!resolved.has(path)) resolved.set(path, realPath(path));
      return resolved.get(path);
    };
    ancestor.real = (script) => resolve(isAbsolute(script) ? script : join(cwd, script));
    ancestor.cwd = () => resolve(cwd);
    if (bytes.length >= MAX_CMDLINE_BYTES || all.length > MAX_ARGS) ancestor.whole = () => splitAll(readProc(path, MAX_WHOLE_CMDLINE_BYTES) ?? bytes);
    const environ = `${proc}/${pid}/environ`;
    ancestor.environ = () => readEnviron(environ);
    ancestors.push(ancestor);
    // `pid (comm) state ppid …`: comm may hold spaces and `)`, so fields are counted from its last `)`.
    const fields = stat.toString('latin1').slice(stat.lastIndexOf(')') + 1).trim().split(' ');
    pid = Number.parseInt(fields[1] ?? '', 10);
  }
  return ancestors;
}

/** `path` with its links followed, or none (gone, unreadable, too long): the system's realpath, one call, not a stat of each component. */
function realPath(path: string): string | undefined {
  if (path.length > 4096 || path.includes('\0')) return undefined;
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

/** Where `/proc/<pid>/exe` points (` (deleted)` dropped: an agent updated while it runs), or none (another user's process, a kernel thread). */
function readExe(path: string): string | undefined {
  try {
    const target = readlinkSync(path);
    return (target.endsWith(' (deleted)') ? target.slice(0, -' (deleted)'.length) : target) || undefined;
  } catch {
    return undefined;
  }
}

/** A process's environment entries (at most Linux's own bound on arguments and environment), or null (gone, unreadable). */
function readEnviron(path: string): string[] | null {
  const first = readProc(path);
  const bytes = first && first.length >= MAX_CMDLINE_BYTES ? readProc(path, MAX_WHOLE_CMDLINE_BYTES) : first;
  return bytes ? splitAll(bytes) : null;
}

/** At most `limit` bytes of a `/proc` file, or null (gone, unreadable). */
export function readProc(path: string, limit = MAX_CMDLINE_BYTES): Buffer | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    const buffer = Buffer.allocUnsafe(limit);
    let read = 0;
    while (read < buffer.length) {
      const got = readSync(fd, buffer, read, buffer.length - read, null);
      if (got === 0) break;
      read += got;
    }
    return buffer.subarray(0, read);
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** NUL-separated arguments (the last one's NUL may be missing, or cut by the cap), at most {@link MAX_ARGS}. */
export function splitCommandLine(bytes: Buffer): string[] {
  return splitAll(bytes).slice(0, MAX_ARGS);
}

/** NUL-separated arguments, all of them. */
function splitAll(bytes: Buffer): string[] {
  const args = bytes.toString('utf8').split('\0');
  if (args.at(-1) === '') args.pop();
  return args;
}

/**
 * A model value as written, trimmed; none when empty. Past {@link MAX_MODEL_CHARS} it is cut (no
 * model's name is that long: it reads as `unknown`); control characters stay, for the catalog to
 * refuse (`unknown`) and evidence to escape, as a settings file's.
 */
function modelValue(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  return value ? value.slice(0, MAX_MODEL_CHARS) : undefined;
}

/** How an agent's argument parser reads an option's value: clap (Codex, goose; Go's pflag, Crush, reads the same forms), yargs (Gemini CLI, Qwen Code, OpenCode), commander (Claude Code, the Cursor CLI), Python's argparse (aider: long options only here), click (Kimi CLI's typer: `-sV` is `V` whole, `=` kept, after the agent's `flags` letters in a cluster). */
type Parser = 'clap' | 'yargs' | 'commander' | 'argparse' | 'click';

/** A flag's values in `args` (after the program), in order: `--long V`, `--long=V`, `-s V`, and as the parser reads them `-sV`, `-s=V`, `-xs V`. Stops at `--`. */
export function optionValues(args: readonly string[], long: string, short: string | undefined, parser: Parser, flags = ''): string[] {
  const values: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (arg === '--') break;
    let value: string | undefined;
    let takesNext = false;
    if (arg === `--${long}`) takesNext = true;
    else if (arg.startsWith(`--${long}=`)) value = arg.slice(long.length + 3);
    else if (parser === 'click') {
      // click's short options (row 1058): letters of flags, then the option, whose value is the rest whole (`-m=x` is `=x`) or the next argument.
      if (short && arg.length > 1 && arg[0] === '-' && arg[1] !== '-') {
        let at = 1;
        while (at < arg.length && arg[at] !== short && flags.includes(arg[at]!)) at += 1;
        if (arg[at] === short) {
          if (at + 1 < arg.length) value = arg.slice(at + 1);
          else takesNext = true;
        }
      }
    }
    else if (short && arg === `-${short}`) takesNext = true;
    else if (short && arg.startsWith(`-${short}=`) && parser !== 'commander') value = arg.slice(3);
    else if (short && arg.startsWith(`-${short}`) && arg.length > 2 && parser !== 'yargs') value = arg.slice(2);
    // yargs: the last letter of a cluster of short flags takes the next argument (`-ym model`).
    else if (short && parser === 'yargs' && /^-[A-Za-z]+$/.test(arg) && arg.endsWith(short)) takesNext = true;
    if (takesNext) {
      value = args[index + 1];
      // A value that looks like an option (`--append-system-prompt --model --model qwen3`: the first
      // `--model` is another option's value, which the hooks do not know) is read, and is read as an option too.
      if (value === undefined || !/^--?[A-Za-z]/.test(value)) index += 1;
    }
    if (value !== undefined) values.push(value);
  }
  return values;
}

/**
 * argparse's values of `--long` (after the program), written whole or cut down to no less than
 * `--shortest` (its `allow_abbrev`: `--editor-m x`, `--editor-mod=x`), `--long V` or `--long=V`, and
 * of its `short` letter when it has one (`-c V`, `-cV`, `-c=V`), in order; for an option no other
 * shares those abbreviations with. Stops at `--`.
 */
export function argparseValues(args: readonly string[], long: string, shortest: string, short?: string): string[] {
  const values: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (arg === '--') break;
    if (short && !arg.startsWith('--') && arg.startsWith(`-${short}`)) {
      if (arg.length > 2) values.push(arg.slice(arg[2] === '=' ? 3 : 2));
      else if (index + 1 < args.length) {
        values.push(args[index + 1]!);
        index += 1;
      }
      continue;
    }
    if (!arg.startsWith('--')) continue;
    const equals = arg.indexOf('=');
    const name = (equals < 0 ? arg : arg.slice(0, equals)).slice(2);
    if (name.length < shortest.length || !long.startsWith(name)) continue;
    if (equals >= 0) values.push(arg.slice(equals + 1));
    else if (index + 1 < args.length) {
      values.push(args[index + 1]!);
      index += 1;
    }
  }
  return values;
}

/** What an agent's own command line says of its model. */
export interface CommandLineModel {
  /** Models the run was started with, the one in force first (the last given: each parser keeps the last). */
  models: string[];
  /** How evidence names it: `argv codex -m="qwen3-coder"`. */
  evidence: string[];
  /** Codex only: `--oss` (the local provider: no vendor's API). */
  oss?: boolean;
  /** Codex only: `--profile`/`-p` (or `-c profile=…`, `fromConfig`), the config profile the run reads its model from. */
  profile?: { name: string; evidence: string; fromConfig?: true };
  /** Codex only: `-c model=…`, the config's `model` (a profile's model still comes before it). */
  configModel?: { model: string; evidence: string };
  /** aider only: `--editor-model`, the model architect mode's editor writes the code with. */
  editorModel?: { model: string; evidence: string };
  /**
   * The working directory of the agent's own process (found among the ancestors, whatever its flags),
   * links followed: where aider reads `.aider.conf.yml` and a relative `--config` from, Crush a relative
   * data directory, and the agents that look for their project settings there or from there up to the
   * work tree's top read them (Claude Code, Gemini CLI, Qwen Code, Codex, OpenCode, Crush). Codex's
   * `-C`/`--cd` moves it (from the process's own).
   */
  cwd?: string;
  /** Codex only: `-C`/`--cd`, the directory its session runs in as given (the last one), relative to its process's. */
  cd?: string;
  /** Crush only: `-D`/`--data-dir`, its data directory as given (the last one: pflag keeps it), where its `crush.db` and workspace `crush.json` are. */
  dataDir?: string;
  /** aider only: `-c`/`--config`, its config file as given (the last one: configargparse reads only it). Kimi CLI: `--config-file` (row 1053). */
  configFile?: string;
  /** Kimi CLI only: `-m`/`--model NAME`, the key of its config's `[models]` the run uses over `default_model` (not a model's name; row 1053). */
  modelKey?: { name: string; evidence: string };
  /** Kimi CLI only: `--config <TOML or JSON>`, the config given inline in place of its file (row 1053). */
  inlineConfig?: string;
  /** aider only: `--model-settings-file`, as given (the last one). */
  modelSettingsFile?: string;
  /** aider only: `--alias name:model`, in order (a later one of a name replaces an earlier). */
  aliases?: string[];
  /** Codex only: the `-c key=value` that can choose the model, as given, in order (`src/agent-settings/codex.ts` reads them as codex-rs does). */
  configs?: string[];
  /** Mistral Vibe only: `--trust`, its working directory trusted for this run (not written to `trusted_folders.toml`). */
  trust?: true;
  /** Mistral Vibe only: `--add-dir DIR`, each trusted for this run as `--trust` trusts its own, as given, in order. */
  addDirs?: string[];
  /** goose only: `--provider` (long only, the last given: clap keeps it), the provider the run uses over `GOOSE_PROVIDER` and config.yaml (row 1025). */
  provider?: { name: string; evidence: string };
  /** goose only: `--recipe`, the recipe file as given (the last one; row 1059). */
  recipe?: string;
  /** goose only: `--sub-recipe`, each as given: sub-recipes added to `--recipe`'s, each run with its own settings' model (row 1111). */
  subRecipes?: string[];
  /** goose only: `-r/--resume` (row 1088), with the session named by `--session-id` or `-n/--name` when given: the resumed session's saved provider and model come after the command line's, before a recipe's and the settings'. */
  resume?: { id?: string; name?: string };
  /** Qwen Code only: `--openai-base-url` (yargs' `--openaiBaseUrl` too), the last given: the endpoint its OpenAI client calls, before `OPENAI_BASE_URL` (row 895). */
  baseUrl?: { url: string; evidence: string };
  /** Qwen Code only: `--auth-type` (yargs' `--authType` too), the last given: the auth type whose `modelProviders` list the run takes its model from, over `security.auth.selectedType` (row 1051). */
  authType?: string;
  /** Claude Code only: `--fallback-model` (one model or a comma-separated chain), each given: the session's fallback chain, over every settings file's `fallbackModel`. */
  fallback?: { model: string; evidence: string }[];
  /** Claude Code only: `--settings <file-or-json>`, the last given (commander keeps it), trimmed: its `flagSettings` layer. */
  settings?: string;
  /** Claude Code only: the `--settings` given before the last (at most {@link MAX_EARLIER_SETTINGS}), whose models are recorded beside: the hooks cannot tell which one commander kept. */
  earlierSettings?: string[];
}

/** The models a command line names after the one in force (a flag given twice, a launcher and its binary), as settings' models beside. */
export function commandLineAlso(cli: CommandLineModel): { model: string; evidence: string; overriddenBy: string[] }[] {
  return cli.models.slice(1).map((model, index) => ({ model, evidence: cli.evidence[index + 1]!, overriddenBy: [] }));
}

/** How each agent's process is known by its argv, and its model flag. */
interface AgentCli {
  /**
   * A word (lower case) in every name `names` and every path `paths` matches, in any case: a program
   * without it is not the agent's, told without running either expression (isAgentProgram). Each
   * ancestor of every agent's commit is asked, and most are a shell, git or a terminal.
   */
  hint: string;
  /** The program's or (under a runtime) the script's base name, without `.js`/`.exe`. */
  names: RegExp;
  /** A script's path naming the agent's package when its file is a generic `index.js`/`cli.js`. */
  paths?: RegExp;
  long: string;
  short?: string;
  parser: Parser;
  /** click only: the short options that take no value, which may come before `short` in one argument (`-ym x`). */
  flags?: string;
}

/**
 * The agents' own parsers (read from their sources): codex-rs's clap `Cli` (`-m/--model`, `--oss`,
 * `-p/--profile`, `-c/--config key=value`), Gemini CLI's yargs `parseArguments` (`-m/--model`), Qwen
 * Code's (its fork, the same), OpenCode's yargs (`-m/--model provider/model`), Claude Code's
 * commander (`--model`), the Cursor CLI's (`-m/--model`), goose's clap (`goose run --model`, long
 * only: crates/goose-cli `ModelOptions`, before `GOOSE_MODEL` and config.yaml), aider's argparse
 * (`--model`, long only: `-m` is its `--message`; no abbreviation of it is unambiguous beside
 * `--model-settings-file`, `--model-metadata-file` and `--models`), Crush's cobra `crush run -m/--model`
 * (`model` or `provider/model`, held in memory over its config files: `internal/cmd/run.go`), GitHub
 * Copilot CLI's (`--model`, long only: before its settings files; `COPILOT_MODEL` stays beside it),
 * Kilo CLI's (OpenCode's yargs: `-m/--model provider/model`).
 */
const AGENT_CLIS: Readonly<Record<string, AgentCli>> = {
  codex: { hint: 'codex', names: /^codex(?:-(?:x86_64|aarch64)-[a-z0-9_-]+)?$/i, long: 'model', short: 'm', parser: 'clap' },
  // A clone run as its `npm start` runs it: `node --no-warnings=DEP0040 /…/gemini-cli/packages/cli -m …` (scripts/start.js).
  'gemini-cli': { hint: 'gemini', names: /^gemini$/i, paths: /(?:^|[/\\:])@google[/\\]gemini-cli(?:[/\\@]|$)|[/\\]gemini-cli[/\\]packages[/\\]cli(?:[/\\]|$)/i, long: 'model', short: 'm', parser: 'yargs' },
  'qwen-code': { hint: 'qwen', names: /^qwen$/i, paths: /(?:^|[/\\:])@qwen-code[/\\]qwen-code(?:[/\\@]|$)|[/\\]qwen-code[/\\]packages[/\\]cli(?:[/\\]|$)/i, long: 'model', short: 'm', parser: 'yargs' },
  // iFlow CLI (Gemini CLI's fork, row 1135): `iflow` of its npm package `@iflow-ai/iflow-cli`, `-m/--model` as Gemini CLI's.
  'iflow-cli': { hint: 'iflow', names: /^iflow$/i, paths: /(?:^|[/\\:])@iflow-ai[/\\]iflow-cli(?:[/\\@]|$)/i, long: 'model', short: 'm', parser: 'yargs' },
  // BLACKBOX CLI (Qwen Code's fork): `blackbox` of its npm package `@blackbox_ai/blackbox-cli`, `-m/--model` as Qwen Code's.
  blackbox: { hint: 'blackbox', names: /^blackbox$/i, paths: /(?:^|[/\\:])@blackbox_ai[/\\]blackbox-cli(?:[/\\@]|$)/i, long: 'model', short: 'm', parser: 'yargs' },
  opencode: { hint: 'opencode', names: /^opencode$/i, paths: /(?:^|[/\\:])opencode-ai(?:[/\\@]|$)/i, long: 'model', short: 'm', parser: 'yargs' },
  // The native build (Bun's `process.title` keeps only a string: its arguments stay in `/proc`) runs as `~/.local/share/claude/versions/<version>`.
  'claude-code': { hint: 'claude', names: /^claude$/i, paths: /(?:^|[/\\:])@anthropic-ai[/\\]claude-code(?:[/\\@]|$)|[/\\]claude[/\\]versions[/\\][^/\\]+$/i, long: 'model', parser: 'commander' },
  cursor: { hint: 'agent', names: /^(?:cursor-)?agent$/i, paths: /[/\\]cursor-agent[/\\]/i, long: 'model', short: 'm', parser: 'commander' },
  goose: { hint: 'goose', names: /^goose$/i, long: 'model', parser: 'clap' },
  aider: { hint: 'aider', names: /^aider$/i, long: 'model', parser: 'argparse' },
  // Go's pflag reads `-m V`, `-mV`, `-m=V` and `--model=V` as clap does; `--small-model` (titles, summaries) is not its coding model.
  crush: { hint: 'crush', names: /^crush$/i, long: 'model', short: 'm', parser: 'clap' },
  // Kilo CLI (OpenCode's fork): `kilo`/`kilocode` of its npm package `@kilocode/cli`, `-m/--model provider/model` as OpenCode's.
  'kilo-code': { hint: 'kilo', names: /^kilo(?:code)?$/i, paths: /(?:^|[/\\:])@kilocode[/\\]cli(?:[/\\@]|$)/i, long: 'model', short: 'm', parser: 'yargs' },
  // GitHub Copilot CLI: `copilot --model <model>` (long only), its npm package `@github/copilot` run by node, or its native build.
  copilot: { hint: 'copilot', names: /^copilot$/i, paths: /(?:^|[/\\:])@github[/\\]copilot(?:[/\\@]|$)/i, long: 'model', parser: 'commander' },
  // Mistral Vibe: `vibe` (a Python entry point), looked for for its working directory, where it finds its project config; it has no model flag (argparse refuses `--model`: no Vibe that runs was given one).
  'mistral-vibe': { hint: 'vibe', names: /^vibe$/i, long: 'model', parser: 'argparse' },
  // Kimi CLI (a Python entry point, typer): `kimi -m/--model NAME`, a key of its config's `[models]`, read by `kimi-cli.ts`.
  // click reads `-m=x` as `=x` and `-ym x`, `-Cymx` as `-y -C -m x` (its flag letters: `-y/--yolo`, `-C/--continue`, `-V`, `-h`; row 1058).
  'kimi-code': { hint: 'kimi', names: /^kimi$/i, long: 'model', short: 'm', parser: 'click', flags: 'yCVh' },
};

/**
 * aider's deprecated model flags and the model each sets (Aider-AI/aider `aider/deprecated.py`
 * `handle_deprecated_model_args`): in this order, the first given is the model, over `--model`.
 */
export const AIDER_SHORTCUTS: readonly (readonly [flags: readonly string[], model: string])[] = [
  [['--opus'], 'claude-3-opus-20240229'],
  [['--sonnet'], 'anthropic/claude-3-7-sonnet-20250219'],
  [['--haiku'], 'claude-3-5-haiku-20241022'],
  [['--4', '-4'], 'gpt-4-0613'],
  [['--4o'], 'gpt-4o'],
  [['--mini'], 'gpt-4o-mini'],
  [['--4-turbo'], 'gpt-4-1106-preview'],
  [['--35turbo', '--35-turbo', '--3', '-3'], 'gpt-3.5-turbo'],
  [['--deepseek'], 'deepseek/deepseek-chat'],
  [['--o1-mini'], 'o1-mini'],
  [['--o1-preview'], 'o1-preview'],
];

/**
 * Runtimes an agent's script runs under (`node /…/codex.js`, a launcher `sh /…/cursor-agent -m …`,
 * aider's entry point `python3 /…/bin/aider --model …`, or `python -m aider`; `bun run`, `bunx`,
 * `deno run npm:@google/gemini-cli`, which may run a package in their own process).
 */
const RUNTIME_NAMES = ['node', 'nodejs', 'bun', 'bunx', 'deno', 'sh', 'bash', 'dash', 'zsh', 'python', 'pypy'];

/**
 * Whether `name` (a base name) is a runtime's: one of {@link RUNTIME_NAMES} in any case, then a
 * version (`python3.12`), then `.exe`; what `/^(?:node|…|pypy)(?:\d+(?:\.\d+)*)?(?:\.exe)?$/i` reads,
 * told by string comparisons: every ancestor of an agent's commit is asked (twice, program and
 * executable), and that case-insensitive expression cost each such hook ~0.1-0.15 ms to compile.
 * `toLowerCase` folds no other character onto these letters (only U+212A and U+0130 fold onto
 * ASCII, `k` and `i`, in none of them), as the expression's ASCII-only case folding does not either.
 */
function isRuntime(name: string): boolean {
  let rest = name.toLowerCase();
  if (rest.endsWith('.exe')) rest = rest.slice(0, -4);
  return RUNTIME_NAMES.some((runtime) => rest.startsWith(runtime) && isVersion(rest.slice(runtime.length)));
}

/** Nothing, or `\d+(?:\.\d+)*`: ASCII digits, single dots between them. */
function isVersion(text: string): boolean {
  let digitBefore = false;
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code >= 48 && code <= 57) digitBefore = true;
    else if (code === 46 && digitBefore) digitBefore = false;
    else return false;
  }
  return text.length === 0 || digitBefore;
}

/** A runtime's word before its script: `bun run`, `bun x`, `deno run`. */
const SUBCOMMANDS = new Set(['run', 'x']);

/** Whether `program` (a path, a name, a package: `@qwen-code/qwen-code@latest`, `npm:@google/gemini-cli`) is the agent's. */
function isAgentProgram(cli: AgentCli, program: string): boolean {
  // The name is part of the program's path, and both expressions need the hint's letters (in any case, ASCII only: no `u` flag).
  if (!program.toLowerCase().includes(cli.hint)) return false;
  const name = basename(program)
    .replace(/@[^@/\\]*$/, '')
    .replace(/\.(?:[cm]?js|exe|cmd)$/i, '');
  return cli.names.test(name) || (cli.paths?.test(program) ?? false);
}

/**
 * The agent's arguments after its script under a runtime. The script is the first argument not an
 * option, but an option may take the next argument as its value (`node -r dotenv/config /…/gemini.js`,
 * `node --env-file .env …`, `python -X utf8 -m aider`, `bash -o pipefail /…/cursor-agent`), and no
 * list of every runtime's options is complete: an argument just after an option is looked at and,
 * when it is not the agent's, passed over as that option's value.
 */
function scriptArguments(cli: AgentCli, argv: readonly string[], from: number, real?: (path: string) => string | undefined): string[] | null {
  let mayBeValue = false;
  let subcommand = false;
  let looked = 0;
  for (let at = from; at < argv.length; at += 1) {
    const arg = argv[at]!;
    if (arg.startsWith('-')) {
      mayBeValue = arg !== '--' && !arg.includes('=');
      continue;
    }
    if (isAgentProgram(cli, arg)) return argv.slice(at + 1);
    // A link's target, for the first few candidates only (a runtime's own options' values are few).
    const target = looked < 4 && real ? real(arg) : undefined;
    looked += 1;
    if (target !== undefined && target !== arg && isAgentProgram(cli, target)) return argv.slice(at + 1);
    if (!mayBeValue) {
      if (subcommand || !SUBCOMMANDS.has(arg)) return null;
      subcommand = true;
    }
    mayBeValue = false;
  }
  return null;
}

/**
 * The agent's arguments when a process is that agent's (its program by `argv[0]` or, whatever
 * `argv[0]` says, by the program it runs, `exe`: `exec -a name codex`, a link `cx` to it; or its
 * script under a runtime), else null.
 */
export function agentArguments(agent: string, argv: readonly string[], exe?: string, real?: (path: string) => string | undefined): string[] | null {
  const cli = Object.hasOwn(AGENT_CLIS, agent) ? AGENT_CLIS[agent]! : undefined;
  if (!cli || argv.length === 0) return null;
  const program = argv[0]!;
  if (isRuntime(basename(program)) && !(exe && isAgentProgram(cli, exe))) return scriptArguments(cli, argv, 1, real);
  if (isAgentProgram(cli, program) || (exe !== undefined && isAgentProgram(cli, exe))) return argv.slice(1);
  return exe && isRuntime(basename(exe)) ? scriptArguments(cli, argv, 1, real) : null;
}

/** The program as evidence names it: its base name, printable. */
function shownName(agent: string): string {
  return { codex: 'codex', 'gemini-cli': 'gemini', 'qwen-code': 'qwen', 'iflow-cli': 'iflow', opencode: 'opencode', 'claude-code': 'claude', cursor: 'cursor-agent', goose: 'goose', aider: 'aider', crush: 'crush', copilot: 'copilot', 'kilo-code': 'kilo', 'kimi-code': 'kimi' }[agent] ?? agent;
}

/** A `-c key=value` value as Codex reads it: TOML (a quoted string here), else the text itself. */
function tomlString(raw: string): string {
  const value = raw.trim();
  return /^"[^"\\]*"$|^'[^']*'$/.test(value) ? value.slice(1, -1) : value;
}

/** What the model of `agent` is by its own `args` (see {@link agentArguments}); null when they say nothing of it. */
export function commandLineModel(agent: string, args: readonly string[], quote: (text: string) => string): CommandLineModel | null {
  const cli = AGENT_CLIS[agent];
  if (!cli) return null;
  const shown = shownName(agent);
  const flag = cli.short ? `-${cli.short}` : `--${cli.long}`;
  const given = optionValues(args, cli.long, cli.short, cli.parser, cli.flags).flatMap((raw) => modelValue(raw) ?? []);
  const result: CommandLineModel = { models: [], evidence: [] };
  for (const model of given.reverse()) {
    if (result.models.includes(model)) continue;
    result.models.push(model);
    result.evidence.push(`argv ${shown} ${flag}=${quote(model)}`);
  }
  if (agent === 'aider') {
    // A deprecated flag sets the model over `--model` (older aider stored it as `--model` does: the last given won); both are kept.
    const options = args.slice(0, args.includes('--') ? args.indexOf('--') : undefined);
    const shortcut = AIDER_SHORTCUTS.find(([flags]) => flags.some((flag) => options.includes(flag)));
    if (shortcut) {
      const flag = shortcut[0].find((name) => options.includes(name))!;
      const at = result.models.indexOf(shortcut[1]);
      if (at >= 0) {
        result.models.splice(at, 1);
        result.evidence.splice(at, 1);
      }
      result.models.unshift(shortcut[1]);
      result.evidence.unshift(`argv aider ${flag}`);
    }
    // `--editor-model` (no other option starts `--editor-m`; `--editor-edit-format` and `--editor` are others).
    const editor = argparseValues(args, 'editor-model', 'editor-m').flatMap((raw) => modelValue(raw) ?? []).at(-1);
    if (editor) result.editorModel = { model: editor, evidence: `argv aider --editor-model=${quote(editor)}` };
    // configargparse finds `-c`/`--config` with a parser of that one option (any abbreviation of it), the last given.
    const config = givenPath(argparseValues(args, 'config', 'c', 'c').at(-1));
    if (config) result.configFile = config;
    // `--model-settings-file` (`--model-se`: `--model-metadata-file` and `--models` share less).
    const settingsFile = givenPath(argparseValues(args, 'model-settings-file', 'model-se').at(-1));
    if (settingsFile) result.modelSettingsFile = settingsFile;
    const aliases = argparseValues(args, 'alias', 'alias').slice(-MAX_ARGS);
    if (aliases.length > 0) result.aliases = aliases;
  }
  if (agent === 'qwen-code') {
    // yargs reads `--openaiBaseUrl` (`--authType`) as the same option (camel-case expansion).
    const spelled = args.map((arg) => arg.replace(/^--openaiBaseUrl(?==|$)/, '--openai-base-url').replace(/^--authType(?==|$)/, '--auth-type'));
    const url = optionValues(spelled, 'openai-base-url', undefined, 'yargs').at(-1)?.trim();
    if (url) result.baseUrl = { url, evidence: `argv qwen --openai-base-url=${quote(url)}` };
    const authType = optionValues(spelled, 'auth-type', undefined, 'yargs').at(-1)?.trim();
    if (authType) result.authType = authType;
  }
  if (agent === 'goose') {
    // `goose session|run --provider <name>` (block/goose `session/builder.rs` `build_session`: the command line's provider, then a
    // resumed session's, a recipe's, then `GOOSE_PROVIDER` and config.yaml): a custom provider's name too (`custom_providers/*.json`).
    const provider = optionValues(args, 'provider', undefined, 'clap').flatMap((raw) => modelValue(raw) ?? []).at(-1);
    if (provider) result.provider = { name: provider, evidence: `argv goose --provider=${quote(provider)}` };
    // `goose run --recipe <file>` (clap keeps the last): its `settings.goose_provider`/`goose_model` come after the command line's, before
    // `GOOSE_PROVIDER`/`GOOSE_MODEL` and config.yaml (`build_session`; row 1059), read by `goose.ts`.
    const recipe = givenPath(optionValues(args, 'recipe', undefined, 'clap').at(-1));
    if (recipe) result.recipe = recipe;
    // `goose run --recipe R --sub-recipe S` (repeatable): S joins R's `sub_recipes` (goose-cli `extract_recipe_info_from_cli`; row 1111).
    const subRecipes = optionValues(args, 'sub-recipe', undefined, 'clap').flatMap((given) => givenPath(given) ?? []).slice(-MAX_ARGS);
    if (subRecipes.length > 0) result.subRecipes = subRecipes;
    // `goose session|run -r/--resume` (a flag; `-r` alone or among short flags before one taking a value), the session chosen by `--session-id`, else
    // `-n/--name` (a name or an id), else the newest user session (crates/goose-cli `cli.rs` `get_or_create_session_id`; row 1088).
    const options = args.slice(0, args.includes('--') ? args.indexOf('--') : undefined);
    // A value-taking letter may end the cluster with its value (`-rn=NAME`, `-rnNAME`; row 1097), one word: `-rm -rf`, a prompt's text, is no --resume.
    if (options.some((arg) => arg === '--resume' || /^-[a-hj-mo-su-zA-Z]*r[a-hj-mo-su-zA-Z]*(?:[int]\S*)?$/.test(arg))) {
      // `--id` is clap's alias of `--session-id`; the legacy `--path FILE` names the session its file's stem names (row 1110).
      const byPath = optionValues(args, 'path', undefined, 'clap').at(-1);
      const stem = byPath === undefined ? undefined : basename(byPath).replace(/\.[^.]*$/, '');
      const id = givenPath([...optionValues(args, 'session-id', undefined, 'clap'), ...optionValues(args, 'id', undefined, 'clap')].at(-1) ?? stem);
      // clap's cluster `-rn NAME` (`-rnNAME`, `-rn=NAME`): flags, then `-n` taking the rest or the next argument (row 1097), read as `-n`'s.
      const unclustered = options.map((arg) => arg.replace(/^-[a-hj-mo-su-zA-Z]+n/, '-n'));
      const name = givenPath(optionValues(unclustered, 'name', 'n', 'clap').at(-1));
      result.resume = { ...(id ? { id } : {}), ...(name ? { name } : {}) };
    }
  }
  if (agent === 'crush') {
    // cobra's persistent `-D/--data-dir` (charmbracelet/crush `internal/cmd/root.go`), before or after `run`.
    const dataDir = givenPath(optionValues(args, 'data-dir', 'D', 'clap').at(-1));
    if (dataDir) result.dataDir = dataDir;
  }
  if (agent === 'codex') {
    // `--oss` with no `--model`: the local provider's default (codex-rs: ollama's `gpt-oss:20b`).
    const oss = args.slice(0, args.includes('--') ? args.indexOf('--') : undefined).includes('--oss');
    if (oss) result.oss = true;
    if (oss && result.models.length === 0) {
      result.models.push('gpt-oss:20b');
      result.evidence.push('argv codex --oss');
    }
    // `-C/--cd <DIR>`: the session's directory, where codex-rs looks for its project config (it does not change its process's).
    const cd = givenPath(optionValues(args, 'cd', 'C', 'clap').at(-1));
    if (cd) result.cd = cd;
    const configs = optionValues(args, 'config', 'c', 'clap');
    const setting = (key: string) =>
      configs
        .map((entry) => /^\s*([A-Za-z0-9_.-]+)\s*=(.*)$/s.exec(entry))
        .filter((match) => match?.[1] === key)
        .map((match) => modelValue(tomlString(match![2]!)))
        .filter((value): value is string => value !== undefined)
        .at(-1);
    const configModel = setting('model');
    const flagged = optionValues(args, 'profile', 'p', 'clap').flatMap((raw) => modelValue(raw) ?? []).at(-1);
    const profile = flagged ?? setting('profile');
    if (configModel) result.configModel = { model: configModel, evidence: `argv codex -c model=${quote(configModel)}` };
    if (profile) result.profile = { name: profile, evidence: `argv codex -p=${quote(profile)}`, ...(flagged ? {} : { fromConfig: true as const }) };
    // Those that can choose the model: `model`, `profile`, `profiles.<name>.model` (or a whole `profiles` table), and
    // where it runs: `model_provider`, `model_providers.<id>.base_url` (or a whole provider table; row 1026), the built-in
    // `openai` provider's `openai_base_url` (row 1050).
    const chooses = configs.filter((entry) => /^(?:model|model_providers?|openai_base_url|profiles?)$/.test(entry.split('=', 1)[0]!.trim().split('.')[0]!));
    if (chooses.length > 0) result.configs = chooses;
  }
  if (agent === 'claude-code') {
    // `--fallback-model <model>` (commander: `--fallback-model V` or `=V`), one model or a chain split at
    // commas (no model's name holds one); every one given is read (a stricter deny, never a looser one).
    const chain = new Set<string>();
    for (const given of optionValues(args, 'fallback-model', undefined, 'commander')) {
      for (const part of given.split(',')) {
        const model = modelValue(part);
        if (model && chain.size < MAX_FALLBACK_MODELS) chain.add(model);
      }
    }
    if (chain.size > 0) result.fallback = [...chain].map((model) => ({ model, evidence: `argv claude --fallback-model=${quote(model)}` }));
    // `--settings <file-or-json>`: a settings file's path or an inline JSON object, read as a settings layer (`claude-code.ts`).
    const given = optionValues(args, 'settings', undefined, 'commander').map((value) => value.trim());
    const usable = (value: string | undefined): value is string => !!value && value.length <= MAX_FLAG_SETTINGS_CHARS && !value.includes('\0');
    const settings = given.at(-1);
    if (usable(settings)) result.settings = settings;
    // The ones before it: one may be the one in force, the last being an unknown option's value's neighbour
    // (`--settings <qwen> --append-system-prompt --settings <claude>`: commander gives the prompt `--settings`, and `<claude>` is the prompt).
    const earlier = given.slice(0, -1).filter(usable).slice(-MAX_EARLIER_SETTINGS);
    if (earlier.length > 0) result.earlierSettings = earlier;
  }
  if (agent === 'kimi-code') {
    // `--model NAME` names a `[models]` key, not a model: kept apart, read with the config (`kimi-cli.ts`; row 1053).
    const key = result.models[0];
    result.models = [];
    result.evidence = [];
    if (key) result.modelKey = { name: key, evidence: `argv kimi --model=${quote(key)}` };
    const file = givenPath(optionValues(args, 'config-file', undefined, 'clap').at(-1));
    if (file) result.configFile = file;
    const inline = optionValues(args, 'config', undefined, 'clap').at(-1);
    if (inline !== undefined && inline.trim() !== '' && inline.length <= MAX_FLAG_SETTINGS_CHARS) result.inlineConfig = inline;
  }
  if (agent === 'mistral-vibe') {
    // argparse's `--trust` (a flag: `--tr` is the shortest no other option shares) and `--add-dir` (`--ad`), before `--`.
    const options = args.slice(0, args.includes('--') ? args.indexOf('--') : undefined);
    if (options.some((arg) => arg.length >= 4 && '--trust'.startsWith(arg))) result.trust = true;
    const added = argparseValues(args, 'add-dir', 'ad').flatMap((dir) => givenPath(dir) ?? []).slice(-MAX_ARGS);
    if (added.length > 0) result.addDirs = added;
  }
  return result.fallback || result.settings || result.earlierSettings || result.trust || result.addDirs || result.models.length > 0 || result.configModel || result.profile || result.configs || result.editorModel || result.configFile || result.modelSettingsFile || result.aliases || result.dataDir || result.cd || result.baseUrl || result.authType || result.provider || result.recipe || result.subRecipes || result.resume || result.modelKey || result.inlineConfig ? result : null;
}

/** Whether aitrail knows how `agent`'s command line names its model. */
export function readsCommandLine(agent: string): boolean {
  return Object.hasOwn(AGENT_CLIS, agent);
}

/**
 * What the command lines of `agent`'s own processes among `ancestors` (nearest first) say of its model:
 * the nearest one's, and the models any farther one names beside (a launcher and its native binary
 * say the same; a different one is kept, as one more model only makes a deny stricter).
 */
export function ancestorModel(agent: string, ancestors: readonly (readonly string[] | AncestorProcess)[], quote: (text: string) => string): CommandLineModel | null {
  let result: CommandLineModel | null = null;
  for (const entry of ancestors) {
    const ancestor: AncestorProcess = Array.isArray(entry) ? { argv: entry } : (entry as AncestorProcess);
    let args = agentArguments(agent, ancestor.argv, ancestor.exe, ancestor.real);
    // The agent's own command line, cut by the first read: read whole, so a flag after a long prompt counts.
    if (args && ancestor.whole) args = agentArguments(agent, ancestor.whole(), ancestor.exe, ancestor.real);
    let found = args ? commandLineModel(agent, args, quote) : null;
    // The agent's own process, whatever its flags: its working directory (Codex's `-C` from it), where it reads its project settings.
    if (args && !result) {
      const own = ancestor.cwd?.();
      const cwd = own && found?.cd ? resolvePath(own, found.cd) : own;
      if (cwd) found = { ...(found ?? { models: [], evidence: [] }), cwd };
    }
    if (!found) continue;
    if (!result) {
      result = found;
      continue;
    }
    if (!result.editorModel && found.editorModel) result.editorModel = found.editorModel;
    if (!result.baseUrl && found.baseUrl) result.baseUrl = found.baseUrl;
    if (!result.authType && found.authType) result.authType = found.authType;
    found.models.forEach((model, index) => {
      if (!result!.models.includes(model)) {
        result!.models.push(model);
        result!.evidence.push(found.evidence[index]!);
      }
    });
  }
  return result;
}

/**
 * The processes among `ancestors` (nearest first) that put `markers` (`NAME`, value: an agent's
 * variables as this hook's environment holds them) into their children's environment: for each
 * marker, the nearest ancestor started without it (`/proc/<pid>/environ` is the environment a
 * process was started with; an agent sets its marker for its children, or in its own `process.env`,
 * which only its children's show), every ancestor nearer than it having been started with it. An
 * unreadable environment (another user's process) ends the search for that marker with none, as
 * does a marker every ancestor holds (set above all of them, or by no process of this chain).
 */
export function markerSetters(
  ancestors: readonly (readonly string[] | AncestorProcess)[],
  markers: readonly (readonly [name: string, value: string])[],
): { ancestor: AncestorProcess; markers: string[] }[] {
  const setters = new Map<AncestorProcess, string[]>();
  const environs = new Map<AncestorProcess, ReadonlyMap<string, string> | null>();
  const environOf = (ancestor: AncestorProcess) => {
    if (!environs.has(ancestor)) {
      let entries: readonly string[] | null = null;
      try {
        entries = ancestor.environ?.() ?? null;
      } catch {
        entries = null;
      }
      // The first of a name is the one a program reads (getenv).
      const map = new Map<string, string>();
      for (const entry of entries ?? []) {
        const equals = entry.indexOf('=');
        if (equals > 0 && !map.has(entry.slice(0, equals))) map.set(entry.slice(0, equals), entry.slice(equals + 1));
      }
      environs.set(ancestor, entries ? map : null);
    }
    return environs.get(ancestor)!;
  };
  for (const [name, value] of markers) {
    for (const entry of ancestors) {
      if (Array.isArray(entry)) break;
      const ancestor = entry as AncestorProcess;
      const environ = environOf(ancestor);
      if (!environ) break;
      if (environ.get(name) === value) continue;
      setters.set(ancestor, [...(setters.get(ancestor) ?? []), name]);
      break;
    }
  }
  return [...setters].map(([ancestor, names]) => ({ ancestor, markers: names }));
}

/**
 * A process's own arguments, whatever its name: after its script under a runtime (the first
 * argument not an option, one just after an option passed over as its value unless it is a path
 * that exists from the process's working directory), else after its program.
 */
function ownArguments(ancestor: AncestorProcess, argv: readonly string[]): readonly string[] {
  const underRuntime = argv.length > 0 && (isRuntime(basename(argv[0]!)) || (ancestor.exe !== undefined && isRuntime(basename(ancestor.exe))));
  if (!underRuntime) return argv.slice(1);
  let mayBeValue = false;
  let subcommand = false;
  for (let at = 1; at < Math.min(argv.length, MAX_ARGS); at += 1) {
    const arg = argv[at]!;
    if (arg.startsWith('-')) {
      mayBeValue = arg !== '--' && !arg.includes('=');
      continue;
    }
    if (!subcommand && SUBCOMMANDS.has(arg)) {
      subcommand = true;
      continue;
    }
    if (!mayBeValue || ancestor.real?.(arg) !== undefined) return argv.slice(at + 1);
    mayBeValue = false;
  }
  return [];
}

/**
 * What the command lines of the processes that set `agent`'s markers (see {@link markerSetters})
 * say of its model, read with `agent`'s own flags whatever the process is named: a copy of the agent
 * under another name (`cp …/codex ~/bin/cx`, a bundle copied out of its package) is the process
 * that set them. Each model's evidence names the marker: `argv codex -m="qwen3-coder" (the process that set CODEX_THREAD_ID)`.
 */
export function markerSetterModel(
  agent: string,
  ancestors: readonly (readonly string[] | AncestorProcess)[],
  markers: readonly (readonly [name: string, value: string])[],
  quote: (text: string) => string,
): (CommandLineModel & { options?: CommandLineModel }) | null {
  if (!Object.hasOwn(AGENT_CLIS, agent) || markers.length === 0) return null;
  const result: CommandLineModel & { options?: CommandLineModel } = { models: [], evidence: [] };
  for (const { ancestor: setter, markers: names } of markerSetters(ancestors, markers)) {
    const argv = setter.whole ? setter.whole() : setter.argv;
    const args = agentArguments(agent, argv, setter.exe, setter.real) ?? ownArguments(setter, argv);
    const found = commandLineModel(agent, args, quote);
    // Its other options (Codex's `-c model_provider=…`/`-p`, goose's `--provider`, Qwen Code's `--auth-type`/`--openai-base-url`,
    // Kimi CLI's `--model` key, `--config`, `--config-file`), the nearest setter's, read by the agent's reader as the named program's (row 1057).
    if (found && !result.options) {
      const { models: _models, evidence: _evidence, cwd: _cwd, ...options } = found;
      if (Object.keys(options).length > 0) {
        const own = setter.cwd?.();
        const cwd = own && found.cd ? resolvePath(own, found.cd) : own;
        result.options = { models: [], evidence: [], ...options, ...(cwd ? { cwd } : {}) };
      }
    }
    const by = ` (the process that set ${names.join(', ')})`;
    const models: [string, string][] = (found?.models ?? []).map((model, index) => [model, found!.evidence[index]!]);
    if (found?.configModel) models.push([found.configModel.model, found.configModel.evidence]);
    if (found?.editorModel) models.push([found.editorModel.model, found.editorModel.evidence]);
    for (const [model, evidence] of models) {
      if (result.models.includes(model)) continue;
      result.models.push(model);
      result.evidence.push(`${evidence}${by}`);
    }
  }
  return result.models.length > 0 || result.options ? result : null;
}

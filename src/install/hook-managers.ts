import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLIENT_HOOKS, type InstalledHook } from './hook-names.js';
import { isShim } from './shim.js';

/**
 * Other git hook managers that write `.git/hooks/<hook>` themselves, and so can switch aitrail's
 * shims off without a word: `lefthook install` (lefthook's npm postinstall runs it) moves a hook
 * it did not write to `<hook>.old`, which lefthook never runs; `npx simple-git-hooks` (often the
 * `prepare` script) rewrites the hooks its config names and deletes every other one. Both run
 * aitrail when their config names aitrail's shim (README "lefthook and simple-git-hooks"):
 * this module reads their files, never runs them.
 */
export type HookManager = 'lefthook' | 'simple-git-hooks';

/** How a manager's config treats one hook: runs aitrail's shim for it, may skip that, or does not name aitrail. */
export type Wiring = 'runs' | 'skippable' | 'absent';

/** A manager's config found in the repository, and what it does with each of aitrail's hooks. */
export interface ManagerConfig {
  manager: HookManager;
  /** The file that holds it, from the work tree top (`lefthook.yml`, `package.json`…). */
  file: string;
  /** The hooks the manager writes itself (lefthook: those its config names; simple-git-hooks: all, as it deletes the others). */
  writes: ReadonlySet<InstalledHook>;
  wiring: Partial<Record<InstalledHook, { wiring: Wiring; why?: string }>>;
}

/** The shims' folder as a project that ran `npm i -D aitrail` has it. */
export function shimFolder(packageDir: string): string {
  return `${packageDir === '' ? '' : `${packageDir}/`}node_modules/aitrail/hooks`;
}

/** True when `text` (a command line, a hook file, a script) runs aitrail's shim or `aitrail hook` for `hook`. */
export function namesAitrail(text: string, hook: string): boolean {
  const escaped = hook.replace(/-/g, '\\-');
  return new RegExp(`aitrail/hooks/${escaped}(?![\\w.-])|\\baitrail(?:\\.js)?\\s+hook\\s+(?:(?:--quiet|-q)\\s+)?${escaped}(?![\\w.-])`).test(text);
}

/** Which manager wrote a hook file, by its text (lefthook's `call_lefthook run`, simple-git-hooks' SKIP_SIMPLE_GIT_HOOKS preamble). */
export function hookFileManager(text: string): HookManager | null {
  if (/\bSKIP_SIMPLE_GIT_HOOKS\b/.test(text)) return 'simple-git-hooks';
  if (/\$LEFTHOOK"? = "?0/.test(text) && /(?:\bcall_lefthook|\blefthook)\s+run\b/.test(text)) return 'lefthook';
  return null;
}

const MAX_BYTES = 256 * 1024;

/** A regular file's text (no links: a repository's link could point anywhere), at most MAX_BYTES; null otherwise. */
function readSmall(path: string): string | null {
  try {
    const stat = lstatSync(path);
    if (!stat.isFile() || stat.size > MAX_BYTES) return null;
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** The text of the hook file at `path` when it is a regular file, or null. */
export function hookFileText(path: string): string | null {
  return readSmall(path);
}

/** True when `<hook>.old` beside `path` is an aitrail shim: what `lefthook install` leaves of it. */
export function shimMovedAside(path: string): boolean {
  const text = readSmall(`${path}.old`);
  return text !== null && isShim(text);
}

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);

/** lefthook's config files, main then local (the local one overrides jobs of the same name). */
const LEFTHOOK_BASES = ['lefthook', '.lefthook', '.config/lefthook'];
const LEFTHOOK_EXTENSIONS = ['yml', 'yaml', 'json', 'jsonc', 'toml'];
const LEFTHOOK_FILES = ['', '-local'].flatMap((local) => LEFTHOOK_BASES.flatMap((base) => LEFTHOOK_EXTENSIONS.map((ext) => `${base}${local}.${ext}`)));

async function parseConfig(file: string, text: string): Promise<Plain | null> {
  try {
    if (file.endsWith('.toml')) {
      const { parse } = await import('smol-toml');
      const data: unknown = parse(text);
      return isPlain(data) ? data : null;
    }
    // YAML reads JSON too (and JSON with comments, as lefthook's .jsonc).
    const yaml = await import('js-yaml');
    const data: unknown = yaml.load(text, { schema: yaml.CORE_SCHEMA });
    return isPlain(data) ? data : null;
  } catch {
    return null;
  }
}

interface Job {
  run?: string;
  script?: string;
  conditional: boolean;
}

/** The jobs lefthook runs for one hook, by name (a later config's job of the same name overrides), groups flattened. */
function lefthookJobs(hookConfig: Plain, into: Map<string, Job>, prefix = '', depth = 0): void {
  const conditional = (entry: Plain) => (entry.skip !== undefined && entry.skip !== false) || entry.only !== undefined;
  const add = (name: string, entry: Plain) => {
    const before = into.get(name);
    into.set(name, {
      run: typeof entry.run === 'string' ? entry.run : before?.run,
      script: typeof entry.script === 'string' ? entry.script : before?.script,
      conditional: (before?.conditional ?? false) || conditional(entry) || (typeof entry.args === 'string' && entry.args.includes('{')),
    });
  };
  const hookConditional = conditional(hookConfig);
  const commands = isPlain(hookConfig.commands) ? hookConfig.commands : {};
  for (const [name, entry] of Object.entries(commands)) if (isPlain(entry)) add(`${prefix}command:${name}`, { ...entry, ...(hookConditional ? { skip: true } : {}) });
  const scripts = isPlain(hookConfig.scripts) ? hookConfig.scripts : {};
  for (const [name, entry] of Object.entries(scripts)) if (isPlain(entry)) add(`${prefix}script:${name}`, { ...entry, script: name, ...(hookConditional ? { skip: true } : {}) });
  const jobs = Array.isArray(hookConfig.jobs) ? hookConfig.jobs.slice(0, 200) : [];
  jobs.forEach((entry, index) => {
    if (!isPlain(entry)) return;
    const name = `${prefix}job:${typeof entry.name === 'string' ? entry.name : `#${index}`}`;
    if (isPlain(entry.group) && depth < 4) {
      const inner = new Map<string, Job>();
      lefthookJobs({ ...entry.group, ...(hookConditional || conditional(entry) ? { skip: true } : {}) }, inner, `${name}/`, depth + 1);
      for (const [innerName, job] of inner) into.set(innerName, job);
      return;
    }
    add(name, { ...entry, ...(hookConditional ? { skip: true } : {}) });
  });
}

/** lefthook's config at the top of the work tree (main and local files), or null when there is none. */
async function lefthookConfig(root: string): Promise<ManagerConfig | null> {
  const found = LEFTHOOK_FILES.map((file) => ({ file, text: readSmall(join(root, file)) })).filter((entry): entry is { file: string; text: string } => entry.text !== null);
  if (found.length === 0) return null;
  const parsed: { file: string; data: Plain }[] = [];
  for (const { file, text } of found) {
    const data = await parseConfig(file, text);
    if (data) parsed.push({ file, data });
  }
  const sourceDir = (key: string, fallback: string) => {
    const value = parsed.map(({ data }) => data[key]).filter((v): v is string => typeof v === 'string').pop();
    return value ?? fallback;
  };
  const writes = new Set<InstalledHook>();
  const wiring: ManagerConfig['wiring'] = {};
  for (const hook of CLIENT_HOOKS) {
    const jobs = new Map<string, Job>();
    for (const { data } of parsed) {
      const hookConfig = data[hook];
      if (!isPlain(hookConfig)) continue;
      writes.add(hook);
      lefthookJobs(hookConfig, jobs);
    }
    if (!writes.has(hook)) continue;
    let best: { wiring: Wiring; why?: string } = { wiring: 'absent' };
    for (const job of jobs.values()) {
      const viaRun = job.run !== undefined && namesAitrail(job.run, hook);
      const viaScript =
        job.script !== undefined &&
        !job.script.includes('..') &&
        [sourceDir('source_dir', '.lefthook'), sourceDir('source_dir_local', '.lefthook-local')].some((dir) => namesAitrail(readSmall(join(root, dir, hook, job.script!)) ?? '', hook));
      if (!viaRun && !viaScript) continue;
      if (job.conditional) {
        best = { wiring: 'skippable', why: 'its aitrail job has a skip or only condition' };
        continue;
      }
      // lefthook skips a pre-push `run:` job when it finds no changed files to push (an empty commit, a push of another branch): a `script:` job it always runs.
      if (hook === 'pre-push' && viaRun && !viaScript) {
        if (best.wiring === 'absent') best = { wiring: 'skippable', why: "aitrail's pre-push is a run: job, which lefthook skips when it finds no changed files to push (an empty commit, a push of another branch than the one checked out): make it a script: job" };
        continue;
      }
      best = { wiring: 'runs' };
      break;
    }
    wiring[hook] = best;
  }
  return { manager: 'lefthook', file: found[0]!.file, writes, wiring };
}

const SIMPLE_GIT_HOOKS_FILES = ['.simple-git-hooks.cjs', '.simple-git-hooks.js', '.simple-git-hooks.mjs', 'simple-git-hooks.cjs', 'simple-git-hooks.js', 'simple-git-hooks.mjs', '.simple-git-hooks.json', 'simple-git-hooks.json'];

/** simple-git-hooks' config in the package at `dir` (its own files first, then package.json), or null. */
function simpleGitHooksConfig(root: string, packageDir: string): ManagerConfig | null {
  const prefix = packageDir === '' ? '' : `${packageDir}/`;
  let file: string | undefined;
  let config: unknown;
  for (const name of SIMPLE_GIT_HOOKS_FILES) {
    const text = readSmall(join(root, prefix + name));
    if (text === null) continue;
    file = prefix + name;
    // A JavaScript config is never run here: what it names is unknown.
    if (name.endsWith('.json')) {
      try {
        config = JSON.parse(text);
      } catch {
        config = undefined;
      }
    }
    break;
  }
  if (file === undefined) {
    const text = readSmall(join(root, `${prefix}package.json`));
    if (text === null) return null;
    try {
      const data: unknown = JSON.parse(text);
      if (!isPlain(data) || data['simple-git-hooks'] === undefined) return null;
      file = `${prefix}package.json`;
      config = data['simple-git-hooks'];
    } catch {
      return null;
    }
  }
  const hooks = isPlain(config) ? config : {};
  const preserve = hooks.preserveUnused;
  const writes = new Set<InstalledHook>();
  const wiring: ManagerConfig['wiring'] = {};
  for (const hook of CLIENT_HOOKS) {
    const command = hooks[hook];
    const kept = preserve === true || (Array.isArray(preserve) && preserve.includes(hook));
    if (typeof command !== 'string' && kept) continue;
    writes.add(hook);
    wiring[hook] = typeof command !== 'string' ? { wiring: 'absent', why: `deletes it: ${file} does not name it` } : { wiring: namesAitrail(command, hook) ? 'runs' : 'absent', why: `rewrites it: ${file} names it without aitrail` };
  }
  return { manager: 'simple-git-hooks', file, writes, wiring };
}

/** The hook managers configured in the repository at `root` (simple-git-hooks: in the package aitrail was installed in). */
export async function hookManagers(root: string, packageDir: string): Promise<ManagerConfig[]> {
  const found: ManagerConfig[] = [];
  const lefthook = await lefthookConfig(root);
  if (lefthook) found.push(lefthook);
  const simple = simpleGitHooksConfig(root, packageDir) ?? (packageDir === '' ? null : simpleGitHooksConfig(root, ''));
  if (simple) found.push(simple);
  return found;
}

/** What `manager`'s hook file for `hook` does with aitrail (simple-git-hooks: the file holds the command itself). */
export function hookFileWiring(manager: HookManager, hook: InstalledHook, text: string, configs: readonly ManagerConfig[]): { wiring: Wiring; why?: string } {
  if (manager === 'simple-git-hooks') return { wiring: namesAitrail(text, hook) ? 'runs' : 'absent' };
  return configs.find((config) => config.manager === 'lefthook')?.wiring[hook] ?? { wiring: 'absent' };
}

/** The hook file at `path` when lefthook or simple-git-hooks wrote it: which one, the config that holds it, and what it does with aitrail's shim; null otherwise. */
export function managedHook(path: string, hook: InstalledHook, configs: readonly ManagerConfig[]): { manager: HookManager; file: string; wiring: Wiring; why?: string } | null {
  const text = hookFileText(path);
  const manager = text === null ? null : hookFileManager(text);
  if (!manager || text === null) return null;
  const file = configs.find((config) => config.manager === manager)?.file ?? (manager === 'lefthook' ? 'lefthook.yml' : 'its config');
  return { manager, file, ...hookFileWiring(manager, hook, text, configs) };
}

/** What a manager's hook that runs aitrail's shim says of it (`init` leaves it as it is, `status` shows it). */
export function managedNote(managed: { manager: HookManager; file: string; wiring: Wiring; why?: string }): string {
  return `${managed.manager} runs aitrail's shim for it (${managed.file})${managed.wiring === 'skippable' ? ` but may skip it: ${managed.why ?? 'a condition'} (${README_SECTION})` : ''}`;
}

/** The hooks `config`'s next install takes from aitrail: those it writes without naming aitrail's shim. */
export function hooksAtRisk(config: ManagerConfig): InstalledHook[] {
  return CLIENT_HOOKS.filter((hook) => config.writes.has(hook) && config.wiring[hook]?.wiring === 'absent');
}

/** What is lost while `hooks` do not run aitrail. */
export function consequence(hooks: readonly InstalledHook[]): string {
  const lost = [
    hooks.includes('prepare-commit-msg') ? 'commits are not recorded' : null,
    hooks.includes('commit-msg') ? 'commits are not checked' : null,
    hooks.includes('pre-push') ? 'pushes are not checked' : null,
    hooks.includes('post-commit') || hooks.includes('post-rewrite') || hooks.includes('post-applypatch') ? 'no line-level notes are written' : null,
    hooks.includes('applypatch-msg') ? "git am's commits are neither recorded nor checked" : null,
    hooks.includes('pre-applypatch') ? "git am --continue's commits and the paths git am applies are not checked" : null,
  ].filter((part): part is string => part !== null);
  return lost.join(', ');
}

/** The command that rewrites the manager's hooks. */
export function installCommand(manager: HookManager): string {
  return manager === 'lefthook' ? 'lefthook install' : 'npx simple-git-hooks';
}

export const README_SECTION = 'README "lefthook and simple-git-hooks"';

/**
 * What `init` and `status` say when `config`'s next install takes `hooks` from aitrail: what
 * happens, and the lines that make the manager run aitrail's shims (the README's snippet, for
 * this package folder), one line each.
 */
export function managerAdvice(config: ManagerConfig, hooks: readonly InstalledHook[], packageDir: string): string[] {
  const dir = shimFolder(packageDir);
  if (config.manager === 'simple-git-hooks') {
    const args = (hook: InstalledHook) => (hook === 'post-commit' || hook === 'pre-applypatch' || hook === 'post-applypatch' ? '' : ' \\"$@\\"');
    return [
      `simple-git-hooks manages hooks here (${config.file}): 'npx simple-git-hooks' (often the prepare script, run by npm install) rewrites the hooks its config names and deletes the others, so it takes ${hooks.join(', ')} from aitrail: then ${consequence(hooks)}. Make it run aitrail's shims (${README_SECTION}): in its config ("simple-git-hooks": {...}):`,
      ...hooks.map((hook, index) => `  "${hook}": "${dir}/${hook}${args(hook)}"${index < hooks.length - 1 ? ',' : ''}`),
      "then run 'npx simple-git-hooks'.",
    ];
  }
  const job: Record<InstalledHook, string[]> = {
    'prepare-commit-msg': [`run: ${dir}/prepare-commit-msg {0}`],
    'commit-msg': [`run: ${dir}/commit-msg {1}`],
    'applypatch-msg': [`run: ${dir}/applypatch-msg {1}`],
    'pre-applypatch': [`run: ${dir}/pre-applypatch`],
    'post-applypatch': [`run: ${dir}/post-applypatch`],
    'pre-push': ['script: aitrail', 'runner: sh', 'use_stdin: true'],
    'post-commit': [`run: ${dir}/post-commit`],
    'post-rewrite': [`run: ${dir}/post-rewrite {1}`, 'use_stdin: true'],
    'pre-receive': [],
    'reference-transaction': [],
  };
  return [
    `lefthook manages hooks here (${config.file}), and its config names ${hooks.join(', ')} without aitrail: 'lefthook install' (lefthook's npm postinstall runs it) moves aitrail's shim${hooks.length > 1 ? 's' : ''} for ${hooks.length > 1 ? 'them' : 'it'} to <hook>.old, which lefthook never runs: then ${consequence(hooks)}. Make it run aitrail's shims (${README_SECTION}): in ${config.file}, an aitrail job among each hook's jobs:`,
    ...hooks.flatMap((hook) => [`  ${hook}:`, '    jobs:', '      - name: aitrail', ...job[hook].map((line) => `        ${line}`)]),
    ...(hooks.includes('pre-push') ? ['and in .lefthook/pre-push/aitrail (a script: lefthook skips a pre-push run: job when it finds no changed files to push):', `  exec ${dir}/pre-push "$@"`] : []),
    "then run 'lefthook install'.",
  ];
}

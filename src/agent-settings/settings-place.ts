import { readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { readRegularFile, readRegularFileHead } from '../io/read-regular-file.js';

/** Settings files are a few kilobytes; past this one is not an agent's settings, and is not read. */
const MAX_SETTINGS_BYTES = 1024 * 1024;

/** Where an agent's settings are looked for: the work tree's top, its git dir, the environment, home, and the machine's own files. */
export interface SettingsPlace {
  root: string;
  gitDir: string;
  env: Record<string, string | undefined>;
  home: string;
  /** What `/etc/claude-code/…`, `/etc/codex/…` are under: `/` (a test's directory in tests). */
  system: string;
  /** The command lines of the hook's ancestors, nearest first (tests); unset: read from `/proc` when an agent's is looked for. */
  commandLines?: readonly (readonly string[])[];
  /**
   * Where a session's models start counting for the commit being made (ms since the epoch): the
   * previous commit's time (see gatherCommitTimeSignals); null: every record read. Unset: only the
   * model a session names last is read. Asked only when a session file is read, at most once.
   */
  windowStart?: () => number | null;
}

export function settingsPlace(root: string, gitDir: string, env: Record<string, string | undefined>, system = '/'): SettingsPlace {
  // node:os only when HOME is unset: an agent's commit hooks load no node module they can do without.
  return { root, gitDir, env, home: env.HOME?.trim() || process.getBuiltinModule('node:os').homedir(), system };
}

/**
 * The paths the work tree is known by to an agent that keys its projects by path (Codex's
 * `[projects."<path>"]`, OpenCode's project `worktree`): its top as given and resolved and, for a
 * linked worktree, the main one's.
 */
export function projectPaths(place: SettingsPlace): string[] {
  const keys = new Set([place.root]);
  try {
    keys.add(realpathSync.native(place.root));
    const common = resolve(place.gitDir, readFileSync(join(place.gitDir, 'commondir'), 'utf8').trim());
    if (basename(common) === '.git') keys.add(dirname(common));
  } catch {
    // Not a linked worktree (no commondir), or the root is gone: the keys so far.
  }
  return [...keys];
}

/** A machine-wide file (`etc/codex/config.toml`) under the place's system root. */
export function systemPath(place: SettingsPlace, path: string): string {
  return join(place.system, path);
}

/**
 * What {@link readOwnSettings} and {@link readRepoSettings} give for a regular file past {@link MAX_SETTINGS_BYTES}:
 * the agent reads it whole and aitrail does not, so what it sets is not known (padding one hid what it set: row 938).
 */
export const OVERSIZED: unique symbol = Symbol('a settings file past 1 MiB');

/** A settings file's text, null (none: missing, a FIFO, a device, unreadable), or {@link OVERSIZED}. */
export type SettingsText = string | null | typeof OVERSIZED;

/** How evidence says a settings file was not read for its size. */
export function oversizedEvidence(shown: string): string {
  return `settings ${shown} (over ${MAX_SETTINGS_BYTES / 1024 / 1024} MiB, not read: the agent reads it whole, so the model it runs is not known)`;
}

/**
 * Thrown by a whole read ({@link readOwnFile}, {@link readRepoFile}) of a file past the bound: the agent
 * reads it whole, so what it sets is not known, and read as no file it let a lower layer's model be
 * recorded (rows 938, 942, 968). One place turns it into the agent's unknown model:
 * `readAgentSettings`, around each agent's reader; a reader never catches it.
 */
export class OversizedSettingsError extends Error {
  /**
   * `path`: the file's full path, or as evidence shows it (`~/.gemini/settings.json`, `.qwen/settings.json`);
   * `evidence`: how the evidence says it, when what went unread is no one file's size (a folder past its bound, row 996).
   */
  constructor(readonly path: string, readonly evidence?: string) {
    super(evidence ?? `settings file ${path} is over ${MAX_SETTINGS_BYTES} bytes`);
  }
}

/** Rethrows `error` when it is {@link OversizedSettingsError}: for a reader's own `catch` around reads that may meet one. */
export function rethrowOversized(error: unknown): void {
  if (error instanceof OversizedSettingsError) throw error;
}

/**
 * A file of the person's or the machine's (home, /etc, a variable's path): links followed, never a FIFO or a device.
 * `head`: its first so many bytes, whatever its size; else the whole file, past the bound {@link OversizedSettingsError}.
 */
export function readOwnFile(path: string, head?: number): string | null {
  if (head !== undefined) return isAbsolute(path) ? readRegularFileHead(path, head) : null;
  const text = readOwnSettings(path);
  if (text === OVERSIZED) throw new OversizedSettingsError(path);
  return text;
}

/**
 * A file of the person's that names no model and no endpoint (an agent's index of its projects or
 * workspaces, read to find its session records): past the bound, none (its sessions' models, beside, go unread).
 */
export function readOwnIndex(path: string): string | null {
  const text = readOwnSettings(path);
  return text === OVERSIZED ? null : text;
}

/** {@link readOwnFile} whole, {@link OVERSIZED} past its bound. */
export function readOwnSettings(path: string): SettingsText {
  return isAbsolute(path) ? readRegularFile(path, MAX_SETTINGS_BYTES, OVERSIZED) : null;
}

/**
 * A file of the work tree (`.claude/settings.json`, an agent file), where its links lead: a regular
 * file only, never a FIFO or a device (a committed link to `/dev/zero` or a FIFO is not read), at
 * most {@link MAX_SETTINGS_BYTES} (or its `head`). A link out of the work tree is followed as the
 * agent follows it (an agent's `.gemini/settings.json -> ../x/settings.json` ran it on the model
 * named there, unseen: 788); what is read of it is the agent's settings keys alone, never shown
 * whole (a committed link to `~/.ssh/…` parses as no settings and names nothing). Past the bound
 * (whole), {@link OversizedSettingsError}.
 */
export function readRepoFile(place: SettingsPlace, path: string, head?: number): string | null {
  if (head !== undefined) {
    const real = repoRealPath(place, path);
    return real === null ? null : readRegularFileHead(real, head);
  }
  const text = readRepoSettings(place, path);
  if (text === OVERSIZED) throw new OversizedSettingsError(join(place.root, path));
  return text;
}

/** {@link readRepoFile} whole, {@link OVERSIZED} past its bound. */
export function readRepoSettings(place: SettingsPlace, path: string): SettingsText {
  const real = repoRealPath(place, path);
  return real === null ? null : readRegularFile(real, MAX_SETTINGS_BYTES, OVERSIZED);
}

/** Where the work tree's `path` leads, links followed, or null (missing). */
function repoRealPath(place: SettingsPlace, path: string): string | null {
  try {
    return realpathSync.native(join(place.root, path));
  } catch {
    return null;
  }
}

/** `~/…` and absolute paths of a variable; a relative one (resolved against a directory the hook does not know) is not used. */
export function absolute(place: SettingsPlace, value: string | undefined): string | null {
  const path = value?.trim() ?? '';
  if (path === '~' || path.startsWith('~/')) return join(place.home, path.slice(1));
  return isAbsolute(path) ? path : null;
}

/** `location` is `folder` (an absolute path) or below it. */
export function within(location: string, folder: string): boolean {
  if (!isAbsolute(folder)) return false;
  const inside = relative(folder, location);
  return inside === '' || (!inside.startsWith('..') && !isAbsolute(inside));
}

/** The work tree's top with its links resolved, else as given. */
export function realRoot(place: SettingsPlace): string {
  try {
    return realpathSync.native(place.root);
  } catch {
    return place.root;
  }
}

/** Where editors (VS Code and its forks) keep their user data: `~/.config` (`XDG_CONFIG_HOME`), `~/Library/Application Support`, `%APPDATA%`. */
export function editorsBase(place: SettingsPlace): string {
  if (process.platform === 'darwin') return join(place.home, 'Library', 'Application Support');
  if (process.platform === 'win32') return absolute(place, place.env.APPDATA) ?? join(place.home, 'AppData', 'Roaming');
  return absolute(place, place.env.XDG_CONFIG_HOME) ?? join(place.home, '.config');
}

/** How evidence names a file: `~/.claude/settings.json`, `.claude/settings.json` (the work tree's), else its path. */
export function shownPath(place: SettingsPlace, path: string): string {
  const inTree = relative(place.root, path);
  if (!isAbsolute(path)) return path;
  if (inTree && !inTree.startsWith('..') && !isAbsolute(inTree)) return inTree;
  const inHome = relative(place.home, path);
  if (inHome && !inHome.startsWith('..') && !isAbsolute(inHome)) return `~/${inHome}`;
  return path;
}

/** Directories of the work tree searched for an agent's project files below its top: at most this deep. */
const MAX_DEPTH_BELOW = 32;

/**
 * The directories of the work tree from its top's child down to `cwd`, the directory the agent runs
 * in (its process's, read from `/proc`: `CommandLineModel.cwd`), each a work-tree path (`packages`,
 * `packages/app`): where an agent that looks for its project files in its working directory, or from
 * there up to the work tree's top, finds them. None when `cwd` is unknown, the top itself, outside the
 * work tree, or deeper than {@link MAX_DEPTH_BELOW}.
 */
export function belowTop(place: SettingsPlace, cwd: string | undefined): string[] {
  if (!cwd) return [];
  let rel: string;
  try {
    rel = relative(realpathSync.native(place.root), realpathSync.native(cwd));
  } catch {
    return [];
  }
  if (rel === '' || isAbsolute(rel) || rel === '..' || rel.startsWith(`..${sep}`)) return [];
  const parts = rel.split(sep);
  if (parts.length > MAX_DEPTH_BELOW) return [];
  return parts.map((_, at) => parts.slice(0, at + 1).join('/'));
}

/** The work-tree directory the agent runs in (`packages/app`: the last of {@link belowTop}), or `''` for the top (its working directory unknown, the top, outside the tree or too deep). */
export function agentDir(place: SettingsPlace, cwd: string | undefined): string {
  return belowTop(place, cwd).at(-1) ?? '';
}

/** `path` (`.claude/settings.json`) in the work-tree directory `dir` (`''`: the top). */
export function inDir(dir: string, path: string): string {
  return dir ? `${dir}/${path}` : path;
}

/**
 * `path` (`.claude/settings.json`) in the directory an agent was started in, where it reads its project
 * files and no other (`cwd`, its process's, links resolved): below the work tree's top, that work-tree
 * directory's, read as a work-tree file ({@link readRepoFile}); outside the work tree (started above
 * it, in a folder of repositories, then `cd` in its shell), that directory's own file, the person's
 * ({@link readOwnFile}); unknown (its process not found) or deeper than {@link MAX_DEPTH_BELOW}, the
 * top's. `dir` is that directory (resolved).
 */
export function startFile(place: SettingsPlace, cwd: string | undefined, path: string): { shown: string; dir: string; read: (head?: number) => string | null; settings: () => SettingsText } {
  if (cwd !== undefined && isAbsolute(cwd) && !within(cwd, realRoot(place))) {
    const full = join(cwd, path);
    return { shown: shownPath(place, full), dir: cwd, read: (head?: number) => readOwnFile(full, head), settings: () => readOwnSettings(full) };
  }
  const below = agentDir(place, cwd);
  const inTree = inDir(below, path);
  return { shown: inTree, dir: join(realRoot(place), below), read: (head?: number) => readRepoFile(place, inTree, head), settings: () => readRepoSettings(place, inTree) };
}

/**
 * The directory an agent's own process runs in (`cwd`, links resolved), as an agent that records it
 * may have written it (OpenCode's session `directory`, Copilot CLI's session `cwd`): as resolved and,
 * inside the work tree, under the top's name as given; none when unknown.
 */
export function ownDirectories(place: SettingsPlace, cwd: string | undefined): string[] {
  if (cwd === undefined) return [];
  const inside = relative(realRoot(place), cwd);
  return [...new Set([cwd, ...(inside.startsWith('..') || isAbsolute(inside) ? [] : [join(place.root, inside)])])];
}

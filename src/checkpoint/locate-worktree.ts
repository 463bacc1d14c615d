import { existsSync, lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { protectedConfigValuesSync } from '../git/config-value.js';

/** A work tree found without running git: its top and its own git dir (a linked worktree's, not the common one). */
export interface Worktree {
  top: string;
  gitDir: string;
}

const MAX_DEPTH = 64;

/** What `.git` at a directory names: the git dir, and the `.git` file when it was one (worktrees, submodules). */
interface DotGit {
  gitDir: string;
  gitFile: string | null;
}

/** The git dir `.git` names at `top`: the directory itself, or the `gitdir: <path>` of a `.git` file (worktrees, submodules). */
function gitDirAt(top: string): DotGit | null {
  const dotGit = join(top, '.git');
  let stat;
  try {
    stat = lstatSync(dotGit);
  } catch {
    return null;
  }
  if (stat.isDirectory()) return { gitDir: dotGit, gitFile: null };
  if (!stat.isFile() || stat.size > 4096) return null;
  const match = /^gitdir: (.+?)\r?\n?$/.exec(readFileSync(dotGit, 'utf8'));
  if (!match) return null;
  return { gitDir: isAbsolute(match[1]!) ? match[1]! : resolve(top, match[1]!), gitFile: dotGit };
}

/** git's `git_env_bool`: a boolean environment variable (unset = `fallback`). */
function envBool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  const text = value.trim().toLowerCase();
  if (['', 'false', 'no', 'off'].includes(text)) return false;
  if (['true', 'yes', 'on'].includes(text)) return true;
  return /^[+-]?\d+$/.test(text) ? Number(text) !== 0 : fallback;
}

const realOr = (path: string) => {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
};
const trimSlash = (path: string) => (path.length > 1 ? path.replace(/\/+$/, '') : path);

/**
 * The deepest entry of GIT_CEILING_DIRECTORIES (absolute, `:`-separated) that is a proper ancestor of
 * `dir`: git looks at `dir` but never climbs to it or above. Each entry counts as written and resolved.
 */
function ceilingOf(dir: string, ceilings: string | undefined): string | null {
  let deepest: string | null = null;
  for (const entry of (ceilings ?? '').split(':')) {
    if (!isAbsolute(entry)) continue;
    for (const form of new Set([trimSlash(resolve(entry)), trimSlash(realOr(entry))])) {
      const under = form === '/' ? dir !== '/' : dir.startsWith(`${form}/`);
      if (under && (deepest === null || form.length > deepest.length)) deepest = form;
    }
  }
  return deepest;
}

/**
 * git's `is_path_owned_by_current_user`: `path` belongs to the effective user; for root, a path of
 * root's or of SUDO_UID's (git run through sudo). git looks at real paths: `follow` for the top and
 * the git dir, not for a `.git` file.
 */
function ownedByCurrentUser(path: string, env: NodeJS.ProcessEnv, follow = true): boolean {
  const owner = (follow ? statSync : lstatSync)(path, { throwIfNoEntry: false })?.uid;
  if (owner === undefined || typeof process.geteuid !== 'function') return owner !== undefined;
  let euid = process.geteuid();
  if (euid === 0) {
    if (owner === 0) return true;
    if (/^\d+$/.test(env.SUDO_UID ?? '')) euid = Number(env.SUDO_UID);
  }
  return owner === euid;
}

/**
 * git's `safe.directory` (system, global or command-line config only): `*` trusts every
 * repository, `<dir>/*` every one under `<dir>`, a path that one work tree; an empty value forgets
 * the values before it. `~/` is the home directory, `%(prefix)/` an absolute path.
 */
function safeDirectory(top: string): boolean {
  const real = realOr(top);
  let safe = false;
  for (const raw of protectedConfigValuesSync('safe.directory')) {
    if (raw === '') {
      safe = false;
      continue;
    }
    if (raw === '*') {
      safe = true;
      continue;
    }
    const value = raw.startsWith('~/') ? join(homedir(), raw.slice(2)) : raw.startsWith('%(prefix)/') ? raw.slice('%(prefix)'.length) : raw;
    if (!isAbsolute(value)) continue;
    if (value.endsWith('/*')) {
      const parent = trimSlash(value.slice(0, -2) || '/');
      if ([parent, trimSlash(realOr(parent))].some((form) => real.startsWith(form === '/' ? '/' : `${form}/`) && real !== form)) safe = true;
    } else if ([trimSlash(value), trimSlash(realOr(value))].includes(real)) safe = true;
  }
  return safe;
}

/**
 * git's `ensure_valid_ownership`: the `.git` file, the work tree top and the git dir all belong to
 * the current user, or `safe.directory` trusts the top. Anyone can make `/tmp/.git`: a repository
 * git itself refuses ("detected dubious ownership") must not receive an agent's edits either.
 */
function trusted(top: string, found: DotGit, env: NodeJS.ProcessEnv): boolean {
  if ((found.gitFile === null || ownedByCurrentUser(found.gitFile, env, false)) && ownedByCurrentUser(top, env) && ownedByCurrentUser(found.gitDir, env)) return true;
  return safeDirectory(top);
}

const deviceOf = (dir: string) => statSync(dir, { throwIfNoEntry: false })?.dev;

/**
 * The innermost work tree holding the directory `start` (absolute): the nearest ancestor with a
 * `.git` that names a git dir (one holding HEAD), found as git finds it. Null outside any
 * repository, in a bare one, past GIT_CEILING_DIRECTORIES or a file-system boundary (unless
 * GIT_DISCOVERY_ACROSS_FILESYSTEM), and in one git would refuse as not the user's (safe.directory).
 * Reads a few directory entries: no git spawned (this runs on every agent edit), except to read
 * safe.directory for a repository someone else owns.
 */
export function locateWorktree(start: string, env: NodeJS.ProcessEnv = process.env): Worktree | null {
  let dir = resolve(start);
  const ceiling = ceilingOf(dir, env.GIT_CEILING_DIRECTORIES);
  const device = envBool(env.GIT_DISCOVERY_ACROSS_FILESYSTEM, false) ? undefined : deviceOf(dir);
  for (let depth = 0; depth < MAX_DEPTH; depth += 1) {
    const found = gitDirAt(dir);
    if (found !== null && existsSync(join(found.gitDir, 'HEAD'))) return trusted(dir, found, env) ? { top: dir, gitDir: found.gitDir } : null;
    const parent = dirname(dir);
    if (parent === dir) return null;
    if (ceiling !== null && parent.length <= ceiling.length) return null;
    if (device !== undefined && deviceOf(parent) !== device) return null;
    dir = parent;
  }
  return null;
}

import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { runGit } from './exec.js';
import type { ShallowAnswer } from './repo.js';

/**
 * The commits where a shallow clone's history is cut (their parents are absent), or `null` for
 * a complete repository. Read from the file git itself reads: `GIT_SHALLOW_FILE` when set (git
 * receive-pack sets it for the hooks of a shallow push, `receive.shallowUpdate`: the pushed cut
 * sits in a temporary file until the refs move), else `<git dir>/shallow`. `known`: git's answer
 * already given to locateRepo (RepoLocation.shallow), so no second process asks it again.
 */
export async function shallowBoundary(cwd: string, known?: ShallowAnswer): Promise<Set<string> | null> {
  // The path is everything after the flag's line (a directory name may hold a newline).
  const [flag, ...pathLines] = known ? [String(known.shallow), known.path] : (await runGit(['rev-parse', '--is-shallow-repository', '--git-path', 'shallow'], { cwd })).replace(/\n$/, '').split('\n');
  const path = pathLines.join('\n');
  const file = process.env.GIT_SHALLOW_FILE || path;
  if (flag !== 'true' || !file) return null;
  try {
    const text = await readFile(isAbsolute(file) ? file : resolve(cwd, file), 'utf8');
    return new Set(text.split('\n').filter((line) => /^[0-9a-f]{40,64}$/.test(line)));
  } catch {
    return new Set();
  }
}

/**
 * The cut commits of a shallow clone that `rev` reaches and `since` does not: `git blame` gives
 * such a commit every line older than it, so lines blamed on it are of unknown origin. Empty for a
 * complete repository, or when the cut lies at or below `since` (those lines are boundary lines).
 */
export async function shallowCutsInRange(cwd: string, rev: string, since: string | null, known?: ShallowAnswer): Promise<string[]> {
  const boundary = await shallowBoundary(cwd, known);
  if (!boundary || boundary.size === 0) return [];
  const reached = await runGit(['rev-list', rev, ...(since ? [`^${since}`] : []), '--'], { cwd });
  return reached.split('\n').filter((sha) => boundary.has(sha));
}

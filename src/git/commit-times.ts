import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PREVIOUS_COMMITS } from '../core/checkpoint/store-layout.js';
import { runGitSync } from './exec.js';
import { headOidByFiles } from './head-by-files.js';

/** First-parent commits listed from HEAD: a window skips those dated ahead of now (row 625), at most this many. */
const LISTED = 32;

/** git's answer as kept: HEAD's id and committer time, then its first parents' (at most {@link LISTED} lines). */
const KEPT = new RegExp(`^(?:[0-9a-f]{40,64} \\d{1,15}\\n){1,${LISTED}}$`);

/**
 * `git log -32 --first-parent --format='%H %ct' HEAD` as it printed it: from `<git dir>/aitrail/previous-commits`
 * when HEAD (read from its files) is the commit it names first (the hook before this one of the same
 * commit asked git: a commit's id, time and first parent never change), else from git, kept there
 * for the next hook. Without `place` (or a HEAD its files do not tell), git is asked and nothing kept.
 */
function previousCommits(cwd: string, place?: { gitDir: string; env: NodeJS.ProcessEnv }): string {
  const head = place ? headOidByFiles(place.gitDir, place.env) : null;
  const path = place ? join(place.gitDir, PREVIOUS_COMMITS) : '';
  if (head !== null) {
    try {
      const kept = readFileSync(path, 'latin1');
      if (kept.length <= 3000 && KEPT.test(kept) && kept.startsWith(`${head} `)) return kept;
    } catch {
      // None kept yet: git is asked.
    }
  }
  const out = runGitSync(['log', `-${LISTED}`, '--first-parent', '--no-color', '--no-show-signature', '--format=%H %ct', '--end-of-options', 'HEAD', '--'], { cwd, asStored: true });
  if (head !== null && KEPT.test(out) && out.startsWith(`${head} `)) {
    // Written whole under a new name, then renamed: a reader sees the old answer or the new one.
    const temp = `${path}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(temp, out, { flag: 'wx' });
      renameSync(temp, path);
    } catch {
      rmSync(temp, { force: true });
    }
  }
  return out;
}

/**
 * The committer time (seconds since the epoch) of the commit the next one follows: HEAD, or when
 * `rewritten` is HEAD (an amend: `HEAD` itself, or its full id as git hands it to
 * prepare-commit-msg) HEAD's first parent. Null when there is none (an unborn HEAD, an amend of a
 * root commit) or git cannot say: the caller then bounds nothing. `place` (the worktree's git dir
 * and the hook's environment): the answer of the hook before, of the same commit, is reused (previousCommits).
 * With `notAfter` (seconds), a commit dated after it is passed over for its first parent: the newest
 * of the first {@link LISTED} not dated after it, null when all are (row 625).
 */
export function previousCommitTime(cwd: string, rewritten?: string, place?: { gitDir: string; env: NodeJS.ProcessEnv }, notAfter?: number): number | null {
  let out: string;
  try {
    out = previousCommits(cwd, place);
  } catch {
    return null;
  }
  const lines = out.split('\n').filter((line) => line !== '');
  const head = lines[0]?.split(' ')[0];
  const amend = rewritten !== undefined && (rewritten === 'HEAD' || rewritten.toLowerCase() === head);
  for (const line of lines.slice(amend ? 1 : 0, notAfter === undefined ? (amend ? 2 : 1) : undefined)) {
    const time = line.split(' ')[1] ?? '';
    if (!/^\d{1,15}$/.test(time)) return null;
    if (notAfter === undefined || Number(time) <= notAfter) return Number(time);
  }
  return null;
}

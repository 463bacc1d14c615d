import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PREVIOUS_COMMITS } from '../core/checkpoint/store-layout.js';
import { runGitSync } from './exec.js';
import { headOidByFiles } from './head-by-files.js';

/** git's answer as kept: HEAD's id and committer time, then its first parent's when it has one. */
const KEPT = /^[0-9a-f]{40,64} \d{1,15}\n(?:[0-9a-f]{40,64} \d{1,15}\n)?$/;

/**
 * `git log -2 --first-parent --format='%H %ct' HEAD` as it printed it: from `<git dir>/aitrail/previous-commits`
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
      if (kept.length <= 200 && KEPT.test(kept) && kept.startsWith(`${head} `)) return kept;
    } catch {
      // None kept yet: git is asked.
    }
  }
  const out = runGitSync(['log', '-2', '--first-parent', '--no-color', '--no-show-signature', '--format=%H %ct', '--end-of-options', 'HEAD', '--'], { cwd, asStored: true });
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
 */
export function previousCommitTime(cwd: string, rewritten?: string, place?: { gitDir: string; env: NodeJS.ProcessEnv }): number | null {
  let out: string;
  try {
    out = previousCommits(cwd, place);
  } catch {
    return null;
  }
  const lines = out.split('\n');
  const head = lines[0]?.split(' ')[0];
  const amend = rewritten !== undefined && (rewritten === 'HEAD' || rewritten.toLowerCase() === head);
  const time = lines[amend ? 1 : 0]?.split(' ')[1] ?? '';
  return /^\d{1,15}$/.test(time) ? Number(time) : null;
}

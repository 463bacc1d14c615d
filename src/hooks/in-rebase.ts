import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REBASE_AMEND, REBASE_AUTHOR_SCRIPT, REBASE_IGNORE_DATE, REBASE_STOPPED } from '../core/checkpoint/store-layout.js';

/**
 * True when git runs the hook for a rebase (GIT_CHERRY_PICK_HELP, or GIT_REFLOG_ACTION `rebase…`)
 * while one is under way in `gitDir` (`rebase-merge` or `rebase-apply`): what it commits is a replay
 * of commits, or a step of it. The variables alone are anyone's: a `.env` the repository commits,
 * which aider, Gemini CLI and Qwen Code load into the environment of their `git commit`, made every
 * agent commit a "replay", recorded with no trailer. At a stop of an interactive rebase (`edit`, a
 * conflict) the agent's own `git commit` runs while the rebase is under way: there the commit is
 * git's only when it carries the author git gives it (continuesStop). At an `edit` stop
 * (`rebase-merge/amend`) even git's own commit is new work: `--continue` commits there only to amend
 * the stopped commit with what was staged at the stop (nothing staged: no commit, no hook), so it is
 * recorded as an amend by whoever runs it would be, the commit's own trailers kept in its message (git
 * makes it with `-n`: no commit-msg; check, pre-push and pre-receive judge the trailer).
 * Between steps (a `break` stop, an `exec` step's command) git commits nothing of its own: sequencer.c
 * writes `rebase-merge/author-script` for every commit it replays (do_pick_commit, do_merge) and
 * unlinks it as each step begins, so without it (and without a stop) a commit is new work, whatever
 * variables a committed `.env` hands it.
 */
export function inRebase(env: NodeJS.ProcessEnv, gitDir: string, now = Date.now()): boolean {
  if (env.GIT_CHERRY_PICK_HELP === undefined && !/^rebase\b/.test(env.GIT_REFLOG_ACTION ?? '')) return false;
  if (existsSync(join(gitDir, 'rebase-apply'))) return true;
  if (!existsSync(join(gitDir, 'rebase-merge'))) return false;
  // git writes author-script for each commit it replays (a pick, reword, fixup, squash, edit or merge
  // step) and removes it as the next step begins: at a `break` stop, an `exec` step, or a stop after a
  // failed `exec`, there is none, and no commit is git's own.
  if (!existsSync(join(gitDir, REBASE_STOPPED))) return existsSync(join(gitDir, REBASE_AUTHOR_SCRIPT));
  return !existsSync(join(gitDir, REBASE_AMEND)) && continuesStop(env, gitDir, now);
}

/**
 * At a stop, the commit `git rebase --continue` makes (the resolved pick, or the amend of an `edit`
 * stop's staged changes): git 2.39 starts `git commit` with the author of `rebase-merge/author-script`
 * (GIT_AUTHOR_DATE as written there; under `--reset-author-date`, the time now). A `git commit` the
 * person or an agent runs at the stop gets no GIT_AUTHOR_DATE from git, and a committed `.env`'s is a
 * fixed text, not the stopped commit's date nor now.
 */
function continuesStop(env: NodeJS.ProcessEnv, gitDir: string, now: number): boolean {
  const date = env.GIT_AUTHOR_DATE;
  if (date === undefined) return false;
  let script: string;
  try {
    script = readFileSync(join(gitDir, REBASE_AUTHOR_SCRIPT), 'utf8');
  } catch {
    return false;
  }
  if (script.split('\n').includes(`GIT_AUTHOR_DATE='${date}'`)) return true;
  if (!existsSync(join(gitDir, REBASE_IGNORE_DATE))) return false;
  const seconds = /^@(\d{1,12}) [+-]\d{4}$/.exec(date);
  return seconds !== null && Math.abs(now / 1000 - Number(seconds[1])) < 600;
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExitCode } from '../core/exit-codes.js';
import { sanitize } from '../core/sanitize.js';
import { writeStderr } from '../io/write-fd.js';
import type { HookHandler } from './dispatch.js';
import { hookGitDir } from './hook-git-dir.js';

/**
 * `pre-applypatch`: the last hook before `git am` commits a patch (git gives it no argument). git
 * runs it on every way a patch is committed, `git am --continue` / `--resolved` / `-r` after a stop
 * included, where it runs no applypatch-msg, and with the patch applied to the index: the paths
 * judged here are those the commit changes (`-p<n>`, `--directory`, `--include`/`--exclude`, `-3`
 * and a hand resolution as git applied them), the message `<git dir>/rebase-apply/final-commit`
 * (git commits what it read of that file when this `git am` started or applypatch-msg ended).
 * git reads the file no more after this hook: a model detected now that the message lacks (an
 * agent finishing a person's stopped `git am`) is recorded into it and the commit refused once:
 * `git am --continue` reads the file again and commits it with the trailer. Then the message is
 * judged as commit-msg does (the models detected now count too). `git rebase --apply` (marked by
 * `rebasing`) is a replay: nothing recorded or refused.
 */
export const handler: HookHandler = async (args, context) => {
  const gitDir = hookGitDir(context.cwd, context.env, args[0]);
  const state = join(gitDir, 'rebase-apply');
  const file = join(state, 'final-commit');
  if (existsSync(join(state, 'rebasing')) || !existsSync(file)) return ExitCode.ok;
  const env: NodeJS.ProcessEnv = { ...context.env, GIT_EDITOR: ':' };
  delete env.GIT_CHERRY_PICK_HELP;
  delete env.GIT_REFLOG_ACTION;
  const applied = { ...context, env };
  const before = readFileSync(file);
  await (await import('./prepare-commit-msg.js')).recordApplied(file, applied);
  const recorded = !readFileSync(file).equals(before);
  const status = await (await import('./commit-msg.js')).judgeMessageFile([file], applied);
  if (status !== ExitCode.ok) {
    writeStderr(`aitrail: git am stopped before committing this patch (applied to the index; its message, with what aitrail recorded, is in ${sanitize(file, { max: 200 })}). 'git am --abort' puts the branch back; 'git am --skip' drops this patch.\n`);
    return status;
  }
  if (recorded) {
    writeStderr(`aitrail: this patch's message lacked the model detected now (git am read it before this hook; aitrail recorded it in ${sanitize(file, { max: 200 })}): run 'git am --continue' to commit it with it.\n`);
    return ExitCode.violation;
  }
  return ExitCode.ok;
};

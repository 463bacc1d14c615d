import { existsSync, readFileSync, statSync } from 'node:fs';
import { removeFileIfThere } from '../io/remove-file.js';
import { rewriteFile } from '../io/rewrite-file.js';
import { dirname, join, resolve } from 'node:path';
import { ExitCode } from '../core/exit-codes.js';
import { sanitize } from '../core/sanitize.js';
import { writeStderr } from '../io/write-fd.js';
import type { HookHandler } from './dispatch.js';

/**
 * `applypatch-msg <message-file>`: the commit `git am` makes. git runs none of the commit hooks for
 * it (no prepare-commit-msg, commit-msg or post-commit), only this one, with the patch's message in
 * `<git dir>/rebase-apply/final-commit` before the patch is applied; it reads the file back when the
 * hook exits 0, and stops (`git am` exits 1, the patch left unapplied) on any other status. So this
 * records the models detected now into that file, as prepare-commit-msg does, then judges the
 * message as commit-msg does: a denied model is refused, its trailer already in the message (a
 * `git am --continue` runs no applypatch-msg: pre-applypatch judges it, with the paths git applied,
 * which this hook cannot know under -p<n>, --directory or -3). git stores that message as it is (no editor, no comment stripping):
 * the handlers run as for `git commit -F` (GIT_EDITOR=:).
 * `git rebase --apply` runs `git am --rebasing`, marked by `rebasing` beside the message file: a
 * replay, nothing recorded or refused. Plain `git am` replays nothing: git's rebase variables (a
 * committed `.env` may set them) are dropped for the handlers.
 */
export const handler: HookHandler = async (args, context) => {
  const file = args[0];
  if (!file) {
    writeStderr('aitrail: applypatch-msg: git gave no message file; reinstall the hooks with `npx aitrail init --force`.\n');
    return ExitCode.usage;
  }
  if (existsSync(join(dirname(resolve(context.cwd, file)), 'rebasing'))) return ExitCode.ok;
  const env: NodeJS.ProcessEnv = { ...context.env, GIT_EDITOR: ':' };
  delete env.GIT_CHERRY_PICK_HELP;
  delete env.GIT_REFLOG_ACTION;
  const applied = { ...context, env };
  await (await import('./prepare-commit-msg.js')).recordApplied(file, applied);
  // The patch is not applied yet: path rules judge the paths it changes, unless git am was told to move them (apply-opt).
  const state = dirname(resolve(context.cwd, file));
  const { patchPathsSync } = await import('../git/staged-paths.js');
  const ownPaths = !nonEmpty(join(state, 'apply-opt')) && !threeway(state);
  const paths = () => (ownPaths ? patchPathsSync(context.cwd, join(state, 'patch')) : []);
  const judged = join(state, JUDGED);
  removeFileIfThere(judged);
  const status = await (await import('./commit-msg.js')).judgeMessageFile([file], applied, paths);
  // This very message passed with the paths git will apply (no apply-opt, no -3): pre-applypatch's shim need not start node again for a person in this git am.
  if (status === ExitCode.ok && ownPaths) rewriteFile(judged, readFileSync(resolve(context.cwd, file)));
  if (status !== ExitCode.ok) {
    writeStderr(`aitrail: git am stopped before applying this patch (its message, with what aitrail recorded, is in ${sanitize(file, { max: 200 })}). 'git am --abort' puts the branch back; 'git am --skip' drops this patch.\n`);
  }
  return status;
};

/**
 * The copy of a message this hook passed with the patch's own paths, beside it: pre-applypatch's
 * shim (src/install/pending-gate.ts appliedMessageGate) starts no node for a person (no agent
 * variable) when `final-commit` still holds these bytes. git removes `rebase-apply` when `git am` ends.
 */
export const JUDGED = 'aitrail-judged';

/** `git am -3` (or am.threeWay): git writes `t` in `threeway`; its fallback merge may commit other paths than the patch's. */
function threeway(state: string): boolean {
  try {
    return readFileSync(join(state, 'threeway'), 'utf8').trim() !== 'f';
  } catch {
    return true;
  }
}

function nonEmpty(path: string): boolean {
  return (statSync(path, { throwIfNoEntry: false })?.size ?? 0) > 0;
}

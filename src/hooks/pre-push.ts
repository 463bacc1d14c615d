import { join, resolve } from 'node:path';
import { ExitCode } from '../core/exit-codes.js';
import { checkEnvLimits, GATE_LIMITS } from '../io/env-limits.js';
import { parsePrePushLines, updatedRefs } from '../core/ref-updates.js';
import type { RunPaths } from '../git/git-path.js';
import type { HookContext, HookHandler } from './dispatch.js';
import { firstLine, hookWarning } from './hook-warning.js';

/**
 * `pre-push <remote-name> <url>`, stdin `<local ref> <local oid> <remote ref> <remote oid>` per
 * ref: judge every commit being pushed (all refs, one `git log` pass per distinct exclusion)
 * against the one policy committed on the remote's default branch (`<remote>/HEAD`, else its
 * main/master), history read as stored. Exit 1 refuses the push.
 */
/** The push goes on: also push refs/notes/ai (unless the config says notes.push: false). Never fails the push. */
async function pushLineNotes(args: string[], context: HookContext, paths: RunPaths, notesTip?: string): Promise<void> {
  try {
    const { loadHookConfig } = await import('./hook-config.js');
    // hookGitDir's: GIT_DIR when git set it, else the git dir the judging's `git rev-parse` also gave.
    const gitDir = context.env.GIT_DIR ? resolve(context.cwd, context.env.GIT_DIR) : await paths.gitDir();
    if (!(await loadHookConfig(context.cwd, gitDir)).config.notes.push) return;
    const { pushNotes } = await import('../notes/push-notes.js');
    const warning = await pushNotes(context.cwd, gitDir, args[0] ?? '', args[1] ?? '', notesTip);
    if (warning) hookWarning(context.env, warning);
  } catch (error) {
    hookWarning(context.env, `refs/notes/ai not pushed: ${firstLine(error)}`);
  }
}

/** refs/notes/ai's and refs/notes/ai-attribution's tips as judgeCommits reads them ('' for none); undefined on a git error. */
async function judgedNotesTips(cwd: string): Promise<{ notesTip: string; qwenNotesTip: string } | undefined> {
  const [{ notesTips }, { GitError }, { DEFAULT_NOTES_REF }, { QWEN_NOTES_REF }] = await Promise.all([
    import('../git/notes.js'),
    import('../git/exec.js'),
    import('../core/notes/notes-ref.js'),
    import('../core/notes/qwen-attribution.js'),
  ]);
  try {
    const [notesTip, qwenNotesTip] = await notesTips(cwd, [DEFAULT_NOTES_REF, QWEN_NOTES_REF], { asStored: true });
    return { notesTip: notesTip ?? '', qwenNotesTip: qwenNotesTip ?? '' };
  } catch (error) {
    if (error instanceof GitError) return undefined;
    throw error;
  }
}

/**
 * A `.env` the repository commits that switches git's hooks off for the agents that load it
 * (git-layer planted-hook-switches.ts): no hook runs for their commits, so none can notice; the
 * person's push (their own environment) says so. `HUSKY=0` only where husky runs the hooks. Never fails the push.
 */
async function warnPlantedSwitches(context: HookContext): Promise<void> {
  try {
    const { plantedHookSwitches, switchManager } = await import('../git/planted-hook-switches.js');
    let found = await plantedHookSwitches(context.cwd);
    if (found.some((entry) => switchManager(entry.name) !== null)) {
      // A manager's switch only where that manager runs the hooks (`HUSKY=0`, `LEFTHOOK=0` in a .env also switch them off in CI).
      const { runGit } = await import('../git/exec.js');
      const hooksPath = (await runGit(['config', '--get', 'core.hooksPath'], { cwd: context.cwd, okCodes: [1] })).trim();
      const { CLIENT_HOOKS } = await import('../install/hook-names.js');
      const { hookFileManager, hookFileText } = await import('../install/hook-managers.js');
      const hooksDir = hooksPath !== '' ? resolve(context.cwd, hooksPath) : resolve(context.cwd, (await runGit(['rev-parse', '--git-path', 'hooks'], { cwd: context.cwd })).trim());
      const running = new Set<string>(/(^|\/)\.husky\/_$/.test(hooksPath) ? ['husky'] : []);
      for (const hook of CLIENT_HOOKS) {
        const text = hookFileText(join(hooksDir, hook));
        const manager = text === null ? null : hookFileManager(text);
        if (manager) running.add(manager);
      }
      found = found.filter((entry) => {
        const manager = switchManager(entry.name);
        return manager === null || running.has(manager);
      });
    }
    if (found.length === 0) return;
    const { plantedSwitchesMessage } = await import('../install/hook-messages.js');
    hookWarning(context.env, plantedSwitchesMessage(found));
  } catch {
    // Only a warning: a failed read says nothing.
  }
}

export const handler: HookHandler = async (args, context) => {
  try {
    // The gate's bounds, mis-written: exit 2 at once (row 1125), not on the first push that reaches one.
    checkEnvLimits(GATE_LIMITS);
    const { updates, malformed } = parsePrePushLines(await context.readStdin());
    const { malformedInput, reportHookVerdict } = await import('../enforce/hook-verdict.js');
    if (malformed.length > 0) return malformedInput('pre-push', malformed);
    if (updates.every((update) => update.to === null)) return ExitCode.ok;
    await warnPlantedSwitches(context);
    const remote = args[0] ?? '';
    const [{ pushSets }, { judgeSets }, { shallowBoundary }, { enforceMessages }, { runPaths }] = await Promise.all([
      import('../enforce/push-sets.js'),
      import('../enforce/judge-groups.js'),
      import('../git/shallow.js'),
      import('../enforce/messages.js'),
      import('../git/git-path.js'),
    ]);
    // The shallow file and the git dir (notes push) of one `git rev-parse`.
    const paths = runPaths(context.cwd);
    const { sets, tagged } = await pushSets(context.cwd, remote, updates, args[1] || remote);
    // The notes tips the commits are judged by, and refs/notes/ai's the notes push sends, of one `for-each-ref` (session 52:
    // judgeCommits and pushNotes each ran one). A git error: each reader asks as before.
    const tips = sets.length > 0 ? await judgedNotesTips(context.cwd) : undefined;
    const result = await judgeSets(context.cwd, sets, await shallowBoundary(context.cwd, await paths.shallow()), tips ?? {});
    // Refs naming no commit (tags of trees and blobs): their tags' messages, by the same policy.
    if (tagged.objects.length > 0) {
      const [{ judgeTaggedObjects }, { mergeVerdicts }] = await Promise.all([import('../enforce/judge-tagged-objects.js'), import('../core/policy/verdict.js')]);
      result.verdict = mergeVerdicts([result.verdict, await judgeTaggedObjects(context.cwd, tagged.objects, tagged.source.loaded.config)]);
    }
    const policies = [...result.sources, ...(tagged.objects.length > 0 ? [tagged.source.description] : [])];
    const code = reportHookVerdict(result, enforceMessages.pushRefused(remote, updatedRefs(updates), policies), { quiet: context.env.AITRAIL_QUIET === '1' });
    if (code === ExitCode.ok) await pushLineNotes(args, context, paths, tips?.notesTip);
    return code;
  } catch (error) {
    const { reportError } = await import('../errors/report-error.js');
    return reportError(error);
  }
};

import { relative } from 'node:path';
import { ExitCode } from '../core/exit-codes.js';
import { safeJson, sanitize } from '../core/sanitize.js';
import { detectAtCommitTime, trailerValue } from '../core/detect.js';
import { describeSession } from '../core/session.js';
import { configStrings, pathConfigValue } from '../git/config-value.js';
import { emptyHooksPath, pushesTaken, takenHooksDir } from '../install/push-target.js';
import { inspectGitHook, isExecutable } from '../install/git-hooks.js';
import { gitPath } from '../git/git-path.js';
import { locateRepo } from '../git/repo.js';
import { gatherCommitTimeSignals } from '../hooks/commit-time-signals.js';
import { hookStatuses } from './hook-status.js';
import { huskyRuntimeShadowed, huskyShadowedMessage, huskyShadowedNote } from '../install/husky-runtime-tools.js';
import { binaryMissingCause, binaryMissingNote, hookBinary } from '../install/binary-reachable.js';
import { PACKAGE_DIR_KEY, recordedPackageDir } from '../install/package-dir.js';
import { hookManagers, hooksAtRisk, installCommand, managerAdvice } from '../install/hook-managers.js';
import { notesMessages } from '../core/notes/messages.js';
import { DEFAULT_NOTES_REF } from '../core/notes/notes-ref.js';
import { QWEN_NOTES_REF } from '../core/notes/qwen-attribution.js';
import { GitError } from '../git/exec.js';
import { listNotes, notesTips } from '../git/notes.js';
import { foundObject, objectInfoLines } from '../git/object-batch.js';
import { writeStdout } from '../io/stdout.js';

/**
 * How many commits carry a note in each of `refs` (0: no notes ref, or one git cannot read); their tips in one git process.
 * A note on a blob or a tree (`git notes add <blob>`) is no commit's: not counted (row 1188), the objects' types asked in one batch.
 */
async function noteCounts(root: string, refs: readonly string[]): Promise<number[]> {
  const tips = await notesTips(root, refs);
  return Promise.all(
    tips.map(async (tip) => {
      if (!tip) return 0;
      const notes = await listNotes(root, tip).catch((error: unknown) => (error instanceof GitError ? new Map() : Promise.reject(error)));
      if (notes.size === 0) return 0;
      const types = await objectInfoLines(root, [...notes.keys()]).catch((error: unknown) => (error instanceof GitError ? null : Promise.reject(error)));
      return types === null ? notes.size : types.filter((header) => foundObject(header)?.type === 'commit').length;
    }),
  );
}

export interface StatusArgs {
  format?: 'text' | 'json';
  config?: string;
  cwd?: string;
}

/** `aitrail status`: hooks and how they are installed, the config in force, what a commit now would record. */
export async function runStatus(args: StatusArgs): Promise<number> {
  const cwd = args.cwd ?? process.cwd();
  const repo = await locateRepo(cwd);
  // The package folder init recorded, read once (git config): the hook managers' advice and the binary the hooks run both name it.
  // core.hooksPath and the package folder in one `git config`.
  const [settings, hooksDir] = await Promise.all([configStrings(repo.root, ['core.hookspath', PACKAGE_DIR_KEY.toLowerCase()]), gitPath(repo.root, 'hooks')]);
  const hooksPath = settings.get('core.hookspath');
  const recorded = repo.bare ? '' : await recordedPackageDir(repo.root, settings.get(PACKAGE_DIR_KEY.toLowerCase()) ?? '');
  const managers = repo.bare ? [] : await hookManagers(repo.root, recorded);
  const listed = hookStatuses(repo.root, hooksDir, hooksPath, repo.bare, managers);
  // husky's runtime running the repository's sh (or dirname, basename): git runs none of the .husky lines, aitrail's neither.
  const activePackage = listed.find((hook) => hook.state === 'husky' && hook.active)?.packageDir;
  const shadowed = activePackage === undefined ? [] : await huskyRuntimeShadowed(repo.root, process.env, activePackage);
  const shadowNote = shadowed.length === 0 ? '' : huskyShadowedMessage(repo.root, shadowed);
  const hooks = listed.map((hook) => (shadowNote !== '' && hook.state === 'husky' && hook.active ? { ...hook, active: false, note: huskyShadowedNote(shadowed) } : hook));
  const { cachedIn, loadConfig, misnamedInWorkTree } = await import('../config/load.js');
  const { resolveConfig } = await import('../config/defaults.js');
  const loaded = await loadConfig(repo.root, { ...(args.config ? { configFile: args.config } : {}), ...cachedIn(repo) });
  const config = resolveConfig(loaded.config);
  const misnamed = repo.bare || args.config ? [] : misnamedInWorkTree(repo.root, cwd);
  const signals = await gatherCommitTimeSignals(repo.root, repo.gitDir, process.env);
  const attributions = repo.bare ? [] : detectAtCommitTime('', signals, { detect: config.detect, trailerKey: config.trailer.key });
  // husky's own switch: HUSKY=0 makes husky run no hook at all, aitrail's lines included.
  const huskyOff = process.env.HUSKY === '0' && listed.some((hook) => hook.state === 'husky' && hook.active);
  const disabled = process.env.AITRAIL === '0' || huskyOff;
  // lefthook's and simple-git-hooks' own switches: their hooks then run nothing, aitrail's shim included.
  const managerOff = process.env.LEFTHOOK === '0' && hooks.some((hook) => hook.state === 'lefthook' && hook.active) ? 'LEFTHOOK=0' : process.env.SKIP_SIMPLE_GIT_HOOKS === '1' && hooks.some((hook) => hook.state === 'simple-git-hooks' && hook.active) ? 'SKIP_SIMPLE_GIT_HOOKS=1' : '';
  // husky's block names its package itself; git-mode shims read the folder init recorded.
  const huskyPackage = listed.find((hook) => hook.state === 'husky' && hook.active)?.packageDir;
  const packageDir = repo.bare ? '' : (huskyPackage ?? recorded);
  const binary = (await hookBinary(repo.root, process.env, { bare: repo.bare, packageDir })) ?? null;
  const record = attributions.map((a) => ({ agent: a.agent, model: a.model, trailer: `${config.trailer.key}: ${trailerValue(a)}`, evidence: a.evidence }));
  const [notes = 0, qwenNotes = 0] = await noteCounts(repo.root, [DEFAULT_NOTES_REF, QWEN_NOTES_REF]);
  const pushTarget = repo.bare ? null : await pushTargetStatus(repo.root, repo.commonDir, hooksPath);
  // A bare server given a linked worktree after init, its core.hooksPath relative: pushes to that worktree's path run no hook (row 592).
  const unhookedWorktrees = repo.bare && hooksPath !== undefined ? ((await (await import('../install/init-hooks.js')).relativeServerHooks(repo.root, repo.commonDir, {})).refused ?? null) : null;

  if (args.format === 'json') {
    const json = {
      root: repo.root,
      hooksDir,
      hooks,
      binary,
      packageDir,
      config: { file: loaded.filepath, trailerKey: config.trailer.key, notRead: misnamed },
      session: signals.session ?? null,
      disabled,
      wouldRecord: disabled ? [] : record,
      notes: { ref: DEFAULT_NOTES_REF, count: notes },
      qwenNotes: { ref: QWEN_NOTES_REF, count: qwenNotes },
      pushTarget,
      unhookedWorktrees,
      hookManagers: managers.map((manager) => ({ manager: manager.manager, file: manager.file, takesFromAitrail: hooksAtRisk(manager) })),
    };
    writeStdout(`${safeJson(json, 2)}\n`);
    return ExitCode.ok;
  }
  const show = (path: string) => {
    const rel = relative(repo.root, path);
    return sanitize(rel === '' || rel.startsWith('..') ? path : rel);
  };
  const out: string[] = [`Hooks (${show(hooksDir)}${hooksPath ? `, core.hooksPath=${sanitize(hooksPath)}` : ''}):`];
  for (const hook of hooks) {
    out.push(`  ${hook.hook.padEnd(21)} ${hook.state.padEnd(15)} ${show(hook.path)}${hook.note ? ` — ${sanitize(hook.note)}` : ''}`);
  }
  for (const manager of managers) {
    const taken = hooksAtRisk(manager);
    if (taken.length > 0) out.push(...managerAdvice(manager, taken, packageDir).map((line) => sanitize(line)));
  }
  if (binary === null && hooks.some((hook) => hook.active)) out.push(binaryMissingNote(repo.bare, repo.bare ? undefined : binaryMissingCause(repo.root, process.env, packageDir)));
  else if (binary !== null) out.push(`Binary the hooks run: ${show(binary)}${packageDir === '' ? '' : ` (package ${sanitize(packageDir)}/, recorded at init)`}`);
  out.push(`Config: ${loaded.filepath ? show(loaded.filepath) : 'none found (built-in defaults)'}; trailer key ${sanitize(config.trailer.key)}`);
  for (const file of misnamed) out.push(`  Not read: ${sanitize(file.name)} looks meant as the config; ${sanitize(file.hint)}`);
  const session = signals.session;
  out.push(`Session: ${session ? sanitize(describeSession(session, new Date())) : "none ('aitrail use <model>' sets one)"}`);
  out.push(notesMessages.status(DEFAULT_NOTES_REF, notes));
  if (qwenNotes > 0) out.push(notesMessages.qwenStatus(QWEN_NOTES_REF, qwenNotes));
  if (pushTarget) {
    const where = pushTarget.linkedGitDir === null ? '' : ` (in the linked worktree's git dir ${pushTarget.linkedGitDir})`;
    const taking = `Takes pushes into its checked-out branch (receive.denyCurrentBranch=${sanitize(`${pushTarget.denyCurrentBranch}${where}`)})`;
    if (!pushTarget.checked) out.push(`${taking}: they are NOT checked, no aitrail pre-receive runs from ${show(pushTarget.hooksDir)}: run 'aitrail init'`);
    else out.push(`${taking}: checked by ${show(pushTarget.path)}${pushTarget.binary ? '' : `; ${binaryMissingNote(true).replace(/^Warning: /, 'but ')}`}`);
  }
  if (unhookedWorktrees) out.push(`Warning: ${sanitize(unhookedWorktrees)}`);
  const emptyHooks = emptyHooksPath(hooksPath);
  if (emptyHooks) out.push(`Warning: none of the hooks above runs: ${emptyHooks.replace(/run init again/, "run 'aitrail init' again")}`);
  if (repo.bare) out.push('Bare repository: pushes are checked by pre-receive; nothing is committed here.');
  else if (disabled) out.push(`${huskyOff && process.env.AITRAIL !== '0' ? 'HUSKY=0' : 'AITRAIL=0'} is set: the hooks record and check nothing in this environment.`);
  else if (managerOff) out.push(`${managerOff} is set: ${managerOff.startsWith('LEFTHOOK') ? 'lefthook' : 'simple-git-hooks'} runs no hook in this environment, aitrail's included.`);
  else if (record.length === 0) out.push('A commit made now would record: nothing (no AI model or agent detected: a human commit).');
  else {
    out.push('A commit made now would record:');
    for (const entry of record) {
      out.push(`  ${sanitize(entry.trailer)}`);
      for (const evidence of entry.evidence) out.push(`    evidence: ${sanitize(evidence)}`);
    }
  }
  const inactive = hooks.filter((hook) => !hook.active);
  if (shadowNote !== '') out.push(`Warning: ${sanitize(shadowNote)}.`);
  else if (inactive.length > 0 && hooksPath && inactive.every((hook) => hook.state === 'husky')) out.push("Next: run 'npx husky' (or 'npm install') in this work tree to set husky's runtime up.");
  else if (inactive.some((hook) => hook.state === 'lefthook' || hook.state === 'simple-git-hooks')) {
    const names = [...new Set(inactive.map((hook) => hook.state).filter((state): state is 'lefthook' | 'simple-git-hooks' => state === 'lefthook' || state === 'simple-git-hooks'))];
    out.push(`Next: make ${names.join(' and ')} run aitrail's shims (above), then ${names.map((name) => `'${installCommand(name)}'`).join(' and ')}.`);
  } else if (inactive.length > 0) out.push("Next: run 'aitrail init' to install the missing hooks.");
  writeStdout(`${out.join('\n')}\n`);
  return ExitCode.ok;
}

/**
 * A non-bare repository that takes pushes into its checked-out branch (push-to-deploy) is a server
 * (row 590): whether aitrail's pre-receive is where receive-pack runs hooks, and aitrail on PATH
 * (the server hook looks nowhere else). null when it takes no such pushes. Set after init, or an
 * init before the key: status says so.
 */
async function pushTargetStatus(root: string, commonDir: string, hooksPath: string | undefined): Promise<{ denyCurrentBranch: string; linkedGitDir: string | null; hooksDir: string; path: string; checked: boolean; binary: boolean } | null> {
  const taken = await pushesTaken(commonDir);
  if (taken === null) return null;
  const hooksDir = takenHooksDir(commonDir, taken, hooksPath === undefined ? undefined : await pathConfigValue(root, 'core.hooksPath'));
  const hook = inspectGitHook(hooksDir, 'pre-receive');
  const checked = (hook.kind === 'aitrail' || hook.kind === 'aitrail-outdated') && isExecutable(hook.path);
  const binary = (await hookBinary(root, process.env, { bare: true })) !== undefined;
  // The key's value as git has it (a reader compares it to `updateInstead`), the linked worktree whose git dir holds it beside it.
  return { denyCurrentBranch: taken.deny, linkedGitDir: taken.linked ? taken.gitDir : null, hooksDir, path: hook.path, checked, binary };
}

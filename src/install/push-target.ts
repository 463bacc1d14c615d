import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { parseConfigRecords } from '../git/config-value.js';
import { runGit } from '../git/exec.js';
import { installGitHook, type HookChange } from './git-hooks.js';
import { unsafeHookDir, unsafeHookFile, type Bounds } from './safe-path.js';

/**
 * Whether `receive.denyCurrentBranch` lets a push move the checked-out branch of this non-bare
 * repository (a push-to-deploy server), as receive-pack's parse_deny_action reads it: `ignore`,
 * `warn`, `updateInstead` (ASCII case ignored, as strcasecmp), else git's boolean, a false one
 * (`false`/`no`/`off`, empty, or an integer that is zero: `0`, `00`, `-0`, `0x0`, `0k`…) being
 * `ignore`. Unset (`undefined`), `refuse`, a key with no `=` (`null`, a true boolean) or a true
 * integer: no; a value git cannot read makes receive-pack die, so no push gets in either.
 */
export function acceptsPushes(value: string | null | undefined): boolean {
  if (value === undefined || value === null) return false;
  const word = value.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
  if (['ignore', 'warn', 'updateinstead', 'false', 'no', 'off', ''].includes(word)) return true;
  // strtoimax (leading C white space, a sign, 0x / octal / decimal) then one unit letter.
  return /^[ \t\n\v\f\r]*[+-]?(0[xX]0+|0+)[kKmMgG]?$/.test(value);
}

/**
 * The last `receive.denyCurrentBranch` as receive-pack reads it: in the repository's own git dir
 * (`commonDir`: its config, the main worktree's `config.worktree`, what `includeIf gitdir:` names
 * for it), not the worktree init runs in. `null`: the key without `=` (git: true, refuse);
 * `undefined`: unset. One git process, at init only.
 */
export async function denyCurrentBranch(commonDir: string): Promise<string | null | undefined> {
  const records = await gitDirRecords(commonDir, '^receive\\.denycurrentbranch$');
  return records.length === 0 ? undefined : records[records.length - 1]![1];
}

/**
 * configRecords in the git dir `gitDir`, named to git (`--git-dir=`), not found from it as the working
 * directory: under `safe.bareRepository=explicit` (a hardening setting) git refuses to discover a linked
 * worktree's `.git/worktrees/<id>` (or a git dir not named `.git`: `git init --separate-git-dir`) as a
 * bare repository, read the global config alone and found no key, while receive-pack, named the path a
 * push comes to, reads that git dir's config (README row 650).
 */
async function gitDirRecords(gitDir: string, pattern: string): Promise<[string, string | null][]> {
  return parseConfigRecords(await runGit([`--git-dir=${gitDir}`, 'config', '-z', '--get-regexp', pattern], { cwd: gitDir, okCodes: [1] }));
}

/**
 * Where this repository takes pushes into a checked-out branch, as receive-pack reads
 * `receive.denyCurrentBranch` in each git dir a push may come in through: the repository's own
 * (`commonDir`, a push to its path) first, then each linked worktree's (`<commonDir>/worktrees/<id>`,
 * a push to that worktree's path: receive-pack works in that git dir, so it also reads that
 * worktree's `config.worktree` under `extensions.worktreeConfig`, and an `includeIf gitdir:` for
 * it). null when none does. One git process, and one per linked worktree when its config.worktree or
 * an includeIf could make theirs differ, at init and status only.
 */
export async function pushesTaken(commonDir: string): Promise<{ deny: string; gitDir: string; linked: boolean } | null> {
  // The same git process also tells whether a linked worktree may read another config at all:
  // only through its config.worktree (extensions.worktreeConfig) or an includeIf (gitdir:,
  // onbranch: — its own HEAD); with neither, each git dir reads the repository's, and none is asked.
  const records = await gitDirRecords(commonDir, '^(receive\\.denycurrentbranch|extensions\\.worktreeconfig|includeif\\..*\\.path)$');
  const denies = records.filter(([key]) => key === 'receive.denycurrentbranch');
  const own = denies.length === 0 ? undefined : denies[denies.length - 1]![1];
  if (acceptsPushes(own)) return { deny: own ?? '', gitDir: commonDir, linked: false };
  if (!records.some(([key]) => key !== 'receive.denycurrentbranch')) return null;
  // With no includeIf, a linked worktree reads another value only from a config.worktree of its own: only
  // those are asked (500 worktrees under extensions.worktreeConfig cost status 1.4-1.8 s, one git each).
  const included = records.some(([key]) => key.startsWith('includeif.'));
  for (const gitDir of linkedGitDirs(commonDir)) {
    if (!included && !existsSync(join(gitDir, 'config.worktree'))) continue;
    const deny = await denyCurrentBranch(gitDir);
    if (acceptsPushes(deny)) return { deny: deny ?? '', gitDir, linked: true };
  }
  return null;
}

/** `receive.denyCurrentBranch`'s value as status and init say it, with the linked worktree whose key it is. */
export function takenSetting(taken: { deny: string; gitDir: string; linked: boolean }): string {
  return taken.linked ? `${taken.deny} (in the linked worktree's git dir ${taken.gitDir})` : taken.deny;
}

/**
 * The hooks directory receive-pack runs hooks from for the pushes `taken` names: receiveHooksDir,
 * but a relative core.hooksPath is read from the git dir the push comes in through, a linked
 * worktree's own for a push to its path (the default `hooks` is the repository's, shared).
 */
export function takenHooksDir(commonDir: string, taken: { gitDir: string; linked: boolean }, hooksPath: string | undefined): string {
  if (taken.linked && hooksPath !== undefined && hooksPath !== '' && !isAbsolute(hooksPath)) return resolve(taken.gitDir, hooksPath);
  return receiveHooksDir(commonDir, hooksPath);
}

/** The linked worktrees' git dirs (`<commonDir>/worktrees/<id>`, those holding a `commondir` file), sorted. */
export function linkedGitDirs(commonDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(join(commonDir, 'worktrees')).sort();
  } catch {
    return [];
  }
  return names
    .map((name) => join(commonDir, 'worktrees', name))
    .filter((dir) => {
      try {
        return statSync(join(dir, 'commondir')).isFile();
      } catch {
        return false;
      }
    });
}

/**
 * A core.hooksPath set but empty (`git config core.hooksPath ''`, taken for "the default"): git
 * (2.39) puts the empty directory in front of each hook's name and runs `/pre-commit`,
 * `/pre-receive` (the file system's root), so no hook of the repository runs, while
 * `git rev-parse --git-path hooks` answers `./`: init installed in the work tree's top (a bare
 * repository's own folder) and said the hooks were in. Refused, even with --force: nothing
 * installed anywhere would run. Status warns with it too.
 */
export function emptyHooksPath(hooksPath: string | undefined, scope?: string): string | undefined {
  if (hooksPath !== '') return undefined;
  // Where it is set (init asks git: `git config --unset` alone unsets only the local value, and exits 5 when the empty one is the user's).
  const option = scope === 'global' || scope === 'system' || scope === 'worktree' || scope === 'local' ? `--${scope} ` : '';
  const where = scope === 'global' || scope === 'system' ? ` It is set in your ${scope} config: no hook runs in any repository of yours.` : '';
  const how = option ? `git config ${option}--unset core.hooksPath` : 'git config --unset core.hooksPath (in the config that sets it: git config --show-origin --get core.hooksPath)';
  return `core.hooksPath is set but empty: git then runs every hook from the file system's root (/pre-commit, /pre-receive), not from this repository, so no hook aitrail installs would run and nothing would be checked.${where} Unset it, then run init again: ${how}`;
}

/**
 * The hooks directory receive-pack runs hooks from in this non-bare repository: it works in the
 * git dir, so a relative core.hooksPath (`.githooks`, husky's `.husky/_`) is read from there, not
 * from the work tree top where the commit hooks are run from.
 */
export function receiveHooksDir(commonDir: string, hooksPath: string | undefined): string {
  if (hooksPath === undefined || hooksPath === '') return join(commonDir, 'hooks');
  return isAbsolute(hooksPath) ? hooksPath : resolve(commonDir, hooksPath);
}

/**
 * A non-bare repository that takes pushes into its checked-out branch is a server: init installed
 * only the commit hooks there, so a push of a denied model's commit landed (and, with
 * updateInstead, was checked out). Then pre-receive goes into the directory the commit hooks went
 * to, when it is the one receive-pack runs; else a note. Not the reference-transaction hook (row
 * 559's second look at a race): git runs it for every ref update, each commit made here included
 * (two sh runs, ~10 ms a commit measured), and with updateInstead git checks the pushed tree out
 * before that hook's `prepared`, so its refusal could not keep the tree out anyway.
 */
const RECEIVE_HOOKS = ['pre-receive'] as const;
export async function pushTargetHooks(repo: Bounds & { commonDir: string }, hooksPath: string | undefined, target: string, options: { force?: boolean; husky?: boolean }): Promise<{ changes: HookChange[]; notes: string[] }> {
  const taken = await pushesTaken(repo.commonDir);
  if (taken === null) return { changes: [], notes: [] };
  const deny = takenSetting(taken);
  const dir = takenHooksDir(repo.commonDir, taken, hooksPath);
  if (options.husky) {
    // husky's runtime (`.husky/_`, relative, set back by each `npm install`) is no place for pre-receive,
    // and naming it by its full path would not give one: init refuses git mode there, husky mode adds none.
    return { changes: [], notes: [`receive.denyCurrentBranch=${deny}: this repository takes pushes, but git runs their hooks from ${dir} (husky's core.hooksPath '${hooksPath}' read from the git directory), where husky keeps no pre-receive: pushes here are not checked. Do not run husky where pushes land: push to a bare repository (aitrail init there installs pre-receive), or here unset core.hooksPath, run 'aitrail init --mode git', and keep npm install's husky step from setting it back.`] };
  }
  if (resolve(dir) !== resolve(target)) {
    return { changes: [], notes: [`receive.denyCurrentBranch=${deny}: this repository takes pushes, but git runs their hooks from ${dir} (core.hooksPath '${hooksPath}' read from the git directory), not ${target}: pushes here are not checked. Name the hooks directory by its full path (git config core.hooksPath '${resolve(target)}'), then run init again.`] };
  }
  const unsafe = unsafeHookDir(dir, repo) ?? RECEIVE_HOOKS.map((hook) => unsafeHookFile(join(dir, hook))).find((problem) => problem !== null) ?? null;
  if (unsafe) return { changes: [], notes: [`receive.denyCurrentBranch=${deny}: this repository takes pushes, but the server hooks cannot be installed (${unsafe}): pushes here are not checked.`] };
  return {
    changes: RECEIVE_HOOKS.map((hook) => installGitHook(dir, hook, options)),
    notes: [
      `receive.denyCurrentBranch=${deny}: this repository takes pushes, so they are checked against the policy too (pre-receive); put aitrail on the PATH git gives hooks (npm i -g aitrail), or every push here is refused.`,
      ...(taken.linked ? [`A push to that linked worktree's path is refused by pre-receive (it would be judged by that worktree's branch, not the default branch): set receive.denyCurrentBranch=updateInstead in the repository's own config (git config receive.denyCurrentBranch updateInstead) and push to the repository's own path: git then updates the linked worktree's checkout, and the push is judged.`] : []),
    ],
  };
}

import { closeSync, constants, existsSync, openSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { configValueSync } from '../git/config-value.js';
import { commentSettingSync } from '../git/comment-setting.js';
import { commandLineCleanup } from './commit-command-line.js';
import { AUTO_CANDIDATES, autoCommentChar } from '../core/trailers/auto-comment-char.js';

/**
 * The config files git reads for the repository whose git dirs are `gitDir` / `commonDir`, as far as
 * they can be known without git: system, global (XDG and ~/.gitconfig), local, worktree.
 */
function configFiles(gitDir: string, commonDir: string, env: NodeJS.ProcessEnv): string[] {
  // node:os only when HOME is unset (loading it cost every hook run ~0.3 ms).
  const home = env.HOME ?? process.getBuiltinModule('node:os').homedir();
  const files = [join(commonDir, 'config'), join(gitDir, 'config.worktree')];
  if (env.GIT_CONFIG_GLOBAL !== undefined) files.push(env.GIT_CONFIG_GLOBAL);
  else files.push(join(env.XDG_CONFIG_HOME || join(home, '.config'), 'git', 'config'), join(home, '.gitconfig'));
  if (!env.GIT_CONFIG_NOSYSTEM) files.push(env.GIT_CONFIG_SYSTEM ?? '/etc/gitconfig');
  return files;
}

/**
 * The config files' texts as one hook run read them (path → latin1 text; null: not there), so that
 * the run's questions about them (core.commentChar, then i18n.commitEncoding, commit.cleanup) read
 * each file once: commit-msg read the three to five files twice on every commit (row 1121). One
 * per hook run: git read its config before it ran the hook, and the files are judged as of one moment.
 */
export type ConfigTexts = Map<string, string | null>;

/**
 * True when no setting `words` matches can be set: no config file git reads mentions such a word,
 * none includes another file, and no `git -c`/GIT_CONFIG_* override could set it. Saves a git
 * spawn on every commit; any doubt answers false.
 */
function surelyUnset(gitDir: string, commonDir: string, env: NodeJS.ProcessEnv, words: readonly string[], texts?: ConfigTexts): boolean {
  if (env.GIT_CONFIG_COUNT !== undefined || env.GIT_CONFIG !== undefined) return false;
  if (env.GIT_CONFIG_PARAMETERS !== undefined && mentions(env.GIT_CONFIG_PARAMETERS, words)) return false;
  for (const file of configFiles(gitDir, commonDir, env)) {
    const known = texts?.get(file);
    if (known === null) continue;
    if (known !== undefined) {
      if (mentions(known, words)) return false;
      continue;
    }
    let text: string;
    try {
      // A file that is not there is asked without an exception (most of these are not); one that is
      // (existsSync: true) is read without a stat, whose first Stats object cost an AI commit's message
      // hooks ~0.2 ms of CPU. Not there, or not reachable: the stat says which, as before.
      if (!existsSync(file) && statSync(file, { throwIfNoEntry: false }) === undefined) {
        texts?.set(file, null);
        continue;
      }
      text = readWithoutWaiting(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') {
        texts?.set(file, null);
        continue;
      }
      // Doubt is never kept: a later question reads the file again (and doubts again, or not).
      return false;
    }
    texts?.set(file, text);
    if (mentions(text, words)) return false;
  }
  return true;
}

/**
 * A config file's text (latin1), opened without waiting (`O_NONBLOCK`, no effect on a file): a FIFO at one of these
 * paths (a `config.worktree` git reads only under `extensions.worktreeConfig`) held the hook at its open or read for
 * good (row 1063); now a FIFO no one writes reads as empty (git, reading it, would have waited before any hook ran),
 * one being written fails (EAGAIN: doubt, git is asked). A directory still fails (EISDIR: doubt), as before.
 */
function readWithoutWaiting(file: string): string {
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    return readFileSync(fd, 'latin1');
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether `text` mentions one of `words` (lower case) or `include`, in any case. A case-insensitive
 * expression for each (compiled on first use, 3 a commit) cost every AI commit's message hooks ~0.1 ms;
 * `toLowerCase` finds what it found (no other character lowers onto these words' letters: U+0130
 * lowers to `i` and a combining dot, which ends no word here), and at worst a false mention means a
 * git process, never a setting missed.
 */
function mentions(text: string, words: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return lower.includes('include') || words.some((word) => lower.includes(word));
}

/** True when `core.commentChar` (and `core.commentString`) certainly has its default (surelyUnset). */
function surelyDefault(gitDir: string, commonDir: string, env: NodeJS.ProcessEnv, texts?: ConfigTexts): boolean {
  return surelyUnset(gitDir, commonDir, env, ['commentchar', 'commentstring'], texts);
}

/** The common git dir of `gitDir` (a worktree's git dir names it in its `commondir` file). */
function commonDirOf(gitDir: string): string {
  try {
    if (statSync(join(gitDir, 'commondir'), { throwIfNoEntry: false }) === undefined) return gitDir;
    return resolve(gitDir, readFileSync(join(gitDir, 'commondir'), 'utf8').trim());
  } catch {
    return gitDir;
  }
}

/**
 * The comment prefix git uses for this commit (`core.commentChar`, or `core.commentString` under git
 * >= 2.45: commentSettingSync; default `#`), decoded as the
 * message was (`encoding`): git takes any one byte (a byte that is not UTF-8 on its own reads as
 * U+FFFD in a UTF-8 message, as the comment lines git wrote with it do). With `auto`, git picked a
 * character unused by the message when it wrote the template: recover it from the comment lines
 * git wrote (`<c> Please enter…`, the scissors line); with none (`commit.status=false`, no `-v`),
 * make git's own choice again on the message (prepare-commit-msg gets it as git chose by it): a
 * `#123 fix` subject is then a subject, not a comment that left only the trailer. With `known` (the
 * worktree's git dir and the environment), the git spawn is skipped when no config can set it.
 */
export function commentCharFor(cwd: string, message: string, known?: { gitDir: string; env: NodeJS.ProcessEnv; texts?: ConfigTexts }, encoding: BufferEncoding = 'utf8'): string {
  if (known && surelyDefault(known.gitDir, commonDirOf(known.gitDir), known.env, known.texts)) return '#';
  const configured = commentSettingSync(cwd)?.toString(encoding);
  if (configured === undefined || configured === '') return '#';
  // git reads `auto` in any case (strcasecmp): `Auto` is no four-letter prefix.
  if (configured.toLowerCase() !== 'auto') return configured;
  for (const line of message.split('\n')) {
    const first = line[0];
    if (first !== undefined && AUTO_CANDIDATES.includes(first) && /^. (Please enter |-{24} >8 -{24}$)/.test(line)) return first;
  }
  return autoCommentChar(message);
}

/** The `commit.cleanup` modes that keep comment lines: all but `strip` (and `default` with an editor). */
const KEEPING_MODES = new Set(['whitespace', 'verbatim', 'scissors']);

/**
 * What git's own hint in the message says it does with the comment lines (`<c> with '<c>' will be
 * kept; you may remove them yourself …` or `… will be ignored, …`; a merge's `Lines starting with
 * '<c>' will be ignored.`): it names the cleanup of this very commit, a `--cleanup=` option too.
 */
function hintedCleanup(message: string, commentChar: string): 'keeps' | 'strips' | undefined {
  for (const line of message.split('\n')) {
    if (!line.startsWith(commentChar)) continue;
    if (line.includes(`'${commentChar}' will be kept`)) return 'keeps';
    if (line.includes(`'${commentChar}' will be ignored`)) return 'strips';
  }
  return undefined;
}

/**
 * The comment prefix the trailers of the commit being made are read and written with: the one the
 * stored message is judged with. `check`, pre-push and pre-receive read a stored message as `git
 * interpret-trailers` does with no config, where a comment line starts with `#`. When git keeps
 * the local comment lines (stripsComments false), a `;` line is text to them: read with `;`, a trailer
 * above `; Please enter …` (or an `-m '; note'` paragraph, a merge's `; Conflicts:`) was one to
 * commit-msg and prose to pre-receive. With `core.commentChar` `#`, or when git strips them, `commentChar` itself.
 */
export function trailerCommentChar(cwd: string, commentChar: string, env: NodeJS.ProcessEnv, message: string): string {
  if (commentChar === '#') return '#';
  return stripsComments(cwd, commentChar, env, message) ? commentChar : '#';
}

/**
 * True when git will strip the `commentChar` lines from the message of the commit being made: git's
 * hint in the message says so (`<c> with '<c>' will be ignored …`; `… will be kept` names a
 * `--cleanup=` option too); else `commit.cleanup=strip`, or an editor under no keeping mode. git
 * writes its hint only into a message it opens an editor for: with `-m`/`-F` (the hooks'
 * `GIT_EDITOR=:`) a hint is the committer's own text, never trusted. A `--cleanup=` option given
 * with `-m`/`-F` reaches the hooks by no sign but git's command line, read under `/proc`
 * (commandLineCleanup); where it cannot be read (no `/proc`, an alias), taken as the config says.
 */
export function stripsComments(cwd: string, commentChar: string, env: NodeJS.ProcessEnv, message: string, gitDir?: string, texts?: ConfigTexts): boolean {
  const editor = env.GIT_EDITOR !== ':';
  const hinted = editor ? hintedCleanup(message, commentChar) : undefined;
  if (hinted !== undefined) return hinted === 'strips';
  // git's `--cleanup=` option first (over the config), read from its command line (Linux; row 471).
  const given = commandLineCleanup();
  // `gitDir` known: no git process when no config file can set commit.cleanup (every -m commit asks this).
  const mode = typeof given === 'string' ? given : gitDir !== undefined && surelyUnset(gitDir, commonDirOf(gitDir), env, ['cleanup'], texts) ? undefined : configValueSync(cwd, 'commit.cleanup');
  if (mode === 'strip') return true;
  return !(KEEPING_MODES.has(mode ?? '') || !editor);
}

/**
 * `i18n.commitEncoding` of the commit being made (git writes it as the commit's `encoding` header),
 * or `undefined` when unset; no git process when no config file can set it (surelyUnset).
 */
export function commitEncodingFor(cwd: string, gitDir: string, env: NodeJS.ProcessEnv, texts?: ConfigTexts): string | undefined {
  if (surelyUnset(gitDir, commonDirOf(gitDir), env, ['commitencoding'], texts)) return undefined;
  return configValueSync(cwd, 'i18n.commitEncoding');
}

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rewriteFile } from '../io/rewrite-file.js';
import { join, resolve } from 'node:path';
import { removeFileIfThere } from '../io/remove-file.js';
import { keepPickSource } from '../notes/pick-source.js';
import { keepSquashSource } from '../notes/squash-source.js';
import { execStep, foldStep, REBASE_DONE } from '../core/checkpoint/store-layout.js';
import { sanitize } from '../core/sanitize.js';
import { detectAtCommitTime } from '../core/detect.js';
import { hasNoContent, recordTrailers, templateComparable } from '../core/record-trailers.js';
import { hookGitDir, templateMarkerPath } from './hook-git-dir.js';
import { loadHookConfig } from './hook-config.js';
import { gatherCommitTimeSignals } from './commit-time-signals.js';
import { foldedAttributions } from './folded-attributions.js';
import { amendedAttributions, keepsHeadAuthor } from './amended-attributions.js';
import { carriedAuthorDate } from '../core/amend.js';
import { inRebase } from './in-rebase.js';
import { rememberAiAuthor } from './ai-author.js';
import { preparedAttributions } from './prepared-attributions.js';
import { configBytesNow, keepsStamp, refreshFastPathStamp } from './fast-path-stamp.js';
import { commentCharFor, trailerCommentChar } from './comment-char.js';
import { firstLine } from './hook-warning.js';
import type { HookContext, HookHandler } from './dispatch.js';
import { writeStderr } from '../io/write-fd.js';

const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

/** One line on stderr; this hook never blocks a commit (`blocked: false`: say so). */
function warn(text: string, blocked = false): void {
  writeStderr(`aitrail: warning: ${sanitize(text, { max: 400 })}${blocked ? '' : ' (commit not blocked)'}\n`);
}

/**
 * `aitrail hook prepare-commit-msg <file> [source [sha]]`: add `<trailer.key>: <agent>:<model>` for
 * every model detected right now, whatever the message source (message, template, merge, squash,
 * commit, none). Writes the file only when something was added. Always exits 0.
 */
export const handler: HookHandler = async (args, context) => {
  try {
    await record(args, context);
  } catch (error) {
    warn(`prepare-commit-msg failed, nothing recorded: ${firstLine(error)}`);
    if (context.env.AITRAIL_DEBUG && error instanceof Error) writeStderr(`${error.stack}\n`);
  }
  return 0;
};

/**
 * What the commit being made is to a rebase. A replay of existing commits (`replay`): the model in
 * use now did not write them, and their own trailers travel with their messages. `git rebase` sets
 * GIT_CHERRY_PICK_HELP for its picks and GIT_REFLOG_ACTION=rebase… for rewords; a commit the user
 * makes at an `edit` stop runs in a fresh git process without them, and is recorded as usual
 * (`new`). A fixup or squash step (`fold`) replays too, but what the folded commits declared does
 * not travel: a fixup drops their messages, a squash leaves them mid-message, and `fixup -C` drops
 * HEAD's; the result is recorded with the models of every commit folded into it.
 */
function rebaseStep(env: NodeJS.ProcessEnv, gitDir: string): 'new' | 'replay' | 'fold' {
  if (!inRebase(env, gitDir)) return 'new';
  let done: string;
  try {
    done = readFileSync(join(gitDir, REBASE_DONE), 'utf8');
  } catch {
    return 'replay';
  }
  // git exports GIT_CHERRY_PICK_HELP to `exec` steps too: a commit such a command makes is new work.
  if (execStep(done)) return 'new';
  return foldStep(done) ? 'fold' : 'replay';
}

/**
 * True when no editor opens (GIT_EDITOR is `:`: git's own for -m/-F/--no-edit, or the user's, as
 * scripts, agents and GUIs set it) and the message holds nothing anyone wrote: only what git put
 * there for an editor that will not run (no source: blank lines and its comments), or an empty
 * `-m ''`/`-F` (or the empty message of the commit `--amend --no-edit` replaces). git aborts such
 * a commit as empty, or stores it as it is under `--allow-empty-message`. A trailer added to it
 * became the whole message (git strips the comments after the hooks): `GIT_EDITOR=: git commit`
 * made a commit whose subject was `Assisted-by: …`, and `--allow-empty-message -m ''` was refused
 * by commit-msg. Left alone, git decides as without aitrail; commit-msg still judges the commit by
 * the same signals.
 */
function noMessageComing(message: string, source: string | undefined, commentChar: string, env: NodeJS.ProcessEnv): boolean {
  if (env.GIT_EDITOR !== ':') return false;
  if (source === undefined || source === '') return hasNoContent(message, commentChar);
  return /^[ \t\r\n]*$/.test(message);
}

/**
 * The commit an amend rewrites, as far as this hook can tell: git names it (`commit <HEAD's id>`,
 * also for `-c`/`-C HEAD`), or, under `--amend -m`/`-F` (source `message`), HEAD when git carried HEAD's
 * author, its date not taken now (row 330's sign, `keepsHeadAuthor`): the sessions' models then count from before it.
 */
function rewrittenCommit(source: string | undefined, sourceCommit: string | undefined, keepsHead: boolean): string | undefined {
  if (source === 'commit' && sourceCommit) return sourceCommit;
  return keepsHead ? 'HEAD' : undefined;
}

/**
 * For applypatch-msg (src/hooks/applypatch-msg.ts): record the models detected now into the message
 * file of the commit `git am` makes (GIT_EDITOR=: in `context`: git stores that message as it is).
 * Nothing of a cherry-pick's or a squash merge's prepared message: `git am` commits neither.
 */
export function recordApplied(file: string, context: HookContext): Promise<void> {
  return record([file, 'message'], context, true);
}

async function record(args: string[], context: HookContext, applied = false): Promise<void> {
  const [file] = args;
  if (!file) {
    warn('prepare-commit-msg called without a message file; nothing recorded');
    return;
  }
  // Tidying first, then a replay ends: the shim's rebaseReplayGate (src/install/pending-gate.ts) skips node for a replay with nothing to tidy.
  const gitDir = hookGitDir(context.cwd, context.env, file);
  const marker = templateMarkerPath(gitDir);
  removeFileIfThere(marker);
  if (!applied) await keepSources(context.cwd, gitDir);
  const step = rebaseStep(context.env, gitDir);
  if (step === 'replay') return;
  await recordStep(args, context, gitDir, step, applied);
}

/** What post-commit needs of a cherry-pick or a squash merge, kept before `git commit` removes it. */
async function keepSources(cwd: string, gitDir: string): Promise<void> {
  try {
    // For post-commit's note of a cherry-pick: `git commit` removes CHERRY_PICK_HEAD before it runs.
    keepPickSource(cwd, gitDir);
  } catch (error) {
    warn(`the picked commit was not kept, its line-level note will not follow: ${firstLine(error)}`);
  }
  try {
    // For post-commit's note of a squash merge: `git commit` removes SQUASH_MSG before it runs.
    await keepSquashSource(cwd, gitDir);
  } catch (error) {
    warn(`the squashed commits were not kept, their line-level notes will not follow: ${firstLine(error)}`);
  }
}

async function recordStep(args: string[], context: HookContext, gitDir: string, step: 'new' | 'fold', applied: boolean): Promise<void> {
  const [file, source, sourceCommit] = args as [string, string | undefined, string | undefined];
  const path = resolve(context.cwd, file);
  const raw = readFileSync(path);
  if (raw.length > MAX_MESSAGE_BYTES) {
    warn(`commit message larger than ${MAX_MESSAGE_BYTES} bytes; nothing recorded`);
    return;
  }
  // A message that is not UTF-8 (i18n.commitEncoding) is handled byte for byte as latin1.
  let encoding: BufferEncoding = 'utf8';
  let message = raw.toString('utf8');
  if (!Buffer.from(message, 'utf8').equals(raw)) {
    encoding = 'latin1';
    message = raw.toString('latin1');
  }
  const before = keepsStamp(context.env) ? configBytesNow(context.cwd) : undefined;
  const { config, warning } = await loadHookConfig(context.cwd, gitDir);
  if (!warning && before !== undefined) refreshFastPathStamp(context.cwd, gitDir, config, before);
  // The same words as commit-msg: that hook refuses the commit (never "not blocked" here).
  if (warning) warn(warning, true);
  const commentChar = commentCharFor(context.cwd, message, { gitDir, env: context.env }, encoding);
  if (noMessageComing(message, source, commentChar, context.env)) return;
  const options = { detect: config.detect, trailerKey: config.trailer.key };
  const trailerChar = trailerCommentChar(context.cwd, commentChar, context.env, message);
  const now = Math.floor(Date.now() / 1000);
  const keepsHead = step !== 'fold' && carriedAuthorDate(context.env, now) !== undefined && (await keepsHeadAuthor(context.cwd, context.env, now));
  const attributions =
    step === 'fold'
      ? await foldedAttributions(context.cwd, gitDir, options, commentChar)
      : [
          ...detectAtCommitTime(message, { ...(await gatherCommitTimeSignals(context.cwd, gitDir, context.env, new Date(), rewrittenCommit(source, sourceCommit, keepsHead), message)), commentChar, trailerChar }, options),
          // An amend keeps the models of the commit it replaces, whoever amends it; -m over a picked or squashed message, those of what it brings.
          ...(await amendedAttributions(context.cwd, context.env, message, options, commentChar, now, keepsHead)),
          ...(source === 'message' && !applied ? preparedAttributions(context.cwd, gitDir, message, options, commentChar) : []),
        ];
  if (attributions.length === 0) return;
  rememberAiAuthor(gitDir, context.env);
  const updated = recordTrailers(message, attributions, config.trailer.key, commentChar, { editorOpens: context.env.GIT_EDITOR !== ':', trailerChar });
  if (updated === message) return;
  if (source === 'template') {
    mkdirSync(join(gitDir, 'aitrail'), { recursive: true });
    writeFileSync(templateMarkerPath(gitDir), templateComparable(message, config.trailer.key, commentChar));
  }
  rewriteFile(path, Buffer.from(updated, encoding));
}

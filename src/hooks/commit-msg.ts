import { readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { removeFileIfThere } from '../io/remove-file.js';
import { cachedIn, loadConfig } from '../config/load.js';
import { carriedAuthorDate } from '../core/amend.js';
import { detectAtCommitTime } from '../core/detect.js';
import { ExitCode } from '../core/exit-codes.js';
import { clearlyPasses } from '../core/policy/clearly-passes.js';
import { compilePolicy } from '../core/policy/compile-policy.js';
import { onlyRecordedTrailers, recordTrailers, templateComparable } from '../core/record-trailers.js';
import type { Attribution } from '../core/types.js';
import { rewriteFile } from '../io/rewrite-file.js';
import { inRebase } from './in-rebase.js';
import { gatherCommitTimeSignals } from './commit-time-signals.js';
import { configBytesNow, keepsStamp, refreshFastPathStamp } from './fast-path-stamp.js';
import { commentCharFor, commitEncodingFor, stripsComments, type ConfigTexts } from './comment-char.js';
import { showsOtherwise } from '../core/commit-encoding.js';
import { mergeAttributions } from '../core/detect/merge.js';
import { ownUnknownsNamed, withoutOwnUnknowns } from '../core/own-unknown-named.js';
import { hookGitDir, templateMarkerPath } from './hook-git-dir.js';
import type { HookContext, HookHandler } from './dispatch.js';
import { detectOptionsOf } from '../config/defaults.js';
import { writeStderr } from '../io/write-fd.js';
import { rememberAiAuthor } from './ai-author.js';

/**
 * `commit-msg <message-file>`: judge the commit being made — the message as prepare-commit-msg
 * left it, the staged paths — against the work tree's policy. Errors refuse it (exit 1) naming
 * the rule, model, file and fix; warnings print and pass; an invalid config refuses (exit 2).
 * Hot path (no AI, or AI the policy clearly accepts): cached config and detection only; the
 * rules, messages and the staged paths are loaded only when something may be wrong.
 * git runs the hook at the top of the work tree, so `cwd` is the repository root.
 */
export const handler: HookHandler = (args, context) => judgeMessageFile(args, context);

/** commit-msg's judgement; `paths`: what the commit changes when that is not the staged paths (applypatch-msg: the patch's). */
export async function judgeMessageFile(args: string[], context: HookContext, paths?: () => string[]): Promise<number> {
  const file = args[0];
  if (!file) {
    writeStderr('aitrail: commit-msg: git gave no message file; reinstall the hooks with `npx aitrail init --force`.\n');
    return ExitCode.usage;
  }
  try {
    const root = context.cwd;
    const gitDir = hookGitDir(root, context.env, file);
    const before = keepsStamp(context.env) ? configBytesNow(root) : undefined;
    const { config, filepath } = await loadConfig(root, cachedIn({ gitDir, bare: false }));
    const path = resolve(root, file);
    const raw = readFileSync(path);
    let message = raw.toString('utf8');
    // The config files read once for this run's questions about them (comment prefix, cleanup, encoding).
    const configTexts: ConfigTexts = new Map();
    const commentChar = commentCharFor(root, message, { gitDir, env: context.env, texts: configTexts });
    const detectOptions = detectOptionsOf(config);
    if (before !== undefined) refreshFastPathStamp(root, gitDir, { detect: detectOptions.detect, trailer: { key: detectOptions.trailerKey } }, before);
    // git strips comment lines from a message it opened the editor for, or under commit.cleanup=strip;
    // with -m/-F it runs the hooks with GIT_EDITOR=: and keeps them, so `git commit -m '#123 fix'` has a
    // subject, and `-m $'fix\n\n# Assisted-by: qwen-code:qwen/qwen3-coder'` stores a line check, pre-push
    // and pre-receive read (row 457) ('\n': no line starts with it, so no line is a comment). Under
    // `-c commit.cleanup=strip` git strips `-m '#123 fix'` (core.commentChar=A: `-m 'Add f'`), and only
    // the recorded trailer was left. A scissors line cuts the message only where git opened the editor (and wrote it).
    // Asked only of a text with a line that starts with the prefix: under the default `#` (the trailer
    // prefix then `#` whichever way git goes), whether git strips the comment lines changes nothing in a
    // text with none, and an agent's `-m` message has none; asking read git's command line under /proc
    // and the config files on every commit (~0.8 ms of a commit-msg hook).
    const original = message;
    let strips: boolean | undefined;
    const strippedFor = (text: string): string =>
      commentChar === '#' && !text.startsWith('#') && !text.includes('\n#') ? '#' : (strips ??= stripsComments(root, commentChar, context.env, original, gitDir, configTexts)) ? commentChar : '\n';
    const cutChar = context.env.GIT_EDITOR === ':' ? '\n' : commentChar;
    if (onlyRecordedTrailers(message, detectOptions.trailerKey, strippedFor(message))) {
      writeStderr('Aborting commit due to empty commit message (aitrail: only the recorded trailer was left).\n');
      return ExitCode.violation;
    }
    if (templateUntouched(gitDir, message, detectOptions.trailerKey, commentChar)) {
      writeStderr('Aborting commit; you did not edit the message (aitrail: only the recorded trailer was added to the template).\n');
      return ExitCode.violation;
    }
    // git tells commit-msg nothing of an amend but the author date it carries (row 330): then the sessions'
    // models count from before HEAD, the commit it may rewrite (prepare-commit-msg, told by git, recorded them already).
    // (A date merely old is a new commit whose editor or hooks took a while: HEAD's author kept exactly is the amend.)
    const now = Math.floor(Date.now() / 1000);
    const amend = !inRebase(context.env, gitDir) && carriedAuthorDate(context.env, now) !== undefined && (await (await import('./amended-attributions.js')).keepsHeadAuthor(root, context.env, now));
    const signals = await gatherCommitTimeSignals(root, gitDir, context.env, new Date(), amend ? 'HEAD' : undefined, message);
    // The trailer block as check and pre-receive will read the stored message (a kept `;` line is text to them).
    // trailerCommentChar's answer from the same question strippedFor asks (one read of git's config files, one `/proc` read).
    const trailerChar = commentChar === '#' || (strips ??= stripsComments(root, commentChar, context.env, original, gitDir, configTexts)) ? commentChar : '#';
    // A rebase's reword step, or an amend (git kept HEAD's author date): the editor's new message may have
    // dropped what the commit declared (loaded only then).
    const carried = inRebase(context.env, gitDir)
      ? await (await import('./reworded-attributions.js')).rewordedAttributions(root, gitDir, context.env, message, detectOptions, commentChar)
      : amend
        ? await (await import('./amended-attributions.js')).amendedAttributions(root, context.env, message, detectOptions, commentChar, now, true)
        : [];
    if (carried.length > 0) message = recordCarried(path, raw, carried, detectOptions.trailerKey, commentChar, trailerChar);
    let attributions = detectAtCommitTime(message, { ...signals, commentChar: strippedFor(message), trailerChar, cutChar }, detectOptions);
    // The person named, in the editor, the model of an agent prepare-commit-msg wrote as `<agent>:unknown` and left
    // that line (row 916): the line goes where nothing at commit time still says the model is unknown (a gateway's reading would).
    const named = ownUnknownsNamed(attributions);
    // Only for an agent this commit's own signals show (the message aside): a line carried from a commit recorded
    // elsewhere, at a gateway (an amend in a shell without it), is no unknown the hooks just wrote: kept (row 926).
    if (named.size > 0) {
      const seen = new Set(detectAtCommitTime('', { ...signals, commentChar: strippedFor(''), trailerChar, cutChar }, detectOptions).map((a) => a.agent));
      for (const agent of named) if (!seen.has(agent)) named.delete(agent);
    }
    if (named.size > 0) {
      const kept = withoutOwnUnknowns(message, detectOptions.trailerKey, named, { commentChar: trailerChar, cutChar: cutChar === '\n' ? trailerChar : cutChar, noDivider: true });
      const again = kept === message ? attributions : detectAtCommitTime(kept, { ...signals, commentChar: strippedFor(kept), trailerChar, cutChar }, detectOptions);
      if (kept !== message && !again.some((a) => named.has(a.agent) && a.model === 'unknown') && Buffer.from(message, 'utf8').equals(readFileSync(path))) {
        rewriteFile(path, Buffer.from(kept, 'utf8'));
        message = kept;
        attributions = again;
      }
    }
    // Under `i18n.commitEncoding` git stores these bytes under an `encoding` header and every later reader
    // (git log's %(trailers), check, pre-push, pre-receive) reads them re-encoded from it: read as they will
    // (ISO-2022-JP's `As\x1b$B\x1b(Bsisted-by: qwen…` is Qwen's trailer there), what either reading names counts.
    const encoding = commitEncodingFor(root, gitDir, context.env, configTexts);
    if (encoding !== undefined && showsOtherwise(encoding, [message])) {
      const shown = (await import('../git/shown-message.js')).shownMessageSync(root, readFileSync(path), encoding, gitDir);
      if (shown !== undefined && shown !== message) attributions = mergeAttributions([...attributions, ...detectAtCommitTime(shown, { ...signals, commentChar: strippedFor(shown), trailerChar, cutChar }, detectOptions)]);
    }
    if (attributions.length > 0) rememberAiAuthor(gitDir, context.env);
    const policy = compilePolicy(config.policy, detectOptions);
    if (clearlyPasses(attributions, policy)) return ExitCode.ok;
    const { judgeCommitBeingMade } = await import('../enforce/judge-staged.js');
    // An amend's commit changes what HEAD changed too (as check and the push hooks read it), not only what is staged over HEAD.
    const changed = paths ?? (amend ? (await import('../git/staged-paths.js')).amendedPathsSync.bind(null, root) : undefined);
    const { violations, text } = judgeCommitBeingMade({ repoDir: root, message, commentChar: cutChar === '\n' ? trailerChar : cutChar, trailerChar, attributions, author: signals.author, config, policy, policyFile: filepath === null ? null : relative(root, filepath), quiet: context.env.AITRAIL_QUIET === '1', ...(changed ? { paths: changed } : {}) });
    if (violations.length === 0) return ExitCode.ok;
    writeStderr(text);
    return violations.some((violation) => violation.severity === 'error') ? ExitCode.violation : ExitCode.ok;
  } catch (error) {
    const { reportError } = await import('../errors/report-error.js');
    return reportError(error);
  }
}

/**
 * The message file with `carried` recorded in it (git reads the file again after this hook), as
 * prepare-commit-msg records: a message that is not UTF-8 is handled byte for byte as latin1.
 * Returns the message as judged (UTF-8).
 */
function recordCarried(path: string, raw: Buffer, carried: Attribution[], key: string, commentChar: string, trailerChar: string): string {
  const encoding: BufferEncoding = Buffer.from(raw.toString('utf8'), 'utf8').equals(raw) ? 'utf8' : 'latin1';
  const text = raw.toString(encoding);
  const updated = recordTrailers(text, carried, key, commentChar, { editorOpens: false, trailerChar });
  if (updated === text) return raw.toString('utf8');
  const bytes = Buffer.from(updated, encoding);
  rewriteFile(path, bytes);
  return bytes.toString('utf8');
}

/** True when prepare-commit-msg added a trailer to the commit template and the user changed nothing else. */
function templateUntouched(gitDir: string, message: string, key: string, commentChar: string): boolean {
  const marker = templateMarkerPath(gitDir);
  let template: string;
  try {
    if (statSync(marker, { throwIfNoEntry: false }) === undefined) return false;
    template = readFileSync(marker, 'utf8');
  } catch {
    return false;
  }
  removeFileIfThere(marker);
  return templateComparable(message, key, commentChar) === template;
}

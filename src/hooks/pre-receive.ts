import { safeJson } from '../core/sanitize.js';
import { ExitCode } from '../core/exit-codes.js';
import { checkEnvLimits, GATE_LIMITS } from '../io/env-limits.js';
import { parsePreReceiveLines, repeatedRefs, updatedRefs } from '../core/ref-updates.js';
import { gitNamespacePrefix } from '../core/git-namespace.js';
import type { HookHandler } from './dispatch.js';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeStderr } from '../io/write-fd.js';

/** `--config <file>` / `--config=<file>`; anything else is a usage error. */
export function parseReceiveArgs(args: readonly string[]): { configFile?: string; error?: string } {
  let configFile: string | undefined;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    if (arg === '--config' && args[index + 1] !== undefined) configFile = args[++index];
    else if (arg.startsWith('--config=') && arg.length > '--config='.length) configFile = arg.slice('--config='.length);
    else return { error: `unexpected argument ${safeJson(arg.slice(0, 100))}; usage: aitrail hook pre-receive [--config <file>]` };
  }
  return configFile === undefined ? {} : { configFile };
}

/**
 * `aitrail hook pre-receive [--config <file>]` on a server (bare repository): stdin
 * `<old> <new> <ref>` per ref; every ref's new commits are judged by the repository's one policy,
 * and any error rejects the whole push with an explanation the pusher sees. Replace refs are
 * refused unless the server allows them, and so is a push that takes git-ai notes away (taken-notes.ts);
 * when no policy can be known the push is refused (exit 3), and so is a push into a git namespace
 * (GIT_NAMESPACE), whose policy, refs and notes are not the repository's own.
 */
export const handler: HookHandler = async (args, context) => {
  const parsed = parseReceiveArgs(args);
  if (parsed.error !== undefined) {
    writeStderr(`aitrail: ${parsed.error}\n`);
    return ExitCode.usage;
  }
  try {
    // The gate's bounds, mis-written: every push refused at once, saying so (row 1125), not only one that reaches a bound.
    checkEnvLimits(GATE_LIMITS);
    const stdin = await context.readStdin();
    const { updates, malformed } = parsePreReceiveLines(stdin);
    const { malformedInput, reportHookVerdict } = await import('../enforce/hook-verdict.js');
    const { mergeVerdicts, verdictOf } = await import('../core/policy/verdict.js');
    if (malformed.length > 0) return malformedInput('pre-receive', malformed);
    // A hand-made client's two commands for one ref: every reader below takes a ref's one update
    // (refs/notes/ai's: notes taken, added, shadowed), and git runs each command apart.
    const repeated = repeatedRefs(updates);
    if (repeated.length > 0) {
      const { enforceMessages } = await import('../enforce/messages.js');
      writeStderr(enforceMessages.refNamedTwice(repeated));
      return ExitCode.violation;
    }
    // A namespaced receive-pack (GIT_NAMESPACE: several projects in one repository) stores the
    // refs it is given under refs/namespaces/<ns>/; everything below reads the repository's own
    // HEAD, refs, notes and remembered policy, another project's. Fail closed (exit 3, as when no
    // policy can be known), before any of it is read or remembered.
    const namespace = gitNamespacePrefix(context.env.GIT_NAMESPACE);
    if (namespace !== null) {
      const { enforceMessages } = await import('../enforce/messages.js');
      writeStderr(enforceMessages.namespacedPush(context.env.GIT_NAMESPACE as string, namespace));
      return ExitCode.git;
    }
    // A push to a linked worktree's path (a bare server's deploy worktree, `git worktree add`):
    // receive-pack works in that worktree's git dir, whose HEAD (the worktree's branch, or a
    // detached old release) would stand for the default branch and its policy, with a policy
    // memory and a record of its own. Fail closed, as for a namespace. One file read, no process.
    const common = linkedWorktreeCommonDir(context.cwd);
    if (common !== null) {
      const { enforceMessages } = await import('../enforce/messages.js');
      writeStderr(enforceMessages.linkedWorktreePush(resolve(context.cwd), common));
      return ExitCode.git;
    }
    // The notes refs as this push is judged: its ref updates check they are still these (receive-record.ts).
    // The tips of refs/notes/ai and refs/notes/ai-attribution its commits are judged by come from the same
    // for-each-ref (a git process less); a ref git cannot read the type of asks each apart, as before.
    const [notesModule, { DEFAULT_NOTES_REF }, { QWEN_NOTES_REF }] = await Promise.all([import('../git/notes.js'), import('../core/notes/notes-ref.js'), import('../core/notes/qwen-attribution.js')]);
    // HEAD's branch (the default, whose policy judges) first, its tip listed by that same for-each-ref (session 52: a
    // for-each-ref of its own in receiveSets), by its exact name as existingRefs asks it (a name no pattern can say: none).
    const { listableRef, symbolicRef } = await import('../git/refs.js');
    const headRef = await symbolicRef(context.cwd, 'HEAD');
    const headListed = headRef !== null && listableRef(headRef) ? headRef : undefined;
    const notesAndTips = await notesModule.notesListingAndTips(context.cwd, [DEFAULT_NOTES_REF, QWEN_NOTES_REF], { asStored: true }, headListed);
    // Unknown when the shared listing failed (a ref to a missing object): receiveSets asks as before.
    const head = notesAndTips === null ? undefined : { ref: headRef, at: headListed === undefined ? undefined : notesAndTips.also };
    const notesRead = notesAndTips?.listing ?? (await notesModule.notesListing(context.cwd));
    const [{ refusedReplaceRefs }, { caseVariantRefs }, { receiveSets }, { judgeSets }, { shallowBoundary }, { enforceMessages }, { takenNotes, takenQwenNotes, shadowedNotes, SHADOW_GUARDED_REFS }] = await Promise.all([
      import('../enforce/replace-refs.js'),
      import('../enforce/case-variant-refs.js'),
      import('../enforce/receive-sets.js'),
      import('../enforce/judge-groups.js'),
      import('../git/shallow.js'),
      import('../enforce/messages.js'),
      import('../enforce/taken-notes.js'),
    ]);
    // A notes update git will refuse (its ref is not at the old value sent: another push moved it,
    // or a hand-made client's stale value): judged as a push without it, the push's commits by the
    // server's notes, which are the ones that stay (a push that is not atomic lands its other refs).
    // And as a push with it: the server's notes moved back to the old value sent before the update
    // takes its lock (the pusher's own second push rewinding them) land it, and no hook but the
    // reference-transaction shim looks again; so the guards read every update, and the push's
    // commits are judged by the notes it brings too, a violation under either refusing.
    const stale = (await import('../enforce/pushed-notes.js')).staleNotesUpdates(updates, notesRead, SHADOW_GUARDED_REFS);
    for (const each of stale) writeStderr(enforceMessages.staleNotesUpdate(each));
    const judged = stale.length === 0 ? updates : updates.filter((update) => !stale.some((each) => each.ref === update.ref));
    const replacing = await refusedReplaceRefs(context.cwd, updates);
    if (replacing.length > 0) {
      writeStderr(enforceMessages.replaceRefsRefused(replacing));
      return ExitCode.violation;
    }
    const [variant] = await caseVariantRefs(context.cwd, updates, headRef);
    if (variant) {
      writeStderr(enforceMessages.caseVariantRefused(variant));
      return ExitCode.violation;
    }
    const taken = await takenNotes(context.cwd, updates);
    if (taken) {
      writeStderr(enforceMessages.notesTaken(taken));
      return ExitCode.violation;
    }
    const takenQwen = await takenQwenNotes(context.cwd, updates);
    if (takenQwen) {
      writeStderr(enforceMessages.qwenNotesTaken(takenQwen));
      return ExitCode.violation;
    }
    for (const ref of SHADOW_GUARDED_REFS) {
      const shadowed = await shadowedNotes(context.cwd, updates, ref);
      if (shadowed.length > 0) {
        writeStderr(enforceMessages.notesShadowed(shadowed, ref));
        return ExitCode.violation;
      }
    }
    // Deletions too: the default branch's policy is remembered before it can be deleted.
    // The common dir (policy memory) and the shallow file, asked of one `git rev-parse` when first needed.
    const paths = (await import('../git/git-path.js')).runPaths(context.cwd);
    const plan = await receiveSets(context.cwd, judged, parsed.configFile, paths.commonDir, head);
    if ('refusal' in plan) {
      writeStderr(plan.refusal);
      return ExitCode.git;
    }
    if (plan.warning !== undefined) writeStderr(plan.warning);
    let code: number = ExitCode.ok;
    if (plan.sets.length > 0 || plan.tagged.objects.length > 0) {
      // A tip the push does not bring (refs/notes/ai's, refs/notes/ai-attribution's): as listed above ('' for none), as the readers would look it up.
      const listedTips = notesAndTips === null ? {} : { notesTip: notesAndTips.tips[0] ?? '', qwenNotesTip: notesAndTips.tips[1] ?? '' };
      const tips = { ...listedTips, ...(plan.notesTip === undefined ? {} : { notesTip: plan.notesTip }), ...(plan.qwenNotesTip === undefined ? {} : { qwenNotesTip: plan.qwenNotesTip }) };
      const result = plan.sets.length > 0 ? await judgeSets(context.cwd, plan.sets, await shallowBoundary(context.cwd, await paths.shallow()), tips) : { verdict: verdictOf(0, []), cut: [], sources: [] };
      // Refs naming no commit (tags of trees and blobs): their tags' messages, by the same policy.
      if (plan.tagged.objects.length > 0) {
        const { judgeTaggedObjects } = await import('../enforce/judge-tagged-objects.js');
        result.verdict = mergeVerdicts([result.verdict, await judgeTaggedObjects(context.cwd, plan.tagged.objects, plan.tagged.source.loaded.config)]);
      }
      // A cut inside what a push brings: the pushing clone was shallow (receive.shallowUpdate took its cut).
      const policies = [...result.sources, ...(plan.tagged.objects.length > 0 ? [plan.tagged.source.description] : [])];
      code = reportHookVerdict(result, enforceMessages.receiveRefused(updatedRefs(judged), policies), { cut: enforceMessages.shallowPush });
    }
    if (code === ExitCode.ok && stale.length > 0) {
      // The push as it lands if the notes are moved back to the old value it sent (see above).
      const landing = await receiveSets(context.cwd, updates, parsed.configFile, paths.commonDir, head);
      if ('refusal' in landing) {
        writeStderr(landing.refusal);
        return ExitCode.git;
      }
      if (landing.sets.length > 0) {
        const listedTips = notesAndTips === null ? {} : { notesTip: notesAndTips.tips[0] ?? '', qwenNotesTip: notesAndTips.tips[1] ?? '' };
        const tips = { ...listedTips, ...(landing.notesTip === undefined ? {} : { notesTip: landing.notesTip }), ...(landing.qwenNotesTip === undefined ? {} : { qwenNotesTip: landing.qwenNotesTip }) };
        const result = await judgeSets(context.cwd, landing.sets, await shallowBoundary(context.cwd, await paths.shallow()), tips);
        code = reportHookVerdict(result, enforceMessages.receiveRefused(updatedRefs(updates), result.sources), { cut: enforceMessages.shallowPush, quiet: true });
      }
    }
    if (code === ExitCode.ok) {
      const { receivePid, writeReceiveRecord } = await import('../enforce/receive-record.js');
      try {
        writeReceiveRecord(context.cwd, receivePid(context.env), { notes: notesRead, absent: plan.absent, stdin, args });
      } catch (error) {
        // As the policy memory: a server that cannot write it says so, and judges on.
        writeStderr(enforceMessages.cannotRecord(join(context.cwd, 'aitrail', 'receive'), (error as Error).message));
      }
    }
    return code;
  } catch (error) {
    const { reportError } = await import('../errors/report-error.js');
    return reportError(error);
  }
};

/**
 * The common git dir when `gitDir` is a linked worktree's (`<common>/worktrees/<name>`, which holds
 * a `commondir` file naming it, relative to itself), else null (a bare repository, a main `.git`).
 */
export function linkedWorktreeCommonDir(gitDir: string): string | null {
  let text: string;
  try {
    text = readFileSync(join(gitDir, 'commondir'), 'utf8');
  } catch {
    return null;
  }
  const named = text.replace(/\r?\n$/, '');
  return named === '' ? null : resolve(gitDir, named);
}

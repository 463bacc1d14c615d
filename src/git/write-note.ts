import { survivesStripspace } from '../core/notes/stripspace.js';
import { GitError, gitEnvironment, gitFailure, runGitSync } from './exec.js';
import { startEarly } from './spawn-early.js';

function checkCommitId(commit: string): void {
  if (!/^[0-9a-f]{40,64}$/.test(commit)) throw new TypeError(`not a commit id: ${JSON.stringify(commit.slice(0, 80))}`);
}

/** git refused to add a note over an existing one (no -f). */
const noteExists = (stderr: string) => /existing notes?/i.test(stderr);

/**
 * Attach `text` as the note of `commit` in `ref`, byte for byte. `force` replaces a note already
 * there; without it an existing note is left alone and the status is 'exists'.
 *
 * One git process for the usual note: `git notes add -F -`, whose clean-up (stripspace) leaves
 * such a text as it is (survivesStripspace); any other text is stored as a blob first and attached
 * with `git notes add -C` (no clean-up). Synchronous: a hook pays node's asynchronous child
 * process machinery for nothing.
 */
export function writeNote(cwd: string, ref: string, commit: string, text: string, options: { force?: boolean } = {}): { status: 'written' | 'exists' } {
  checkCommitId(commit);
  const force = options.force ? ['-f'] : [];
  try {
    if (survivesStripspace(text)) runGitSync(['notes', `--ref=${ref}`, 'add', ...force, '-F', '-', commit], { cwd, input: text });
    else {
      const blob = runGitSync(['hash-object', '-w', '--stdin'], { cwd, input: text }).trim();
      runGitSync(['notes', `--ref=${ref}`, 'add', ...force, '-C', blob, commit], { cwd });
    }
  } catch (error) {
    if (!options.force && error instanceof GitError && noteExists(error.stderr)) return { status: 'exists' };
    throw error;
  }
  return { status: 'written' };
}

/** A note write under way: `git notes add` started before its text is known. */
export interface PendingNote {
  /** writeNote(…, text) (no force), through the process started early when the text allows. */
  write(text: string): Promise<{ status: 'written' | 'exists' }>;
  /** Give it up: the process is killed unfed and writes nothing. */
  cancel(): Promise<void>;
}

/**
 * `git notes add -F - <commit>` started now and fed when the note is composed, so that git's
 * start overlaps the hook's other git process (src/git/spawn-early.ts); null where a process
 * cannot start early (the caller runs writeNote). The same note, the same statuses and errors
 * as writeNote without force; a text that would not survive git's clean-up goes writeNote's way.
 */
export function startNoteWrite(cwd: string, ref: string, commit: string): PendingNote | null {
  checkCommitId(commit);
  const args = ['notes', `--ref=${ref}`, 'add', '-F', '-', commit];
  const early = startEarly('git', args, { cwd, env: gitEnvironment({ cwd }) });
  if (!early) return null;
  return {
    async write(text) {
      if (!survivesStripspace(text)) {
        await early.cancel();
        return writeNote(cwd, ref, commit, text);
      }
      const run = await early.feed(text);
      if (run.status === 0) return { status: 'written' };
      const stderr = run.stderr.toString('utf8');
      if (noteExists(stderr)) return { status: 'exists' };
      throw gitFailure(args, run.status, stderr);
    },
    cancel: () => early.cancel(),
  };
}

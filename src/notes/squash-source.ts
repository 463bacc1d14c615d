import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SQUASH_SOURCE } from '../core/checkpoint/store-layout.js';
import { DEFAULT_NOTES_REF } from '../core/notes/notes-ref.js';
import { squashedCommits } from '../core/notes/squashed-commits.js';
import { headWithParentsSync } from '../git/resolve-commit.js';
import { writeFileAtomicSync } from '../io/atomic-write.js';
import { removeFileIfThere } from '../io/remove-file.js';
import { rebasing } from './pick-source.js';
import { leftBehind } from '../hooks/left-behind.js';

const OID = /^[0-9a-f]{40,64}$/;
/** The largest `SQUASH_MSG` read (git quotes every squashed commit whole: a long branch's is big). */
const MAX_SQUASH_MSG_BYTES = 64 * 1024 * 1024;

/**
 * prepare-commit-msg: keep the commits a `git merge --squash` brought and the HEAD they go onto
 * (SQUASH_SOURCE) while git's `SQUASH_MSG` names them and a git-ai note may exist to carry; drop
 * what an earlier, unfinished squash left otherwise. Two file checks on any other commit; during
 * a squash, two git processes.
 */
export async function keepSquashSource(cwd: string, gitDir: string): Promise<void> {
  const file = join(gitDir, SQUASH_SOURCE);
  const message = join(gitDir, 'SQUASH_MSG');
  // Almost never there: asked without an exception first.
  if (!existsSync(message) || rebasing(gitDir)) {
    removeFileIfThere(file);
    return;
  }
  let commits: string[] = [];
  try {
    const stat = statSync(message);
    if (stat.isFile() && stat.size <= MAX_SQUASH_MSG_BYTES) {
      const text = readFileSync(message, 'utf8');
      // A squash given up (`git restore`; git removes SQUASH_MSG only when a commit is made): none of it is committed.
      commits = leftBehind(cwd, 'SQUASH_MSG', text) ? [] : squashedCommits(text);
    }
  } catch {
    commits = [];
  }
  const noted = commits.length > 0 && (await (await import('../git/notes.js')).notesTip(cwd, DEFAULT_NOTES_REF)) !== null;
  const head = noted ? headWithParentsSync(cwd)?.head : undefined;
  if (head) writeFileAtomicSync(file, `${[head, ...commits].join('\n')}\n`, { mkdir: true });
  else removeFileIfThere(file);
}

/**
 * post-commit: the commits squashed into the commit just made, as prepare-commit-msg kept them,
 * trusted only when that commit's one parent is the HEAD they were kept on; else null. The kept
 * file is gone afterwards: it never speaks for a later commit.
 */
export function takeSquashSource(gitDir: string, parents: readonly string[]): string[] | null {
  const file = join(gitDir, SQUASH_SOURCE);
  if (!existsSync(file)) return null;
  let kept: string[] | null = null;
  try {
    const [onto, ...commits] = readFileSync(file, 'utf8').split('\n').filter((line) => line !== '');
    if (onto && parents.length === 1 && parents[0] === onto && commits.length > 0 && commits.every((commit) => OID.test(commit))) kept = commits;
  } catch {
    kept = null;
  }
  removeFileIfThere(file);
  return kept;
}

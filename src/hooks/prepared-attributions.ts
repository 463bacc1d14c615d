import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { declaresUnder } from '../core/amend.js';
import { commitSignals } from '../core/commit-signals.js';
import { detectCommit, type DetectOptions } from '../core/detect.js';
import { readRegularFile } from '../io/read-regular-file.js';
import type { Attribution } from '../core/types.js';
import { leftBehind } from './left-behind.js';

/** The messages git prepares for the commit that brings another's content: a cherry-pick's or revert's (no merge under way), a squash merge's. */
const PREPARED = ['MERGE_MSG', 'SQUASH_MSG'] as const;
const MAX_PREPARED_BYTES = 8 * 1024 * 1024;
const NOBODY = { name: '', email: '' };

/**
 * What the message git prepared declares, for a commit made with `-m`/`-F` over it: after
 * `git cherry-pick -n` (or a conflicted pick) git keeps the picked message in MERGE_MSG, after
 * `git merge --squash` the squashed commits in SQUASH_MSG; `-m` replaces that message, its trailers
 * with it, while the content staged is what it describes. Read as `log` reads a stored message
 * (comment lines dropped, as git drops them; a squash's quoted commits as rows 27 and 30 read them).
 * Nothing when the message is that file's own (a plain cherry-pick or revert commits it as it is),
 * for a merge's MERGE_MSG (MERGE_HEAD: a merge commit declares for itself), or when the new message
 * declares under the trailer key itself, or when the file was left behind and names none of what is staged (leftBehind).
 */
export function preparedAttributions(cwd: string, gitDir: string, message: string, options: DetectOptions & { trailerKey: string }, commentChar: string): Attribution[] {
  if (declaresUnder(message, options.trailerKey, commentChar)) return [];
  const found: Attribution[] = [];
  for (const name of PREPARED) {
    if (name === 'MERGE_MSG' && existsSync(join(gitDir, 'MERGE_HEAD'))) continue;
    const text = readRegularFile(join(gitDir, name), MAX_PREPARED_BYTES);
    if (text === null || text === message) continue;
    // A squash or `-x` pick given up (git removes neither file then): what it names is not what is committed.
    if (leftBehind(cwd, name, text)) continue;
    const kept = text.split('\n').filter((line) => !line.startsWith(commentChar)).join('\n');
    found.push(...detectCommit(commitSignals({ message: kept, author: NOBODY, committer: NOBODY }), options));
  }
  return found;
}

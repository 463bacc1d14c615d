import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldedCommits, REBASE_FIXUPS } from '../core/checkpoint/store-layout.js';
import { commitSignals } from '../core/commit-signals.js';
import { detectCommit, type DetectOptions } from '../core/detect.js';
import { streamCommits } from '../git/log.js';
import type { Attribution } from '../core/types.js';

/**
 * What the commits a rebase's fixup or squash step folds together declared: HEAD (the commit being
 * amended; its author stays on the result, its message only for a plain `fixup`) and each commit
 * folded into it so far (`rebase-merge/current-fixups`: their messages are dropped or land mid-message,
 * and their authors are lost). Each is read as `log` reads a stored commit (HEAD as git will clean
 * it: foldedMessage).
 */
export async function foldedAttributions(cwd: string, gitDir: string, options: DetectOptions, commentChar = '#'): Promise<Attribution[]> {
  const folded = foldedCommits(readFileSync(join(gitDir, REBASE_FIXUPS), 'utf8'));
  const found: Attribution[] = [];
  const none = { name: '', email: '' };
  let first = true;
  for await (const commit of streamCommits(cwd, ['HEAD', ...folded], { extra: ['--no-walk=unsorted'], whole: true })) {
    found.push(...detectCommit(commitSignals(first ? { ...commit, message: foldedMessage(commit.message, commentChar), author: none } : commit), options));
    first = false;
  }
  return found;
}

/**
 * A fixup chain's HEAD is git's own intermediate commit, whose message (`# This is a combination of
 * 2 commits.`, each message under a comment line) git strips of its comment lines at the end: read
 * so, the first commit's subject is a subject again, not a body line (a person's `ai-model: add
 * gpt-5 to list` is not a declaration), as `log` reads the result. The folded commits are read
 * themselves (current-fixups), their commented-out messages too.
 */
export function foldedMessage(message: string, commentChar: string): string {
  if (!message.startsWith(commentChar)) return message;
  return `${message.split('\n').filter((line) => !line.startsWith(commentChar)).join('\n').trim()}\n`;
}

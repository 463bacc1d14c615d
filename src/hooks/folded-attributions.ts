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
 * and their authors are lost). Each is read as `log` reads a stored commit.
 */
export async function foldedAttributions(cwd: string, gitDir: string, options: DetectOptions): Promise<Attribution[]> {
  const folded = foldedCommits(readFileSync(join(gitDir, REBASE_FIXUPS), 'utf8'));
  const found: Attribution[] = [];
  const none = { name: '', email: '' };
  let first = true;
  for await (const commit of streamCommits(cwd, ['HEAD', ...folded], { extra: ['--no-walk=unsorted'] })) {
    found.push(...detectCommit(commitSignals(first ? { ...commit, author: none } : commit), options));
    first = false;
  }
  return found;
}

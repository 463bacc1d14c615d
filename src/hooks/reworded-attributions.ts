import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { declaresUnder } from '../core/amend.js';
import { REBASE_DONE, rewordStep } from '../core/checkpoint/store-layout.js';
import type { DetectOptions } from '../core/detect.js';
import type { Attribution } from '../core/types.js';
import { headAttributions } from './amended-attributions.js';
import { inRebase } from './in-rebase.js';

/**
 * What the commit a rebase's `reword` step rewords declared, for commit-msg, when the message as the
 * editor left it declares nothing under the trailer key. git picks the commit (HEAD now, its message
 * and author as they were) and runs `git commit --amend` with the editor; prepare-commit-msg sees
 * the old message, trailer included, so only commit-msg sees that a new message (an agent's
 * `GIT_EDITOR` script, a person's rewrite) dropped it. Nothing outside a reword step, or when the
 * new message declares under the key itself (a corrected model, `none`: the person's word).
 */
export async function rewordedAttributions(cwd: string, gitDir: string, env: NodeJS.ProcessEnv, message: string, options: DetectOptions & { trailerKey: string }, commentChar: string): Promise<Attribution[]> {
  if (!inRebase(env, gitDir)) return [];
  let done: string;
  try {
    done = readFileSync(join(gitDir, REBASE_DONE), 'utf8');
  } catch {
    return [];
  }
  if (!rewordStep(done) || declaresUnder(message, options.trailerKey, commentChar)) return [];
  return headAttributions(cwd, options);
}

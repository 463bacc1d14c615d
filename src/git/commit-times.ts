import { runGitSync } from './exec.js';

/**
 * The committer time (seconds since the epoch) of the commit the next one follows: HEAD, or when
 * `rewritten` is HEAD (an amend: `HEAD` itself, or its full id as git hands it to
 * prepare-commit-msg) HEAD's first parent. Null when there is none (an unborn HEAD, an amend of a
 * root commit) or git cannot say: the caller then bounds nothing.
 */
export function previousCommitTime(cwd: string, rewritten?: string): number | null {
  let out: string;
  try {
    out = runGitSync(['log', '-2', '--first-parent', '--no-color', '--format=%H %ct', '--end-of-options', 'HEAD', '--'], { cwd, asStored: true });
  } catch {
    return null;
  }
  const lines = out.split('\n');
  const head = lines[0]?.split(' ')[0];
  const amend = rewritten !== undefined && (rewritten === 'HEAD' || rewritten.toLowerCase() === head);
  const time = lines[amend ? 1 : 0]?.split(' ')[1] ?? '';
  return /^\d{1,15}$/.test(time) ? Number(time) : null;
}

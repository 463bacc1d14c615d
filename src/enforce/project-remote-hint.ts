import { runGit } from '../git/exec.js';
import { remoteNames } from '../git/refs.js';
import { enforceMessages } from './messages.js';
import { remoteDefaultRefs } from './remote-default-refs.js';

/**
 * For a refusal judged by a remote's default branch that `check` chose: the first refused commit (of the first ASKED) a
 * configured remote's default branch (`<remote>/HEAD`, `main`, `master`) already holds, said with
 * how to name that remote the project (`remote.<name>.gh-resolved = base`, what `gh repo
 * set-default` writes, which check-range reads) or `--policy-from`. A fork cloned as `origin`
 * with the project added by hand as `upstream` (GitHub's docs, no gh) is judged by the stale fork's
 * `main`, and an honest branch made on the project's newest `main` is refused for the project's own
 * commits; a downstream fork (`origin` the company's, `upstream` the open-source project) looks
 * the same and there `origin` is the target, so nothing is decided here. Null: one remote, no such
 * commit. One git process and one per refused commit looked up (at most ASKED), run only on a refusal.
 */
export async function projectRemoteHint(root: string, refused: readonly string[]): Promise<string | null> {
  if (refused.length === 0) return null;
  const remotes = await remoteNames(root);
  if (remotes.length < 2) return null;
  for (const sha of [...new Set(refused)].slice(0, ASKED)) {
    const holding = new Set((await runGit(['for-each-ref', `--contains=${sha}`, '--format=%(refname)', 'refs/remotes/'], { cwd: root, asStored: true })).split('\n'));
    // A name said as a command to paste only when it is plain words (`$(…)`, `;`, quotes are not).
    for (const remote of remotes.filter((name) => SAFE_NAME.test(name))) {
      const ref = remoteDefaultRefs(remote).find((each) => holding.has(each));
      if (ref !== undefined) return enforceMessages.refusedOnRemoteDefault(sha, remote, ref.replace(/^refs\/remotes\//, ''));
    }
  }
  return null;
}

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
/** Refused commits looked up at most (one `for-each-ref --contains` each). */
const ASKED = 3;

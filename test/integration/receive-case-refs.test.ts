// A server on a case-insensitive file system (core.ignorecase=true: macOS, Windows): git stores a
// loose ref in a file named after it, so a push to `refs/heads/Main` writes the file git reads for
// `refs/heads/main` when main is packed (or gone): `git rev-parse main` and HEAD then name the
// pushed commit, past the review that protects `main` by name, while for-each-ref, clones and
// aitrail's exact-name reads keep the packed value; `refs/NOTES/ai` lands where `git notes
// --ref=ai` reads, unjudged. (Reproduced on a case-insensitive FUSE mount; this test needs only
// the setting, which is what tells the hook the file system folds case.)
import { describe, expect, it } from 'vitest';
import { commitWith, policyServer, tryGit } from '../helpers/enforce-repos.js';

describe('pre-receive on a case-insensitive server refuses a ref spelled like the default branch or the notes ref', () => {
  it('refs/heads/Main, refs/heads/MAIN and refs/NOTES/ai are refused under core.ignorecase; main, other branches and a case-sensitive server are not', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    remote.git(['config', 'core.ignorecase', 'true']);
    expect(commitWith(work, 'chore: loosen\n', { '.aitrailrc.yml': 'policy: {}\n' }, { noVerify: true }).code).toBe(0);
    for (const ref of ['refs/heads/Main', 'refs/heads/MAIN', 'refs/notes/AI', 'refs/NOTES/ai']) {
      const push = tryGit(work.dir, ['push', '--no-verify', 'origin', `HEAD:${ref}`]);
      expect(push.code, ref).toBe(1);
      expect(push.stderr, ref).toMatch(/differs only in case from refs\/(heads\/main|notes\/ai)/);
    }
    expect(remote.git(['for-each-ref', '--format=%(refname)'])).toBe('refs/heads/main');
    // Other names go on as before (judged by the one policy), and so does main itself.
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:refs/heads/Mainline']).code).toBe(0);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:refs/heads/main']).code).toBe(0);
    // A case-sensitive server keeps refs/heads/Main apart from main: nothing to refuse.
    remote.git(['config', 'core.ignorecase', 'false']);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:refs/heads/Main']).code).toBe(0);
  });
});

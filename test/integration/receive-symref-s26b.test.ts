// Row 316: row 2 (a deleted default branch re-created with a looser policy) through a symbolic ref
// that names the default branch, as a server keeps `refs/heads/master` → `refs/heads/main` after a
// rename. A real bare server running the pre-receive hook, real pushes. Failed before its fix:
// the push to the alias re-created main with the loosened config, and Qwen's commit got in next.
import { describe, expect, it } from 'vitest';
import { commitWith, policyServer, tryGit } from '../helpers/enforce-repos.js';

const refsOf = (dir: string): string => tryGit(dir, ['for-each-ref', '--format=%(refname) %(objectname)']).stdout;

describe('a deleted default branch re-created through a symbolic ref to it', () => {
  it('must carry the remembered policy, as a push to the branch itself must', () => {
    const { remote, work, base } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    remote.git(['symbolic-ref', 'refs/heads/master', 'refs/heads/main']);
    // git refuses to delete the current branch by its name (receive.denyDeleteCurrent), but not
    // through the alias: main is deleted (the server remembers its policy first), master dangles.
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', ':main']).code).not.toBe(0);
    const deleted = tryGit(work.dir, ['push', '--no-verify', 'origin', ':master']);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(refsOf(remote.dir)).toBe('');
    expect(remote.git(['symbolic-ref', 'refs/heads/master'])).toBe('refs/heads/main');

    expect(commitWith(work, 'chore: allow every model\n', { '.aitrailrc.yml': 'policy:\n  allow: ["*"]\n' }, { noVerify: true }).code).toBe(0);
    const loose = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:refs/heads/master']);
    expect(loose.code, loose.stderr).not.toBe(0);
    expect(loose.stderr).toContain('creates the default branch refs/heads/main (through refs/heads/master, a symbolic ref to it) with a policy other than');
    expect(refsOf(remote.dir)).toBe('');

    // The same policy through the alias re-creates main, as it would pushed to main itself.
    const same = tryGit(work.dir, ['push', '--no-verify', 'origin', `${base}:refs/heads/master`]);
    expect(same.code, same.stderr).toBe(0);
    expect(remote.git(['rev-parse', 'refs/heads/main'])).toBe(base);
    expect(remote.git(['symbolic-ref', 'refs/heads/master'])).toBe('refs/heads/main');
  });
});

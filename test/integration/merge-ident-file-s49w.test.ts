// Review s49w of task s49c's merge ident (no row: a write, not a way past): a person's cherry-pick or revert (git
// exports no GIT_AUTHOR_* to its hooks, and runs no commit-msg) kept prepare-commit-msg's `git var` answer in
// <git dir>/aitrail/fast-path/merge-ident for a commit-msg that never comes: a file written per pick, read by no one.
// prepare-commit-msg now keeps it only during a merge (git's MERGE_HEAD there: the one git process that runs both
// message hooks with no author exported); a merge's commit-msg still reads it (one git var a merge).
// Real picks, a revert and a merge through the shims `init` installs, GIT_TRACE noting every git process.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MERGE_IDENT_FILE } from '../../src/install/fast-path.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { tempDir } from '../helpers/gitdir.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

describe("the merge ident is kept only for a merge's commit-msg (review s49w)", () => {
  it('a cherry-pick and a revert leave no merge-ident; a merge keeps it for its commit-msg, which reads it (one git var)', () => {
    const { repo, env, started } = hookedRepo();
    const kept = join(repo.dir, '.git', 'aitrail', 'fast-path', MERGE_IDENT_FILE);
    const trace = join(tempDir('aitrail-git-runs-'), 'trace');
    const run = (args: string[]) => {
      writeFileSync(trace, '');
      const result = tryGit(repo.dir, args, { env: { ...env, GIT_TRACE: trace, GIT_AUTHOR_NAME: undefined, GIT_AUTHOR_EMAIL: undefined } });
      expect(result.code, result.stderr).toBe(0);
      return readFileSync(trace, 'utf8').split('\n').filter((line) => / built-in: git var GIT_AUTHOR_IDENT$/.test(line)).length;
    };
    repo.git(['config', 'user.name', 'Jane Doe']);
    repo.git(['config', 'user.email', 'jane@example.com']);
    // An include (of no file) keeps the answer kept across git processes (row 1184) out: this file holds the one of the same process.
    repo.git(['config', 'include.path', 'no-such-file']);
    repo.git(['checkout', '-q', '-b', 'side']);
    repo.commit('Work on side\n', { 'side.txt': 'side\n' });
    repo.git(['checkout', '-q', 'main']);

    expect(run(['cherry-pick', 'side'])).toBe(1);
    expect(repo.git(['log', '-1', '--format=%s'])).toContain('Work on side');
    expect(existsSync(kept)).toBe(false);
    expect(run(['revert', '--no-edit', 'HEAD'])).toBe(1);
    expect(existsSync(kept)).toBe(false);

    repo.git(['checkout', '-q', 'side']);
    repo.commit('More on side\n', { 'more.txt': 'more\n' });
    expect(run(['merge', '--no-edit', 'main'])).toBe(1);
    expect(repo.git(['log', '-1', '--format=%P']).split(' ')).toHaveLength(2);
    // commit-msg read the answer and emptied the file.
    expect(readFileSync(kept, 'utf8')).toBe('');
    expect(readFileSync(started, 'utf8')).toBe('');
  });
});

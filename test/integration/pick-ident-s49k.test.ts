// Session 49, task k (review of s49c's merge ident): a person's cherry-pick or revert (git exports no GIT_AUTHOR_*
// to its hooks) runs only prepare-commit-msg of the message hooks, which reads the message and then the MERGE_MSG
// git prepared (aitrail_prepared): aitrail_quiet twice, and each asked `git var GIT_AUTHOR_IDENT` (two git
// processes a pick). aitrail_ident now asks once per hook run (src/install/fast-path.ts mergeIdentFunction,
// `aitrail_im`), never taking a value the hook inherited. Real picks through the shims `init` installs, GIT_TRACE
// noting every git process.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tryGit } from '../helpers/enforce-repos.js';
import { tempDir } from '../helpers/gitdir.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

function setup() {
  const { repo, env, started } = hookedRepo();
  const runs = join(tempDir('aitrail-git-runs-'), 'trace');
  repo.git(['config', 'user.name', 'Jane Doe']);
  repo.git(['config', 'user.email', 'jane@example.com']);
  repo.git(['checkout', '-q', '-b', 'side']);
  repo.commit('Work on side\n', { 'side.txt': 'side\n' });
  repo.git(['checkout', '-q', 'main']);
  const run = (args: string[], extra: NodeJS.ProcessEnv = {}) => {
    writeFileSync(runs, '');
    writeFileSync(started, '');
    const result = tryGit(repo.dir, args, { env: { ...env, GIT_TRACE: runs, GIT_AUTHOR_NAME: undefined, GIT_AUTHOR_EMAIL: undefined, ...extra } });
    expect(result.code, result.stderr).toBe(0);
    const lines = readFileSync(runs, 'utf8').split('\n');
    return { gitVar: lines.filter((line) => / built-in: git var GIT_AUTHOR_IDENT$/.test(line)).length, started: readFileSync(started, 'utf8').split('\n').filter(Boolean) };
  };
  return { repo, run };
}

describe("a person's cherry-pick or revert asks git var once (task s49k)", () => {
  it('one git var a pick and a revert, no node', () => {
    const { repo, run } = setup();
    expect(run(['cherry-pick', 'side'])).toEqual({ gitVar: 1, started: [] });
    expect(repo.git(['log', '-1', '--format=%s'])).toContain('Work on side');
    // The pick's answer is kept for later git processes while the config stays as it was (row 1184): the revert asks none.
    expect(run(['revert', '--no-edit', 'HEAD'])).toEqual({ gitVar: 0, started: [] });
  });

  it('an author name an agent uses still starts node, even with an answer handed in the environment', () => {
    const { repo, run } = setup();
    repo.git(['config', 'user.name', 'Claude']);
    const picked = run(['cherry-pick', 'side'], { aitrail_im: 'Jane Doe <jane@example.com>' });
    expect(picked.started.length).toBeGreaterThan(0);
  });
});

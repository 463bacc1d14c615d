// row 1063: the message hooks' config reading without git (comment-char.ts surelyUnset, rows 1035, 1054) opened
// each config file git may read and waited: a FIFO at `.git/config.worktree` (which git reads only under
// extensions.worktreeConfig) held node's commit hook for good while git itself never opened it.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo } from '../helpers/gitdir.js';

/** commentCharFor and commitEncodingFor from the built module, in a node of its own killed after 20 s. */
function askedInChild(dir: string, gitDir: string, env: NodeJS.ProcessEnv) {
  const script = `
    const [module, dir, gitDir, env] = process.argv.slice(1);
    import(module).then((m) => {
      const known = JSON.parse(env);
      process.stdout.write(JSON.stringify({ char: m.commentCharFor(dir, 'Add a feature\\n', { gitDir, env: known }), encoding: m.commitEncodingFor(dir, gitDir, known) ?? null }));
    });`;
  return spawnSync(process.execPath, ['-e', script, resolve('dist/hooks/comment-char.js'), dir, gitDir, JSON.stringify(env)], { cwd: dir, env: { ...env }, encoding: 'utf8', timeout: 20_000 });
}

describe('a config path that is a FIFO (row 1063)', () => {
  it('a FIFO at .git/config.worktree no one writes: the defaults, at once, as git (which never opens it) answers', () => {
    const repo = makeRepo();
    repo.commit('start\n', { 'a.txt': 'a\n' });
    const gitDir = join(repo.dir, '.git');
    const home = join(gitDir, 'home');
    mkdirSync(home);
    execFileSync('mkfifo', [join(gitDir, 'config.worktree')]);
    const env = { HOME: home, GIT_CONFIG_NOSYSTEM: '1', PATH: process.env.PATH };
    // git itself: unset, at once (exit 1), the FIFO never opened.
    const git = spawnSync('git', ['config', '--get', 'core.commentChar'], { cwd: repo.dir, env, encoding: 'utf8', timeout: 20_000 });
    expect([git.status, git.stdout]).toEqual([1, '']);
    const child = askedInChild(repo.dir, gitDir, env);
    expect(child.error, 'the hook waited on the FIFO').toBeUndefined();
    expect(child.status, child.stderr).toBe(0);
    expect(JSON.parse(child.stdout)).toEqual({ char: '#', encoding: null });
  }, 40_000);
});

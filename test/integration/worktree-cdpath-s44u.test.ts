// `git worktree add` runs post-checkout in the new worktree, which copies aitrail's shims (git mode,
// a hooks directory in the work tree) or husky's runtime there; it checks the folder it copies into
// with `cd <relative path> && pwd -P`. `cd` looks a relative path up in CDPATH first (and prints where it
// went), and CDPATH is inherited: a committed `.env` an agent loads (aider, Gemini CLI, Qwen Code) sets
// it to a committed folder holding a decoy of the hooks folder, and the copy was skipped: the agent's own
// worktree ran none of aitrail's hooks (rows 244, 246). Real repositories, the real `aitrail init`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { huskyDenyQwen } from '../helpers/hooked-repo.js';
import { makeRepo, TEST_GIT_ENV, tempDir } from '../helpers/gitdir.js';

describe('CDPATH from the environment at git worktree add (session 44)', () => {
  it("git mode: aitrail's shims are copied into the agent's worktree", () => {
    const repo = makeRepo();
    // The team's own hook committed in the hooks folder (so the folder is in every checkout), and a decoy of it elsewhere.
    repo.commit('start\n', {
      '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n',
      '.githooks/README': 'team hooks\n',
      'decoy/.githooks/README': 'decoy\n',
    });
    repo.git(['config', 'core.hooksPath', '.githooks']);
    const init = spawnSync(process.execPath, [BIN, 'init', '--mode', 'git'], { cwd: repo.dir, env: TEST_GIT_ENV, encoding: 'utf8' });
    expect(init.status, init.stderr).toBe(0);
    const worktree = join(tempDir('aitrail-cdpath-'), 'wt');
    const env = { ...TEST_GIT_ENV, CDPATH: 'decoy' };
    const added = tryGit(repo.dir, ['worktree', 'add', '-q', '-b', 'agent', worktree], { env });
    expect(added.code, added.stderr).toBe(0);
    // Before: `cd .githooks` went to decoy/.githooks, the check failed and nothing was copied.
    expect(existsSync(join(worktree, '.githooks', 'commit-msg')), added.stderr).toBe(true);
    expect(existsSync(join(worktree, 'decoy', '.githooks', 'commit-msg'))).toBe(false);
  });

  it("husky: husky's runtime is copied into the agent's worktree", () => {
    const { repo, setUp } = huskyDenyQwen();
    repo.commit('chore: decoy\n', { 'decoy/.husky/README': 'decoy\n' }, setUp);
    const worktree = join(tempDir('aitrail-cdpath-husky-'), 'wt');
    const added = tryGit(repo.dir, ['worktree', 'add', '-q', '-b', 'agent', worktree], { env: { ...setUp, AITRAIL: undefined, CDPATH: 'decoy' } });
    expect(added.code, added.stderr).toBe(0);
    expect(existsSync(join(worktree, '.husky', '_', 'h')), added.stderr).toBe(true);
  });
});

// git removes SQUASH_MSG (a `git merge --squash`'s) and MERGE_MSG (a `cherry-pick -n`'s) only when
// a commit is made or on `reset`/`switch`; a squash or pick given up with `git restore --staged
// --worktree .` (or `git merge --abort`, which has no merge to abort after `--squash`) leaves them.
// prepare-commit-msg read the models they declare into the next `git commit -m` (row 27's -m over a
// picked or squashed message): a person's own unrelated commit after giving up a squash of Qwen's
// branch was recorded as Qwen's and refused under `deny: ["qwen/*"]`. Real repositories, the hooks
// of the real `aitrail init`.
import { describe, expect, it } from 'vitest';
import { tryGit } from '../helpers/enforce-repos.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

const QWEN = 'Assisted-by: qwen-code:qwen/qwen3-coder';

function qwenBranch() {
  const hooked = hookedRepo();
  const { repo, env } = hooked;
  const setUp = { ...env, AITRAIL: '0' };
  repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' }, setUp);
  repo.git(['checkout', '-q', '-b', 'side']);
  repo.commit(`feat: q\n\n${QWEN}\n`, { 'q.ts': 'q\n' }, setUp);
  repo.git(['checkout', '-q', 'main']);
  return hooked;
}

const GIVE_UP = [
  ['git merge --squash, given up with git restore', ['merge', '--squash', 'side'], ['restore', '--staged', '--worktree', '.']],
  ['git merge --squash, given up with git merge --abort (which fails, leaving SQUASH_MSG) and git restore', ['merge', '--squash', 'side'], ['merge', '--abort']],
  ['git cherry-pick -n -x, given up with git restore', ['cherry-pick', '-n', '-x', 'side'], ['restore', '--staged', '--worktree', '.']],
] as const;

describe('a squash or -x pick given up: its prepared message does not speak for the next commit', () => {
  for (const [name, start, giveUp] of GIVE_UP) {
    it(`${name}: a person's own next commit records no model and passes`, () => {
      const { repo, env } = qwenBranch();
      expect(tryGit(repo.dir, [...start], { env }).code).toBe(0);
      tryGit(repo.dir, [...giveUp], { env });
      tryGit(repo.dir, ['restore', '--staged', '--worktree', '.'], { env });
      repo.git(['clean', '-fdq']);
      repo.write('mine.txt', 'm\n');
      repo.git(['add', 'mine.txt']);
      const made = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: mine'], { env });
      // Before: exit 1, model-denied for qwen/qwen3-coder (read from the prepared message), on mine.txt.
      expect(made.code, made.stderr).toBe(0);
      expect(repo.git(['log', '-1', '--format=%B'])).toBe('feat: mine');
    });
  }

  it('a squash not given up, committed with -m over SQUASH_MSG, still declares what it brings (refused)', () => {
    const { repo, env } = qwenBranch();
    expect(tryGit(repo.dir, ['merge', '--squash', 'side'], { env }).code).toBe(0);
    repo.write('mine.txt', 'm\n');
    repo.git(['add', 'mine.txt']);
    const made = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: squash side'], { env });
    expect(made.code).toBe(1);
    expect(made.stderr).toContain('model-denied');
  });

  it("a -x pick whose file is moved before the commit is not taken for one left behind: the blob it writes is staged (refused)", () => {
    const { repo, env } = qwenBranch();
    expect(tryGit(repo.dir, ['cherry-pick', '-n', '-x', 'side'], { env }).code).toBe(0);
    repo.git(['mv', 'q.ts', 'moved.ts']);
    const made = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: port q'], { env });
    expect(made.code).toBe(1);
    expect(made.stderr).toContain('model-denied');
  });
});

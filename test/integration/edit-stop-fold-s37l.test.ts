// An agent's work folded into the stopped commit by `git rebase --continue` at an `edit` stop: git
// amends the commit through its own `git commit`, with the rebase's variables and the author of
// rebase-merge/author-script, which the hooks took for a replay. Real repositories, the hooks
// installed by the real `aitrail init`, the rebases run by the real git (GIT_SEQUENCE_EDITOR scripts the todo).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { hookedRepo } from '../helpers/hooked-repo.js';
import { tempDir } from '../helpers/gitdir.js';

/** Qwen Code's environment, as the tests simulate the agent. */
function qwenCode(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, HOME: tempDir('aitrail-home-'), QWEN_CODE: '1', OPENAI_MODEL: 'qwen3-coder', GIT_EDITOR: 'true' };
}

const QWEN_TRAILER = 'Assisted-by: qwen-code:qwen/qwen3-coder';
const CLAUDE_TRAILER = 'Assisted-by: claude-code:anthropic/claude-sonnet-4';

/** A hooked repository (policy `policy`), two old human commits (the first declaring Claude), an interactive rebase stopped at `edit` on the first. */
function stoppedAtEdit(policy: string): { repo: ReturnType<typeof hookedRepo>['repo']; env: NodeJS.ProcessEnv } {
  const { repo, env } = hookedRepo();
  // Authored in the past: a commit made in the same second as the agent's, by the same author, may be taken for the one it amends.
  const setUp = { ...env, AITRAIL: '0', GIT_AUTHOR_DATE: '@1700000000 +0000' };
  repo.commit('chore: policy\n', { '.aitrailrc.yml': policy }, setUp);
  repo.commit(`one\n\n${CLAUDE_TRAILER}\n`, { 'one.txt': '1\n' }, setUp);
  repo.commit('two\n', { 'two.txt': '2\n' }, setUp);
  const started = tryGit(repo.dir, ['rebase', '-q', '-i', '--force-rebase', 'HEAD~2'], { env: { ...setUp, GIT_SEQUENCE_EDITOR: "sed -i -e '1s/^pick/edit/'", GIT_EDITOR: 'true' } });
  expect(existsSync(join(repo.dir, '.git/rebase-merge/amend')), started.stderr).toBe(true);
  return { repo, env };
}

describe('git rebase --continue at an edit stop', () => {
  it("Qwen Code's staged work folded into the stopped commit is recorded, and check refuses it under deny qwen/*", () => {
    const { repo, env } = stoppedAtEdit('policy:\n  deny: ["qwen/*"]\n');
    repo.write('one.txt', '1\nqwen wrote this\n');
    repo.git(['add', 'one.txt']);
    // git amends through `git commit -n` here (no commit-msg): prepare-commit-msg records, check, pre-push and pre-receive judge.
    const resumed = tryGit(repo.dir, ['rebase', '--continue'], { env: qwenCode(env) });
    expect(resumed.code, resumed.stderr).toBe(0);
    // Before: git's amend read as a replay: the commit landed with no Assisted-by: and check passed it.
    expect(repo.git(['log', '-1', '--format=%B', 'HEAD~1'])).toBe(`one\n\n${CLAUDE_TRAILER}\n${QWEN_TRAILER}`);
    const checked = aitrail(repo.dir, ['check', 'HEAD~2..HEAD'], { env });
    expect(checked.code).not.toBe(0);
    expect(checked.stdout + checked.stderr).toContain('qwen/qwen3-coder');
  });

  it("allowed, it is recorded beside the commit's own trailer; check passes it; the next pick stays a replay", () => {
    const { repo, env } = stoppedAtEdit('policy:\n  deny: ["openai/*"]\n');
    repo.write('one.txt', '1\nqwen wrote this\n');
    repo.git(['add', 'one.txt']);
    const resumed = tryGit(repo.dir, ['rebase', '--continue'], { env: qwenCode(env) });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B', 'HEAD~1'])).toBe(`one\n\n${CLAUDE_TRAILER}\n${QWEN_TRAILER}`);
    expect(repo.git(['show', 'HEAD~1:one.txt'])).toBe('1\nqwen wrote this');
    expect(repo.git(['log', '-1', '--format=%B'])).toBe('two');
    const checked = aitrail(repo.dir, ['check', 'HEAD~2..HEAD', '--format', 'json'], { env });
    expect(checked.code, checked.stderr).toBe(0);
  });

  it("a person's own folded change, and Qwen Code's --continue with nothing staged, stay replays", () => {
    const { repo, env } = stoppedAtEdit('policy:\n  deny: ["qwen/*"]\n');
    repo.write('one.txt', '1\nperson\n');
    repo.git(['add', 'one.txt']);
    const person = tryGit(repo.dir, ['rebase', '--continue'], { env: { ...env, GIT_EDITOR: 'true' } });
    expect(person.code, person.stderr).toBe(0);
    expect(repo.git(['log', '-2', '--format=%B'])).toBe(`two\n\none\n\n${CLAUDE_TRAILER}`);
    expect(repo.git(['show', 'HEAD~1:one.txt'])).toBe('1\nperson');

    const again = tryGit(repo.dir, ['rebase', '-q', '-i', '--force-rebase', 'HEAD~2'], { env: { ...env, AITRAIL: '0', GIT_SEQUENCE_EDITOR: "sed -i -e '1s/^pick/edit/'", GIT_EDITOR: 'true' } });
    expect(existsSync(join(repo.dir, '.git/rebase-merge/amend')), again.stderr).toBe(true);
    const resumed = tryGit(repo.dir, ['rebase', '--continue'], { env: qwenCode(env) });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(repo.git(['log', '-2', '--format=%B'])).toBe(`two\n\none\n\n${CLAUDE_TRAILER}`);
  });
});

// A push-to-deploy git dir init could not read under safe.bareRepository=explicit (session 43, helper i;
// README row 650): init and status asked git for receive.denyCurrentBranch from inside the git dir a
// push comes through (a linked worktree's `.git/worktrees/<id>`, a git dir made by `git init
// --separate-git-dir`); with `safe.bareRepository=explicit` in the global config git refuses to discover
// such a dir as a bare repository and read the global config alone: no key, no pre-receive, and Qwen's
// push to that path landed in the checkout unjudged (receive-pack, named the path, reads its config).
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail, envWithAitrailOnPath } from '../helpers/cli.js';
import { QWEN, commitCase, tryGit } from '../helpers/enforce-repos.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';

const POLICY = 'policy:\n  deny: ["qwen/*"]\n';

/** The test environment with aitrail on PATH and a global config holding safe.bareRepository=explicit. */
function explicitEnv(): NodeJS.ProcessEnv {
  const global = join(tempDir(), 'gitconfig');
  writeFileSync(global, '[safe]\n\tbareRepository = explicit\n');
  return { ...envWithAitrailOnPath(), GIT_CONFIG_GLOBAL: global };
}

/** A clone of `path`'s branch `branch`, with a Qwen commit on it pushed back (hooks skipped): the push. */
function qwenPush(path: string, branch: string, env: NodeJS.ProcessEnv): { clone: TestRepo; code: number; stderr: string } {
  const clone = makeRepo();
  clone.git(['remote', 'add', 'origin', path]);
  clone.git(['fetch', '-q', 'origin']);
  clone.git(['checkout', '-q', '-B', branch, `origin/${branch}`]);
  commitCase(clone, 'qwen', `feat: qwen\n\n${QWEN}\n`);
  const push = tryGit(clone.dir, ['push', '--no-verify', 'origin', branch], { env });
  return { clone, code: push.code, stderr: push.stderr };
}

describe('push-to-deploy git dirs under safe.bareRepository=explicit (s43i)', () => {
  it("a linked worktree's own config.worktree: init installs pre-receive and Qwen's push to its path is refused", () => {
    const env = explicitEnv();
    const server = makeRepo();
    server.commit('chore: policy\n', { '.aitrailrc.yml': POLICY });
    const deploy = join(tempDir(), 'deploy');
    server.git(['worktree', 'add', '-q', '-b', 'deploy', deploy, 'main']);
    server.git(['config', 'extensions.worktreeConfig', 'true']);
    expect(tryGit(deploy, ['config', '--worktree', 'receive.denyCurrentBranch', 'updateInstead']).code).toBe(0);
    const status = aitrail(server.dir, ['status', '--format', 'json'], { env });
    expect((JSON.parse(status.stdout) as { pushTarget: { denyCurrentBranch: string } | null }).pushTarget?.denyCurrentBranch, status.stderr).toBe('updateInstead');
    const init = aitrail(server.dir, ['init', '--mode', 'git'], { env });
    expect(init.code, init.stderr).toBe(0);
    expect(existsSync(join(server.dir, '.git', 'hooks', 'pre-receive'))).toBe(true);
    const push = qwenPush(deploy, 'deploy', env);
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain('pre-receive hook declined');
    expect(existsSync(join(deploy, 'src', 'qwen.ts'))).toBe(false);
  });

  it('a git dir made by --separate-git-dir taking pushes: init installs pre-receive and Qwen\'s push is refused', () => {
    const env = explicitEnv();
    const dir = join(tempDir(), 'site');
    const gitDir = join(tempDir(), 'site.git');
    expect(tryGit(tempDir(), ['init', '-q', '-b', 'main', `--separate-git-dir=${gitDir}`, dir]).code).toBe(0);
    writeFileSync(join(dir, '.aitrailrc.yml'), POLICY);
    for (const args of [['add', '.'], ['-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'chore: policy'], ['config', 'receive.denyCurrentBranch', 'updateInstead']]) expect(tryGit(dir, args).code).toBe(0);
    const init = aitrail(dir, ['init', '--mode', 'git'], { env });
    expect(init.code, init.stderr).toBe(0);
    expect(existsSync(join(gitDir, 'hooks', 'pre-receive'))).toBe(true);
    const push = qwenPush(dir, 'main', env);
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain('pre-receive hook declined');
    expect(existsSync(join(dir, 'src', 'qwen.ts'))).toBe(false);
  });
});

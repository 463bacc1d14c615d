import { appendFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail, envWithAitrailOnPath } from '../helpers/cli.js';
import { QWEN, commitCase, policyServer, tryGit } from '../helpers/enforce-repos.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';
import { deployWorktree, expectWorktreePushRefused } from '../helpers/receive-server.js';

const POLICY = 'policy:\n  deny: ["qwen/*"]\n';

/** A non-bare repository denying `qwen/*`, set up by `configure`, and a clone of it; init is the test's. */
function deployRepo(configure: (server: TestRepo) => void): { server: TestRepo; clone: TestRepo } {
  const server = makeRepo();
  server.commit('chore: policy\n', { '.aitrailrc.yml': POLICY });
  configure(server);
  const clone = makeRepo();
  clone.git(['remote', 'add', 'origin', server.dir]);
  clone.git(['fetch', '-q', 'origin']);
  clone.git(['reset', '-q', '--hard', 'origin/main']);
  return { server, clone };
}

/** Qwen's commit pushed from `clone` to the server's checked-out `main`: refused, `main` and the work tree unchanged. */
function expectQwenRefused(server: TestRepo, clone: TestRepo, env: NodeJS.ProcessEnv): void {
  const before = server.git(['rev-parse', 'main']);
  commitCase(clone, 'qwen', `feat: qwen\n\n${QWEN}\n`);
  const push = tryGit(clone.dir, ['push', '--no-verify', 'origin', 'main'], { env });
  expect(push.code, push.stderr).not.toBe(0);
  expect(push.stderr).toContain('pre-receive hook declined');
  expect(server.git(['rev-parse', 'main'])).toBe(before);
  expect(existsSync(join(server.dir, 'src', 'qwen.ts'))).toBe(false);
}

describe('receive.denyCurrentBranch read as receive-pack reads it', () => {
  it('a false integer (0x0, 00, -0, 0k) takes pushes: pre-receive installed, Qwen\'s push refused', () => {
    const env = envWithAitrailOnPath();
    for (const deny of ['0x0', '00', '-0', '0k']) {
      const { server, clone } = deployRepo((repo) => repo.git(['config', 'receive.denyCurrentBranch', deny]));
      const init = aitrail(server.dir, ['init', '--mode', 'git'], { env });
      expect(init.code, init.stderr).toBe(0);
      expect(existsSync(join(server.dir, '.git', 'hooks', 'pre-receive')), deny).toBe(true);
      if (deny === '0x0') expectQwenRefused(server, clone, env);
    }
  });

  it('the key with no value (git: true, refuse) or a true integer takes none: no pre-receive', () => {
    const env = envWithAitrailOnPath();
    const bare = deployRepo((repo) => appendFileSync(join(repo.dir, '.git', 'config'), '[receive]\n\tdenyCurrentBranch\n'));
    commitCase(bare.clone, 'person', 'feat: by hand\n');
    const pushed = tryGit(bare.clone.dir, ['push', '--no-verify', 'origin', 'main'], { env });
    expect(pushed.stderr).toContain('refusing to update checked out branch');
    for (const { server } of [bare, deployRepo((repo) => repo.git(['config', 'receive.denyCurrentBranch', '2']))]) {
      const init = aitrail(server.dir, ['init', '--mode', 'git'], { env });
      expect(init.code, init.stderr).toBe(0);
      expect(existsSync(join(server.dir, '.git', 'hooks', 'pre-receive'))).toBe(false);
    }
  });

  it('the main worktree\'s own config (config.worktree), init run from a linked worktree', () => {
    const env = envWithAitrailOnPath();
    const linked = join(tempDir(), 'staging');
    const { server, clone } = deployRepo((repo) => {
      repo.git(['worktree', 'add', '-q', '-b', 'staging', linked, 'main']);
      repo.git(['config', 'extensions.worktreeConfig', 'true']);
      repo.git(['config', '--worktree', 'receive.denyCurrentBranch', 'updateInstead']);
    });
    const init = aitrail(linked, ['init', '--mode', 'git'], { env });
    expect(init.code, init.stderr).toBe(0);
    expect(existsSync(join(server.dir, '.git', 'hooks', 'pre-receive'))).toBe(true);
    expectQwenRefused(server, clone, env);
  });
});

describe('a core.hooksPath git expands (~/…) is absolute for every push', () => {
  it('push-to-deploy with core.hooksPath=~/hooks: pre-receive installed there, Qwen\'s push refused', () => {
    const home = tempDir('aitrail-home-');
    const env = { ...envWithAitrailOnPath(), HOME: home };
    const { server, clone } = deployRepo((repo) => {
      repo.git(['config', 'receive.denyCurrentBranch', 'updateInstead']);
      repo.git(['config', 'core.hooksPath', '~/deploy-hooks']);
    });
    const init = aitrail(server.dir, ['init', '--mode', 'git'], { env });
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout + init.stderr).not.toContain('pushes here are not checked');
    expect(existsSync(join(home, 'deploy-hooks', 'pre-receive'))).toBe(true);
    expectQwenRefused(server, clone, env);
  });

  it('a bare server with core.hooksPath=~/srv-hooks and a linked worktree: init installs, the worktree path\'s push is refused', () => {
    const home = tempDir('aitrail-home-');
    const env = { ...envWithAitrailOnPath(), HOME: home };
    const server = policyServer(POLICY);
    server.remote.git(['config', 'core.hooksPath', '~/srv-hooks']);
    const deploy = deployWorktree(server);
    const init = aitrail(server.remote.dir, ['init'], { env });
    expect(init.code, init.stdout + init.stderr).toBe(0);
    expect(init.stdout + init.stderr).not.toContain('is relative');
    expect(existsSync(join(home, 'srv-hooks', 'pre-receive'))).toBe(true);
    expectWorktreePushRefused(server, deploy, env);
  });
});

describe('aitrail status in a repository that takes pushes into its checked-out branch', () => {
  it('says the pushes are not checked when receive.denyCurrentBranch was set after init, and checked once init ran again', () => {
    const env = envWithAitrailOnPath();
    const { server } = deployRepo(() => undefined);
    expect(aitrail(server.dir, ['init', '--mode', 'git'], { env }).code).toBe(0);
    expect(aitrail(server.dir, ['status'], { env }).stdout).not.toContain('Takes pushes');
    server.git(['config', 'receive.denyCurrentBranch', 'updateInstead']);
    const unchecked = aitrail(server.dir, ['status'], { env });
    expect(unchecked.stdout).toContain("Takes pushes into its checked-out branch (receive.denyCurrentBranch=updateInstead): they are NOT checked, no aitrail pre-receive runs from .git/hooks: run 'aitrail init'");
    expect(aitrail(server.dir, ['init', '--mode', 'git'], { env }).code).toBe(0);
    const checked = aitrail(server.dir, ['status', '--format', 'json'], { env });
    expect(JSON.parse(checked.stdout).pushTarget).toMatchObject({ denyCurrentBranch: 'updateInstead', checked: true, binary: true });
  });
});

describe('init --mode husky in a repository that takes pushes into its checked-out branch', () => {
  it('names a fix that gives pre-receive (not core.hooksPath=<top>/.husky, which init then refuses)', () => {
    const env = envWithAitrailOnPath();
    const { server, clone } = deployRepo((repo) => {
      repo.commit('chore: package\n', { 'package.json': '{"name":"site","version":"1.0.0"}\n' });
      repo.git(['config', 'receive.denyCurrentBranch', 'updateInstead']);
    });
    const init = aitrail(server.dir, ['init', '--mode', 'husky'], { env });
    expect(init.code, init.stderr).toBe(0);
    const said = init.stdout + init.stderr;
    expect(said).toContain('pushes here are not checked');
    expect(said).not.toContain(`git config core.hooksPath '${join(server.dir, '.husky')}'`);
    expect(said).toContain("unset core.hooksPath, run 'aitrail init --mode git'");
    // The fix followed: pre-receive, and Qwen's push refused.
    server.git(['config', '--unset', 'core.hooksPath']);
    expect(aitrail(server.dir, ['init', '--mode', 'git'], { env }).code).toBe(0);
    expectQwenRefused(server, clone, env);
  });
});

describe('aitrail status in a bare server with a relative core.hooksPath', () => {
  it('warns once a linked worktree was added after init: a push to its path runs no hook', () => {
    const env = envWithAitrailOnPath();
    const server = policyServer(POLICY);
    server.remote.git(['config', 'core.hooksPath', 'server-hooks']);
    expect(aitrail(server.remote.dir, ['init'], { env }).code).toBe(0);
    expect(aitrail(server.remote.dir, ['status'], { env }).stdout).not.toContain('Warning: core.hooksPath');
    deployWorktree(server);
    const status = aitrail(server.remote.dir, ['status'], { env });
    expect(status.stdout).toContain(`Warning: core.hooksPath 'server-hooks' is relative`);
    expect(status.stdout).toContain(join(server.remote.dir, 'worktrees', 'deploy', 'server-hooks'));
    expect(status.stdout).toContain(`git config core.hooksPath '${join(server.remote.dir, 'server-hooks')}'`);
  });
});

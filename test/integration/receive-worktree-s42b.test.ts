import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail, envWithAitrailOnPath } from '../helpers/cli.js';
import { commitCase, policyServer, tryGit } from '../helpers/enforce-repos.js';
import { deployWorktree, expectWorktreePushRefused, initServer } from '../helpers/receive-server.js';

describe('a push to the path of a linked worktree of the server (a deploy worktree)', () => {
  it('is refused, not judged by the policy of the branch that worktree has checked out', () => {
    const server = initServer();
    // The admin's deploy worktree, on a branch whose committed config denies nothing.
    const deploy = deployWorktree(server);
    writeFileSync(join(deploy, '.aitrailrc.yml'), 'policy:\n  deny: []\n');
    const loosened = tryGit(deploy, ['commit', '-q', '--no-verify', '-am', 'deploy: its own config']);
    expect(loosened.code, loosened.stderr).toBe(0);

    const { push, qwen } = expectWorktreePushRefused(server, deploy, server.env);
    expect(push.stderr).toContain(`Push to the repository itself (${server.remote.dir})`);

    // The same commit pushed to the repository itself is judged by its default branch's policy.
    const direct = tryGit(server.work.dir, ['push', '--no-verify', 'origin', 'main'], { env: server.env });
    expect(direct.code, direct.stderr).not.toBe(0);
    expect(direct.stderr).toContain(`error   ${qwen.slice(0, 12)} `);
    // A person's commit still lands there.
    server.work.git(['reset', '-q', '--hard', 'HEAD~1']);
    commitCase(server.work, 'person', 'feat: by hand\n');
    const honest = tryGit(server.work.dir, ['push', '--no-verify', 'origin', 'main'], { env: server.env });
    expect(honest.code, honest.stderr).toBe(0);
  });

  it('init in a bare server with a relative core.hooksPath and a linked worktree is refused: pushes to that worktree\'s path ran no hook', () => {
    const server = policyServer('policy:\n  deny: ["qwen/*"]\n');
    const env = envWithAitrailOnPath();
    server.remote.git(['config', 'core.hooksPath', 'server-hooks']);
    const deploy = deployWorktree(server);
    const refused = aitrail(server.remote.dir, ['init'], { env });
    expect(refused.code, refused.stdout + refused.stderr).toBe(2);
    expect(refused.stdout + refused.stderr).toContain(join(server.remote.dir, 'worktrees', 'deploy', 'server-hooks'));
    // Its advice followed: the hooks directory by its full path, which a push to the worktree's path runs too.
    server.remote.git(['config', 'core.hooksPath', join(server.remote.dir, 'server-hooks')]);
    const init = aitrail(server.remote.dir, ['init'], { env });
    expect(init.code, init.stdout + init.stderr).toBe(0);
    expectWorktreePushRefused(server, deploy, env);
  });

  it('init in a bare server with a relative core.hooksPath and no linked worktree installs, and says what a later one would do', () => {
    const server = policyServer('policy:\n  deny: ["qwen/*"]\n');
    server.remote.git(['config', 'core.hooksPath', 'server-hooks']);
    const init = aitrail(server.remote.dir, ['init'], { env: envWithAitrailOnPath() });
    expect(init.code, init.stdout + init.stderr).toBe(0);
    expect(init.stdout + init.stderr).toContain(`git config core.hooksPath '${join(server.remote.dir, 'server-hooks')}'`);
  });
});

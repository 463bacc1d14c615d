import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail, envWithAitrailOnPath } from '../helpers/cli.js';
import { QWEN, commitCase, tryGit } from '../helpers/enforce-repos.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';

const POLICY = 'policy:\n  deny: ["qwen/*"]\n';

/**
 * A non-bare repository denying `qwen/*` whose linked worktree `deploy` (branch `deploy`) takes
 * pushes into its checked-out branch by its own `config.worktree` (`extensions.worktreeConfig`),
 * and a clone on that branch. The repository's own config says nothing (git: refuse).
 */
function linkedDeploy(how: 'config.worktree' | 'onbranch' = 'config.worktree'): { server: TestRepo; deploy: string; clone: TestRepo } {
  const server = makeRepo();
  server.commit('chore: policy\n', { '.aitrailrc.yml': POLICY });
  const deploy = join(tempDir(), 'deploy');
  server.git(['worktree', 'add', '-q', '-b', 'deploy', deploy, 'main']);
  if (how === 'config.worktree') {
    server.git(['config', 'extensions.worktreeConfig', 'true']);
    tryGit(deploy, ['config', '--worktree', 'receive.denyCurrentBranch', 'updateInstead']);
  } else {
    // A file the repository's config includes only where HEAD is `deploy`: the linked worktree's git dir.
    const included = join(tempDir(), 'deploy.gitconfig');
    writeFileSync(included, '[receive]\n\tdenyCurrentBranch = updateInstead\n');
    server.git(['config', 'includeIf.onbranch:deploy.path', included]);
  }
  const clone = makeRepo();
  clone.git(['remote', 'add', 'origin', deploy]);
  clone.git(['fetch', '-q', 'origin']);
  clone.git(['checkout', '-q', '-B', 'deploy', 'origin/deploy']);
  return { server, deploy, clone };
}

describe('a linked worktree that takes pushes by its own config.worktree (s43f)', () => {
  it('init installs pre-receive, so Qwen\'s push to that worktree\'s path is refused and its checkout unchanged', () => {
    const env = envWithAitrailOnPath();
    const { server, deploy, clone } = linkedDeploy();
    const init = aitrail(server.dir, ['init', '--mode', 'git'], { env });
    expect(init.code, init.stderr).toBe(0);
    expect(existsSync(join(server.dir, '.git', 'hooks', 'pre-receive'))).toBe(true);
    expect(init.stdout + init.stderr).toContain(`receive.denyCurrentBranch=updateInstead (in the linked worktree's git dir ${join(server.dir, '.git', 'worktrees', 'deploy')})`);
    const before = server.git(['rev-parse', 'deploy']);
    commitCase(clone, 'qwen', `feat: qwen\n\n${QWEN}\n`);
    const push = tryGit(clone.dir, ['push', '--no-verify', 'origin', 'deploy'], { env });
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain('pre-receive hook declined');
    expect(server.git(['rev-parse', 'deploy'])).toBe(before);
    expect(existsSync(join(deploy, 'src', 'qwen.ts'))).toBe(false);
    // The way the note gives: the repository's own key, a push to its path, judged (and the linked checkout updated for a person's).
    server.git(['config', 'receive.denyCurrentBranch', 'updateInstead']);
    clone.git(['reset', '-q', '--hard', 'HEAD~1']);
    commitCase(clone, 'person', 'feat: by hand\n');
    expect(tryGit(clone.dir, ['push', '--no-verify', server.dir, 'deploy'], { env }).code).toBe(0);
    expect(existsSync(join(deploy, 'src', 'person.ts'))).toBe(true);
    commitCase(clone, 'qwen2', `feat: qwen\n\n${QWEN}\n`);
    const landed = server.git(['rev-parse', 'deploy']);
    const again = tryGit(clone.dir, ['push', '--no-verify', server.dir, 'deploy'], { env });
    expect(again.code, again.stderr).not.toBe(0);
    expect(again.stderr).toContain('pre-receive hook declined');
    expect(server.git(['rev-parse', 'deploy'])).toBe(landed);
    expect(existsSync(join(deploy, 'src', 'qwen2.ts'))).toBe(false);
  });

  it('the key in a file included for the worktree\'s branch (includeIf onbranch:): Qwen\'s push to its path refused', () => {
    const env = envWithAitrailOnPath();
    const { server, deploy, clone } = linkedDeploy('onbranch');
    expect(aitrail(server.dir, ['init', '--mode', 'git'], { env }).code).toBe(0);
    const before = server.git(['rev-parse', 'deploy']);
    commitCase(clone, 'qwen', `feat: qwen\n\n${QWEN}\n`);
    const push = tryGit(clone.dir, ['push', '--no-verify', 'origin', 'deploy'], { env });
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain('pre-receive hook declined');
    expect(server.git(['rev-parse', 'deploy'])).toBe(before);
    expect(existsSync(join(deploy, 'src', 'qwen.ts'))).toBe(false);
  });

  it('status says those pushes are not checked until init ran', () => {
    const env = envWithAitrailOnPath();
    const { server } = linkedDeploy();
    const status = aitrail(server.dir, ['status'], { env });
    expect(status.stdout).toContain("Takes pushes into its checked-out branch (receive.denyCurrentBranch=updateInstead (in the linked worktree's git dir");
    expect(status.stdout).toContain('they are NOT checked');
  });
});

// status --format json's pushTarget.denyCurrentBranch is git's value (session 43, helper i): row 637 put
// the note naming a linked worktree's git dir inside it (`updateInstead (in the linked worktree's git dir
// …)`), so a reader comparing it to `updateInstead` read a value git never has. The value stays git's; the
// linked worktree's git dir is its own field (`linkedGitDir`, null for the repository's own key).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail, envWithAitrailOnPath } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';

interface StatusJson {
  pushTarget: { denyCurrentBranch: string; linkedGitDir: string | null; checked: boolean } | null;
}

describe('status --format json of a repository taking pushes (s43i)', () => {
  it("keeps receive.denyCurrentBranch git's value and names a linked worktree's git dir in its own field", () => {
    const env = envWithAitrailOnPath();
    const server = makeRepo();
    server.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' });
    // A worktree path a person may choose: a leading dash and a space (git's id for it: `-deploy-x`).
    const deploy = join(tempDir(), '-deploy x');
    server.git(['worktree', 'add', '-q', '-b', 'deploy', '--', deploy, 'main']);
    server.git(['config', 'extensions.worktreeConfig', 'true']);
    expect(tryGit(deploy, ['config', '--worktree', 'receive.denyCurrentBranch', 'updateInstead']).code).toBe(0);
    const linked = aitrail(server.dir, ['status', '--format', 'json'], { env });
    expect(linked.code, linked.stderr).toBe(0);
    const shown = (JSON.parse(linked.stdout) as StatusJson).pushTarget;
    expect(shown).toMatchObject({ denyCurrentBranch: 'updateInstead', linkedGitDir: join(server.dir, '.git', 'worktrees', '-deploy-x'), checked: false });
    // The text still names the worktree.
    expect(aitrail(server.dir, ['status'], { env }).stdout).toContain(`receive.denyCurrentBranch=updateInstead (in the linked worktree's git dir ${join(server.dir, '.git', 'worktrees', '-deploy-x')})`);
    // The repository's own key: no linked git dir.
    server.git(['config', 'receive.denyCurrentBranch', 'ignore']);
    const own = (JSON.parse(aitrail(server.dir, ['status', '--format', 'json'], { env }).stdout) as StatusJson).pushTarget;
    expect(own).toMatchObject({ denyCurrentBranch: 'ignore', linkedGitDir: null });
  });
});

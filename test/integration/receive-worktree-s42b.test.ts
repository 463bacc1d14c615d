import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QWEN, commitCase, tryGit } from '../helpers/enforce-repos.js';
import { tempDir } from '../helpers/gitdir.js';
import { initServer } from '../helpers/receive-server.js';

describe('a push to the path of a linked worktree of the server (a deploy worktree)', () => {
  it('is refused, not judged by the policy of the branch that worktree has checked out', () => {
    const server = initServer();
    // The admin's deploy worktree, on a branch whose committed config denies nothing.
    const deploy = join(tempDir(), 'deploy');
    server.remote.git(['worktree', 'add', '-q', '-b', 'deploy', deploy, 'main']);
    writeFileSync(join(deploy, '.aitrailrc.yml'), 'policy:\n  deny: []\n');
    const loosened = tryGit(deploy, ['commit', '-q', '--no-verify', '-am', 'deploy: its own config']);
    expect(loosened.code, loosened.stderr).toBe(0);
    const before = server.remote.git(['rev-parse', 'main']);

    const qwen = commitCase(server.work, 'qwen', `feat: qwen\n\n${QWEN}\n`);
    const push = tryGit(server.work.dir, ['push', '--no-verify', deploy, 'main'], { env: server.env });
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain('came in through the linked worktree');
    expect(push.stderr).toContain(`Push to the repository itself (${server.remote.dir})`);
    expect(server.remote.git(['rev-parse', 'main'])).toBe(before);

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
});

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { aitrail, envWithAitrailOnPath } from '../helpers/cli.js';
import { policyServer, tryGit } from '../helpers/enforce-repos.js';
import { removeTempDirs } from '../helpers/gitdir.js';

/**
 * The server's reference-transaction shim (row s41L-1), as `aitrail init` installs it in a bare
 * repository, aitrail on the PATH, real pushes: honest pushes it must not hold up.
 */
afterAll(removeTempDirs);

function initServer() {
  const project = policyServer('policy:\n  deny: ["qwen/*"]\n');
  const env = envWithAitrailOnPath();
  const init = aitrail(project.remote.dir, ['init'], { env });
  expect(init.code, init.stderr).toBe(0);
  expect(existsSync(join(project.remote.dir, 'hooks', 'reference-transaction'))).toBe(true);
  return { ...project, env };
}

describe('the reference-transaction shim and honest pushes (row s41J-1)', () => {
  it('a push deleting a branch the server packed (gc, pack-refs) lands at once', () => {
    const { work, remote, env } = initServer();
    work.git(['checkout', '-q', '-b', 'feature']);
    work.write('f.ts', 'export const f = 1;\n');
    work.git(['add', '-A']);
    work.git(['commit', '-q', '--no-verify', '-m', 'feat: f']);
    const push = tryGit(work.dir, ['push', 'origin', 'feature'], { env });
    expect(push.code, push.stderr).toBe(0);
    remote.git(['pack-refs', '--all']);
    const started = Date.now();
    const deleted = tryGit(work.dir, ['push', 'origin', '--delete', 'feature'], { env });
    // Before: the shim waited on its own lock (git runs it for the packed-refs transaction inside
    // the deletion's, with the same parent) for a minute, then refused.
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(tryGit(remote.dir, ['rev-parse', '--verify', '--quiet', 'refs/heads/feature']).stdout).toBe('');
    expect(existsSync(join(remote.dir, 'aitrail', 'receive.lock'))).toBe(false);
  }, 120_000);
});

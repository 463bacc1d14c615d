import { describe, expect, it } from 'vitest';
import { aitrail, envWithAitrailOnPath } from '../helpers/cli.js';
import { QWEN, tryGit } from '../helpers/enforce-repos.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';

const DENY_QWEN = 'policy:\n  deny: ["qwen/*"]\n';

/**
 * A clone of a bare server whose `main` holds the policy (tracked as origin/HEAD), with the hooks
 * `aitrail init --mode git` installs and an aitrail on PATH: everything goes through git as a
 * person runs it, hooks on.
 */
function hookedClone(): { server: TestRepo; work: TestRepo; env: NodeJS.ProcessEnv } {
  const server = makeRepo({ bare: true });
  const work = makeRepo();
  const env = envWithAitrailOnPath();
  work.git(['remote', 'add', 'origin', server.dir]);
  work.commit('chore: policy\n', { '.aitrailrc.yml': DENY_QWEN });
  work.git(['push', '-q', '-u', 'origin', 'main']);
  work.git(['remote', 'set-head', 'origin', 'main']);
  expect(aitrail(work.dir, ['init', '--mode', 'git'], { env }).code).toBe(0);
  return { server, work, env };
}

/** Through the hooks: a branch that loosens the config, then Qwen's commit (commit-msg reads the work tree's loosened config: it passes). */
function loosenedQwenBranch(work: TestRepo, env: NodeJS.ProcessEnv, branch: string): void {
  expect(tryGit(work.dir, ['checkout', '-q', '-b', branch, 'main'], { env }).code).toBe(0);
  work.write('.aitrailrc.yml', 'policy: {}\n');
  work.write('src/q.ts', 'export const q = 1;\n');
  work.git(['add', '-A']);
  const made = tryGit(work.dir, ['commit', '-q', '-F', '-'], { env, input: `feat: parser\n\n${QWEN}\n` });
  expect(made.code, made.stderr).toBe(0);
}

describe('pre-push: the server named otherwise than by its remote', () => {
  it('judges a push given the remote\'s path or URL, a remote never fetched, or a remote named with a slash by the default branch\'s policy', () => {
    const { server, work, env } = hookedClone();
    loosenedQwenBranch(work, env, 'loose');
    expect(tryGit(work.dir, ['push', 'origin', 'loose'], { env }).code).not.toBe(0);
    work.git(['remote', 'add', 'team/up', server.dir]);
    work.git(['remote', 'add', 'backup', `file://${server.dir}/`]);
    const attempts: Record<string, string[]> = {
      path: ['push', server.dir, 'loose:path'],
      'file URL': ['push', `file://${server.dir}`, 'loose:url'],
      'remote never fetched': ['push', 'backup', 'loose:backup'],
      'remote with a slash': ['push', 'team/up', 'loose:slash'],
    };
    for (const [name, args] of Object.entries(attempts)) {
      const push = tryGit(work.dir, args, { env });
      expect(push.code, `${name}: ${push.stderr}`).not.toBe(0);
      expect(push.stderr, name).toContain('qwen/qwen3-coder');
    }
    expect(server.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).toBe('refs/heads/main');
    // A person's branch still goes to a server by its path.
    expect(tryGit(work.dir, ['checkout', '-q', 'main'], { env }).code).toBe(0);
    const human = tryGit(work.dir, ['push', server.dir, 'main:human'], { env });
    expect(human.code, human.stderr).toBe(0);
  });
});

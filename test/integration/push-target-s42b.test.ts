import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail, envWithAitrailOnPath } from '../helpers/cli.js';
import { QWEN, tryGit } from '../helpers/enforce-repos.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';

/** A non-bare repository denying `qwen/*` with `receive.denyCurrentBranch=<deny>` (and `core.hooksPath`), `aitrail init` run there, and a clone of it. */
function deployServer(deny: string, hooksPath?: string): { server: TestRepo; clone: TestRepo; init: string; env: NodeJS.ProcessEnv } {
  const server = makeRepo();
  server.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' });
  server.git(['config', 'receive.denyCurrentBranch', deny]);
  if (hooksPath !== undefined) server.git(['config', 'core.hooksPath', hooksPath]);
  const env = envWithAitrailOnPath();
  const init = aitrail(server.dir, ['init', '--mode', 'git'], { env });
  expect(init.code, init.stderr).toBe(0);
  const clone = makeRepo();
  clone.git(['remote', 'add', 'origin', server.dir]);
  clone.git(['fetch', '-q', 'origin']);
  clone.git(['reset', '-q', '--hard', 'origin/main']);
  return { server, clone, init: init.stdout + init.stderr, env };
}

describe('a non-bare repository that takes pushes into its checked-out branch (push-to-deploy)', () => {
  it('gets pre-receive from init: a denied model\'s commit pushed there is refused and never checked out', () => {
    const { server, clone, init, env } = deployServer('updateInstead');
    expect(existsSync(join(server.dir, '.git', 'hooks', 'pre-receive'))).toBe(true);
    // Not reference-transaction: git runs it for each commit made there too.
    expect(existsSync(join(server.dir, '.git', 'hooks', 'reference-transaction'))).toBe(false);
    expect(init).toContain('receive.denyCurrentBranch=updateInstead');
    const before = server.git(['rev-parse', 'main']);
    clone.commit(`feat: qwen\n\n${QWEN}\n`, { 'src/qwen.ts': 'export const q = 1;\n' });
    const push = tryGit(clone.dir, ['push', '--no-verify', 'origin', 'main'], { env });
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain('pre-receive hook declined');
    expect(server.git(['rev-parse', 'main'])).toBe(before);
    expect(existsSync(join(server.dir, 'src', 'qwen.ts'))).toBe(false);
    // A person's commit still lands and is checked out.
    clone.git(['reset', '-q', '--hard', 'origin/main']);
    clone.commit('feat: by hand\n', { 'src/hand.ts': 'export const h = 1;\n' });
    const honest = tryGit(clone.dir, ['push', '--no-verify', 'origin', 'main'], { env });
    expect(honest.code, honest.stderr).toBe(0);
    expect(existsSync(join(server.dir, 'src', 'hand.ts'))).toBe(true);
  });

  it('any spelling git reads as taking pushes (ignore, warn, a false boolean)', () => {
    for (const deny of ['IGNORE', 'warn', 'false']) {
      const { server } = deployServer(deny);
      expect(existsSync(join(server.dir, '.git', 'hooks', 'pre-receive')), deny).toBe(true);
    }
  });

  it('says so when git runs the pushes\' hooks from elsewhere (a relative core.hooksPath is read from the git dir)', () => {
    const { server, init } = deployServer('updateInstead', '.githooks');
    expect(init).toContain('pushes here are not checked');
    expect(init).toContain(join(server.dir, '.git', '.githooks'));
  });

  it('in husky mode says so too: husky\'s runtime (core.hooksPath .husky/_) is read from the git dir for a push, where no hook is', () => {
    const server = makeRepo();
    server.write('package.json', '{"name":"p","devDependencies":{"husky":"^9.1.7"}}\n');
    server.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' });
    server.git(['config', 'receive.denyCurrentBranch', 'updateInstead']);
    const init = aitrail(server.dir, ['init'], { env: envWithAitrailOnPath() });
    expect(init.code, init.stderr).toBe(0);
    expect(server.git(['config', 'core.hooksPath'])).toBe('.husky/_');
    expect(init.stdout + init.stderr).toContain('pushes here are not checked');
    expect(init.stdout + init.stderr).toContain(join(server.dir, '.git', '.husky', '_'));
  });

  it('a repository that refuses pushes into its branch (git\'s default) gets no server hooks', () => {
    const { server } = deployServer('refuse');
    expect(existsSync(join(server.dir, '.git', 'hooks', 'pre-receive'))).toBe(false);
    expect(existsSync(join(server.dir, '.git', 'hooks', 'reference-transaction'))).toBe(false);
  });
});

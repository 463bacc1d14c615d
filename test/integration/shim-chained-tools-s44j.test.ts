import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, envWithAitrailOnPath } from '../helpers/cli.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';

/**
 * The tools the generated hooks run by name before or outside the cleaned PATH (663): the client shims'
 * `mktemp` and `cat` for a chained pre-push or post-rewrite hook (git-lfs installs a pre-push), and the
 * post-checkout shim's `dirname`, `mkdir`, `cp`, `chmod` in a worktree `git worktree add` makes. With `.`
 * (or an empty entry) on PATH, git running hooks at the top, the repository's committed `./cat` ran.
 */
const TOOLS = ['mktemp', 'cat', 'dirname', 'mkdir', 'cp', 'chmod'];

function hostileRepo(hooksPath?: string) {
  const marker = join(tempDir('aitrail-marker-'), 'pwned');
  const repo = makeRepo();
  const files: Record<string, string> = { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' };
  for (const tool of TOOLS) files[tool] = `#!/bin/sh\necho ${tool} >>'${marker}'\nexit 0\n`;
  repo.commit('start\n', files);
  for (const tool of TOOLS) chmodSync(join(repo.dir, tool), 0o755);
  repo.git(['add', '--chmod=+x', ...TOOLS]);
  repo.git(['commit', '-q', '-m', 'tools executable']);
  const env = envWithAitrailOnPath();
  if (hooksPath) repo.git(['config', 'core.hooksPath', hooksPath]);
  // A hook the person had before init (git-lfs's pre-push): chained.
  const hooks = join(repo.dir, hooksPath ?? '.git/hooks');
  mkdirSync(hooks, { recursive: true });
  writeFileSync(join(hooks, 'pre-push'), '#!/bin/sh\nwhile read -r line; do :; done\nexit 0\n', { mode: 0o755 });
  const init = spawnSync(process.execPath, [BIN, 'init', '--mode', 'git'], { cwd: repo.dir, env, encoding: 'utf8' });
  expect(init.status, init.stderr).toBe(0);
  expect(existsSync(join(hooks, 'pre-push.aitrail-chained'))).toBe(true);
  return { repo, env, marker, dotFirst: { ...env, PATH: `.:${env.PATH ?? ''}` } };
}

describe("the repository's tools never run from `.` on PATH in the hooks' own steps (session 44)", () => {
  it("pre-push with a chained hook: the repository's ./mktemp and ./cat do not run; the chained hook and the push go on", () => {
    const { repo, marker, dotFirst } = hostileRepo();
    const origin = makeRepo({ bare: true });
    repo.git(['remote', 'add', 'origin', origin.dir]);
    const push = spawnSync('git', ['push', '-q', 'origin', 'HEAD:refs/heads/main'], { cwd: repo.dir, env: dotFirst, encoding: 'utf8' });
    expect(existsSync(marker), push.stderr).toBe(false);
    expect(push.status, push.stderr).toBe(0);
  });

  it("post-checkout of `git worktree add` (hooks in the work tree): the branch's ./dirname, ./mkdir, ./cp, ./chmod do not run; the shims are copied", () => {
    const { repo, marker, dotFirst } = hostileRepo('.githooks');
    const worktree = join(tempDir('aitrail-wt-'), 'wt');
    const added = spawnSync('git', ['worktree', 'add', '-q', '-b', 'side', worktree], { cwd: repo.dir, env: dotFirst, encoding: 'utf8' });
    expect(added.status, added.stderr).toBe(0);
    expect(existsSync(marker), added.stderr).toBe(false);
    expect(existsSync(join(worktree, '.githooks', 'commit-msg'))).toBe(true);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, TEST_GIT_ENV } from '../helpers/gitdir.js';
import { checkout, forkedPullRequest, origin, runAction, targetEvent } from '../helpers/github-action.js';

/**
 * scripts/action.sh's origin check (rows 515, 539): an origin git reads as a local repository
 * (a relative path, `file://<host>/<path>`) or through a remote helper (`<transport>::<address>`)
 * is never the workflow's repository on a server, though its text reads `github.com/acme/repo`.
 */
describe("the Action's origin check and origins git reads as a local path", () => {
  const dotcom = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/repo' };

  it('a rewrite (in a file .git/config includes) of https://github.com/acme/repo to the relative path github.com/acme/repo, a fork in the workspace: refused (exit 3), never the fork judged as origin', () => {
    const world = origin();
    const { fork, head } = forkedPullRequest(world, false);
    const runner = checkout(world, 'pull/1/head', head);
    runner.git(['remote', 'set-url', 'origin', 'https://github.com/acme/repo']);
    // Mallory's fork (its main moved to Qwen's commit) as a bare repository inside the workspace.
    mkdirSync(join(runner.dir, 'github.com', 'acme'), { recursive: true });
    spawnSync('git', ['clone', '-q', '--bare', fork.dir, join(runner.dir, 'github.com', 'acme', 'repo')], { env: TEST_GIT_ENV });
    const included = join(tempDir('aitrail-runner-include-'), 'rewrite.cfg');
    writeFileSync(included, '[url "github.com/acme/repo"]\n\tinsteadOf = https://github.com/acme/repo\n');
    runner.git(['config', 'include.path', included]);
    // git fetches the fork for origin: its main is Qwen's commit.
    expect(runner.git(['ls-remote', 'origin', 'refs/heads/main'])).toBe(`${head}\trefs/heads/main`);
    const run = runAction(runner, targetEvent('pull_request_target', world, head), dotcom);
    expect(run.status, run.stdout).toBe(3);
    expect(run.stdout).toContain('origin is github.com/acme/repo, not https://github.com/acme/repo');
    expect(run.stdout).not.toMatch(/commits? checked/);
  });

  it('file://github.com/acme/repo (git reads the path alone, /acme/repo) and a remote helper (`x::https://github.com/acme/repo`) are other repositories (exit 3); the same repository over https and ssh is not refused', () => {
    const world = origin();
    const { head } = forkedPullRequest(world, false);
    const runner = checkout(world, 'pull/1/head', head);
    const offline = { ...dotcom, GIT_SSH_COMMAND: 'false', GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.proxy', GIT_CONFIG_VALUE_0: 'http://127.0.0.1:9' };
    for (const url of ['file://github.com/acme/repo', 'x::https://github.com/acme/repo', 'github.com/acme/repo', './x://github.com/acme/repo']) {
      runner.git(['remote', 'set-url', 'origin', url]);
      const run = runAction(runner, targetEvent('pull_request_target', world, head), offline);
      expect(run.status, `${url}: ${run.stdout}`).toBe(3);
      expect(run.stdout, url).toContain(`origin is ${url}, not https://github.com/acme/repo`);
    }
    for (const url of ['https://github.com/acme/repo.git', 'git@github.com:acme/repo.git', 'ssh://git@[::1]:22/acme/repo']) {
      runner.git(['remote', 'set-url', 'origin', url]);
      const env = url.includes('[::1]') ? { ...offline, GITHUB_SERVER_URL: 'https://[::1]:8443' } : offline;
      const run = runAction(runner, targetEvent('pull_request_target', world, head), env);
      expect(run.stdout, url).not.toContain('origin is');
      expect(run.stdout, url).toContain('git fetch from origin failed');
    }
  });
});

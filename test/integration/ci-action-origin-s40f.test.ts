import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/gitdir.js';
import { serveOverHttp } from '../helpers/smart-http.js';
import { checkout, forkCheckout, forkedPullRequest, origin, repository, runAction, targetEvent } from '../helpers/github-action.js';

/**
 * scripts/action.sh's origin check (row 515) read as git reads origin: a rewrite rule the checkout's
 * config includes or keeps per worktree, and a URL whose host ends before a `?` or `#`; and the
 * same repository written as GitHub's SSH-over-443 host or an IPv6 address is not another one.
 */
describe("the Action's origin check and the checkout's config beyond .git/config", () => {
  it('a url.<fork>.insteadOf in a file .git/config includes (include.path, includeIf) or in .git/config.worktree: read as git fetches, refused (exit 3)', () => {
    const world = origin();
    const { fork, head } = forkedPullRequest(world, false);
    const runner = forkCheckout(fork);
    runner.git(['remote', 'set-url', 'origin', world.origin.dir]);
    const included = join(tempDir('aitrail-runner-include-'), 'rewrite.cfg');
    writeFileSync(included, `[url "${fork.dir}"]\n\tinsteadOf = ${world.origin.dir}\n`);
    for (const key of ['include.path', `includeIf.gitdir:${runner.dir}/.git.path`]) {
      runner.git(['config', key, included]);
      const run = runAction(runner, targetEvent('pull_request_target', world, head), repository(world.origin.dir));
      expect(run.status, `${key}: ${run.stdout}`).toBe(3);
      expect(run.stdout).toContain(`origin is ${fork.dir}, not`);
      expect(run.stdout).not.toMatch(/commits? checked/);
      runner.git(['config', '--unset', key]);
    }
    runner.git(['config', 'extensions.worktreeConfig', 'true']);
    runner.git(['config', '--worktree', `url.${fork.dir}.insteadOf`, world.origin.dir]);
    const worktree = runAction(runner, targetEvent('pull_request_target', world, head), repository(world.origin.dir));
    expect(worktree.status, worktree.stdout).toBe(3);
    expect(worktree.stdout).toContain(`origin is ${fork.dir}, not`);
  });

  it("an included file without a rewrite (actions/checkout v6's credentials file, an extraheader) changes nothing: judged", () => {
    const world = origin();
    const { head } = forkedPullRequest(world, false);
    const runner = checkout(world, 'pull/1/head', head);
    const credentials = join(tempDir('aitrail-runner-temp-'), 'git-credentials.config');
    writeFileSync(credentials, '[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic ***\n');
    runner.git(['config', `includeIf.gitdir:${runner.dir}/.git.path`, credentials]);
    const run = runAction(runner, targetEvent('pull_request_target', world, head), repository(world.origin.dir));
    expect(run.status, run.stdout).toBe(1);
    expect(run.stdout).toMatch(/^::error .*model-denied%3A qwen\/qwen3-coder/m);
  });
});

describe("the Action's origin check reads a URL's host as git and curl do", () => {
  const enterprise = { GITHUB_SERVER_URL: 'https://git.example.invalid', GITHUB_REPOSITORY: 'acme/repo' };

  it("a host ending before `#` or `?` (`http://<fork's server>#@git.example.invalid/acme/repo`): refused as another repository, never the fork's main fetched as the target", async () => {
    const world = origin();
    const { fork, head } = forkedPullRequest(world, false);
    const runner = forkCheckout(fork);
    // Mallory's server: git (curl) sends every request to it, the host ending at the `#` or `?`.
    const server = await serveOverHttp(fork.dir);
    try {
      for (const url of [`http://${server.hostPort}#@git.example.invalid/acme/repo`, `http://${server.hostPort}?@git.example.invalid/acme/repo`]) {
        runner.git(['remote', 'set-url', 'origin', url]);
        expect(runner.git(['ls-remote', 'origin', 'refs/heads/main']), url).toBe(`${head}\trefs/heads/main`);
        const run = runAction(runner, targetEvent('pull_request_target', world, head), enterprise);
        expect(run.status, `${url}: ${run.stdout}`).toBe(3);
        expect(run.stdout, url).toContain(`origin is ${url}, not https://git.example.invalid/acme/repo`);
        expect(run.stdout).not.toMatch(/commits? checked/);
      }
    } finally {
      server.stop();
    }
  });

  it('ssh://git@ssh.github.com:443 (SSH over the HTTPS port) and IPv6 hosts (`git@[::1]:o/r`, `ssh://git@[::1]:22/…`, `https://[::1]:8443/…`): the same repository, not refused; another path or host still is', () => {
    const world = origin();
    const { head } = forkedPullRequest(world, false);
    const runner = checkout(world, 'pull/1/head', head);
    // Past the origin check the fetch fails at once (no ssh, nothing listening): never `origin is …, not …`.
    const offline = { GIT_SSH_COMMAND: 'false' };
    const dotcom = { ...offline, GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/repo' };
    const v6 = { ...offline, GITHUB_SERVER_URL: 'https://[::1]:8443', GITHUB_REPOSITORY: 'acme/repo' };
    const same: [string, Record<string, string>][] = [
      ['ssh://git@ssh.github.com:443/acme/repo.git', dotcom],
      ['ssh://git@SSH.GitHub.com/acme/repo', dotcom],
      ['git@[::1]:acme/repo.git', v6],
      ['[::1]:acme/repo', v6],
      ['ssh://git@[::1]:22/acme/repo', v6],
      ['https://[::1]:8443/acme/repo/', v6],
    ];
    for (const [url, env] of same) {
      runner.git(['remote', 'set-url', 'origin', url]);
      const run = runAction(runner, targetEvent('pull_request_target', world, head), env);
      expect(run.stdout, url).not.toContain('origin is');
      expect(run.stdout, url).toContain('git fetch from origin failed');
    }
    const other: [string, Record<string, string>][] = [
      ['ssh://git@ssh.github.com:443/acme/other', dotcom],
      ['ssh://git@ssh.github.com.example.invalid/acme/repo', dotcom],
      ['git@[::2]:acme/repo', v6],
      ['ssh://git@ssh.github.com/acme/repo', { ...offline, GITHUB_SERVER_URL: 'https://ghe.example.invalid', GITHUB_REPOSITORY: 'acme/repo' }],
    ];
    for (const [url, env] of other) {
      runner.git(['remote', 'set-url', 'origin', url]);
      const run = runAction(runner, targetEvent('pull_request_target', world, head), env);
      expect(run.status, url).toBe(3);
      expect(run.stdout, url).toContain(`origin is ${url}, not`);
    }
  });
});

describe("the Action's fetch failing after actions/checkout (persist-credentials: false on a private repository)", () => {
  it('says to keep the checkout credentials, not only the permission (exit 3)', () => {
    const world = origin();
    const { head } = forkedPullRequest(world, false);
    const runner = checkout(world, 'pull/1/head', head);
    // The checkout fetched; the step after it cannot (no credentials left): origin unreadable.
    renameSync(world.origin.dir, `${world.origin.dir}-unreadable`);
    const run = runAction(runner, targetEvent('pull_request_target', world, head), repository(world.origin.dir));
    expect(run.status, run.stdout).toBe(3);
    expect(run.stdout).toContain("git fetch from origin failed: give the job contents: read permission, and keep actions/checkout's credentials (persist-credentials: false");
  });
});

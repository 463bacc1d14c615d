import { chownSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';
import { checkout, forkCheckout, forkedPullRequest, origin, POLICY, prEvent, pullRequest, repository, runAction, targetEvent } from '../helpers/github-action.js';

/**
 * scripts/action.sh fetches the target branch, its policy and the notes from `origin`: origin must
 * be the repository the workflow runs for (GITHUB_SERVER_URL/GITHUB_REPOSITORY), never a fork the
 * pull request's author owns, checked out by `repository: ${{ github.event.pull_request.head.repo.full_name }}`.
 */
const QWEN = 'Assisted-by: qwen-code:qwen/qwen3-coder';

describe("the GitHub Action with a checkout whose origin is not the workflow's repository", () => {
  it("pull_request_target checking out the fork's branch, whose main is the head: refused (exit 3), never 0 commits checked", () => {
    const world = origin();
    const { fork, head } = forkedPullRequest(world, false);
    const run = runAction(forkCheckout(fork), targetEvent('pull_request_target', world, head), repository(world.origin.dir));
    expect(run.status, run.stdout).toBe(3);
    expect(run.stdout).toContain(`::error title=aitrail::origin is ${fork.dir}, not file:///${world.origin.dir.replace(/^\//, '')}, the repository this workflow runs for`);
    expect(run.stdout).not.toMatch(/commits? checked/);
    // The same event with the head checked out from the workflow's own repository (ref: head.sha): judged.
    const own = checkout(world, 'pull/1/head', head);
    const judged = runAction(own, targetEvent('pull_request_target', world, head), repository(world.origin.dir));
    expect(judged.status, judged.stderr).toBe(1);
    expect(judged.stdout).toMatch(/^::error .*model-denied%3A qwen\/qwen3-coder/m);
  });

  it("a pull_request checkout of the fork whose main loosens the config: refused, not judged by the fork's policy", () => {
    const world = origin();
    const { fork, head } = forkedPullRequest(world, true);
    const event = { ...targetEvent('pull_request', world, head), ref: 'refs/pull/1/merge', sha: head };
    const run = runAction(forkCheckout(fork), event, repository(world.origin.dir));
    expect(run.status, run.stdout).toBe(3);
    expect(run.stdout).toMatch(/^::error title=aitrail::origin is .*, not .*, the repository this workflow runs for/m);
  });

  it("origin's URL rewritten by a url.<fork>.insteadOf a runner kept, or a second URL after the fork's: read as git fetches it, refused", () => {
    const world = origin();
    const { fork, head } = forkedPullRequest(world, false);
    const runner = forkCheckout(fork);
    runner.git(['remote', 'set-url', 'origin', world.origin.dir]);
    runner.git(['config', `url.${fork.dir}.insteadOf`, world.origin.dir]);
    const run = runAction(runner, targetEvent('pull_request_target', world, head), repository(world.origin.dir));
    expect(run.status, run.stdout).toBe(3);
    expect(run.stdout).toContain(`origin is ${fork.dir}, not`);
    // Two URLs, the fork's first: git fetches from the first, `git config --get` shows the last.
    runner.git(['config', '--unset', `url.${fork.dir}.insteadOf`]);
    runner.git(['remote', 'set-url', 'origin', fork.dir]);
    runner.git(['config', '--add', 'remote.origin.url', world.origin.dir]);
    const two = runAction(runner, targetEvent('pull_request_target', world, head), repository(world.origin.dir));
    expect(two.status, two.stdout).toBe(3);
    expect(two.stdout).toContain(`origin is ${fork.dir}, not`);
  });

  it('the same repository written another way (file URL, a trailing / or .git, other case) goes on to the judgement; a workflow naming both range and config is not asked', () => {
    const world = origin();
    const { fork, head } = forkedPullRequest(world, false);
    const runner = checkout(world, 'pull/1/head', head);
    runner.git(['remote', 'set-url', 'origin', `file://${world.origin.dir}/`]);
    for (const name of [`${world.origin.dir.slice(1)}.git`, world.origin.dir.slice(1).toUpperCase()]) {
      const run = runAction(runner, targetEvent('pull_request_target', world, head), { GITHUB_SERVER_URL: 'FILE://', GITHUB_REPOSITORY: name });
      expect(run.status, run.stdout).toBe(1);
      expect(run.stdout).toMatch(/^::error .*model-denied%3A qwen\/qwen3-coder/m);
    }
    const policy = join(tempDir('aitrail-ci-policy-'), 'policy.json');
    writeFileSync(policy, POLICY);
    const named = runAction(forkCheckout(fork), targetEvent('pull_request_target', world, head), { ...repository(world.origin.dir), INPUT_RANGE: `${head}~1..${head}`, INPUT_CONFIG: policy });
    expect(named.status, named.stdout).toBe(1);
    expect(named.stdout).toMatch(/^::error .*model-denied%3A qwen\/qwen3-coder/m);
  });
});

describe('the origin check reads a port and repeated slashes as git does (s39)', () => {
  it('ssh with a port, https with :443, scp-like with a leading slash: the same repository, not refused as another; another path still is', () => {
    const world = origin();
    const { head } = forkedPullRequest(world, false);
    const runner = checkout(world, 'pull/1/head', head);
    const server = { GITHUB_SERVER_URL: 'https://git.example.invalid', GITHUB_REPOSITORY: 'acme/repo' };
    for (const url of ['ssh://git@git.example.invalid:22/acme/repo.git', 'https://git.example.invalid:443/Acme/Repo', 'git@git.example.invalid:/acme/repo.git']) {
      runner.git(['remote', 'set-url', 'origin', url]);
      const run = runAction(runner, targetEvent('pull_request_target', world, head), server);
      // Past the origin check, the fetch from the unreachable host fails: never `origin is …, not …`.
      expect(run.stdout, url).not.toContain('origin is');
    }
    runner.git(['remote', 'set-url', 'origin', 'ssh://git@git.example.invalid:22/acme/other.git']);
    const other = runAction(runner, targetEvent('pull_request_target', world, head), server);
    expect(other.status, other.stdout).toBe(3);
    expect(other.stdout).toContain('origin is ssh://git@git.example.invalid:22/acme/other.git, not https://git.example.invalid/acme/repo');
  });
});

describe('the GitHub Action on events whose GITHUB_SHA is the default branch tip, not the commits they are about', () => {
  it('workflow_run of a pull request run, issue_comment on a pull request and check_suite: refused (exit 2), never 0 commits checked; with a range input, judged', () => {
    const world = origin();
    world.dev.git(['checkout', '-q', '-b', 'feature', world.main]);
    const qwen = world.dev.commit(`feat: qwen\n\n${QWEN}\n`, { 'src/qwen.js': 'q\n' });
    world.dev.git(['push', '-q', 'origin', 'feature']);
    const runner = checkout(world, 'heads/main', world.main);
    const repo = { default_branch: 'main' };
    const events = [
      { name: 'workflow_run', ref: 'refs/heads/main', sha: world.main, payload: { action: 'completed', workflow_run: { head_sha: qwen, head_branch: 'feature', event: 'pull_request', pull_requests: [] }, repository: repo } },
      { name: 'issue_comment', ref: 'refs/heads/main', sha: world.main, payload: { action: 'created', issue: { number: 1, pull_request: { url: 'x' } }, comment: { body: '/aitrail' }, repository: repo } },
      { name: 'check_suite', ref: 'refs/heads/main', sha: world.main, payload: { action: 'completed', check_suite: { head_sha: qwen, head_branch: 'feature' }, repository: repo } },
    ];
    for (const event of events) {
      const run = runAction(runner, event);
      expect(run.status, `${event.name}: ${run.stdout}`).toBe(2);
      expect(run.stdout).toContain(`::error title=aitrail::a ${event.name} event's commit (GITHUB_SHA) is the default branch's tip`);
      expect(run.stdout).not.toMatch(/commits? checked/);
    }
    runner.git(['fetch', '-q', 'origin', '+refs/heads/feature:refs/remotes/origin/feature']);
    const ranged = runAction(runner, events[0]!, { INPUT_RANGE: `refs/remotes/origin/main..${qwen}` });
    expect(ranged.status, ranged.stdout).toBe(1);
    expect(ranged.stdout).toMatch(/^::error .*model-denied%3A qwen\/qwen3-coder/m);
  });
});

describe('the GitHub Action with squash-notes in a workflow that also runs on open pull requests', () => {
  it("an opened or synchronize event with Qwen's commit: refused (exit 2), not a pass as a pull request 'not merged'", () => {
    const world = origin();
    const { head, merge } = pullRequest(world, [{ message: `feat: qwen\n\n${QWEN}\n`, files: { 'src/qwen.js': 'q\n' } }]);
    const runner = checkout(world, 'pull/1/merge', merge);
    for (const action of ['opened', 'synchronize']) {
      const event = prEvent(head, merge);
      const run = runAction(runner, { ...event, payload: { ...event.payload, action } }, { INPUT_SQUASH_NOTES: 'true' });
      expect(run.status, `${action}: ${run.stderr}`).toBe(2);
      expect(run.stdout).toContain(`this is a pull request ${action} event, which it would pass unjudged`);
    }
    const judged = runAction(runner, prEvent(head, merge));
    expect(judged.status).toBe(1);
  });
});

describe("the GitHub Action and Qwen Code's own notes (refs/notes/ai-attribution)", () => {
  /** A note as Qwen Code writes it (see qwen-attribution-notes-s38k.test.ts): its generator `Qwen-Coder` is qwen/unknown. */
  const qwenNote = (path: string) =>
    JSON.stringify({ version: 1, generator: 'Qwen-Coder', files: { [path]: { aiChars: 120, humanChars: 0, percent: 100, surface: 'cli' } }, summary: { aiPercent: 100, aiChars: 120, humanChars: 0, totalFilesTouched: 1, surfaces: ['cli'] } });

  it("a pull request commit with no Qwen line (a heredoc message, hooks off) named by its pushed Qwen Code note: fetched and refused, as check refuses it locally", () => {
    const world = origin();
    const { head, merge } = pullRequest(world, [{ message: 'feat: parser\n\nParse the input.\n', files: { 'src/parse.js': 'p\n' } }]);
    world.dev.git(['notes', '--ref=refs/notes/ai-attribution', 'add', '-f', '-m', qwenNote('src/parse.js'), head]);
    world.dev.git(['push', '-q', 'origin', 'refs/notes/ai-attribution']);
    const runner = checkout(world, 'pull/1/merge', merge);
    const run = runAction(runner, prEvent(head, merge));
    expect(run.status, run.stdout).toBe(1);
    expect(run.stdout).toMatch(/^::error file=src\/parse\.js,title=aitrail model-denied%3A qwen\/unknown/m);
    expect(runner.git(['rev-parse', 'refs/notes/ai-attribution'])).toBe(world.origin.git(['rev-parse', 'refs/notes/ai-attribution']));
  });

  it('a branch named refs/notes/ai-attribution (refs/heads/refs/notes/ai-attribution) on a remote without those notes is not fetched as them: its note names no model for an innocent pull request', () => {
    const world = origin();
    const { head, merge } = pullRequest(world, [{ message: 'feat: parser\n', files: { 'src/parse.js': 'p\n' } }]);
    world.dev.git(['notes', '--ref=refs/notes/fake', 'add', '-f', '-m', qwenNote('src/parse.js'), head]);
    world.dev.git(['push', '-q', 'origin', 'refs/notes/fake:refs/heads/refs/notes/ai-attribution']);
    const runner = checkout(world, 'pull/1/merge', merge);
    const run = runAction(runner, prEvent(head, merge));
    expect(run.status, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/^aitrail: 1 commit checked, 0 errors, 0 warnings\.$/m);
    expect(runner.git(['for-each-ref', 'refs/notes'])).toBe('');
  });
});

describe("the GitHub Action's origin check and a machine's own insteadOf", () => {
  it("a global url.<mirror>.insteadOf (a self-hosted runner's git mirror) does not make the workflow's repository another one", () => {
    const world = origin();
    const { head } = forkedPullRequest(world, false);
    const mirror = makeRepo({ bare: true });
    world.dev.git(['push', '-q', mirror.dir, 'refs/heads/*:refs/heads/*', 'refs/pull/*:refs/pull/*']);
    const runner = checkout(world, 'pull/1/head', head);
    const global = join(tempDir('aitrail-runner-home-'), 'gitconfig');
    writeFileSync(global, `[url "${mirror.dir}"]\n\tinsteadOf = ${world.origin.dir}\n`);
    const run = runAction(runner, targetEvent('pull_request_target', world, head), { ...repository(world.origin.dir), GIT_CONFIG_GLOBAL: global });
    expect(run.status, run.stdout).toBe(1);
    expect(run.stdout).toMatch(/^::error .*model-denied%3A qwen\/qwen3-coder/m);
  });

  // A container job: the workspace belongs to another user, and actions/checkout adds it to the global safe.directory.
  it.skipIf(process.getuid?.() !== 0)('a workspace owned by another user, trusted by the global safe.directory as actions/checkout sets it: origin is read, not refused', () => {
    const world = origin();
    const { head } = forkedPullRequest(world, false);
    const runner = checkout(world, 'pull/1/head', head);
    chownSync(runner.dir, 12345, 12345);
    for (const entry of readdirSync(runner.dir, { recursive: true, encoding: 'utf8' })) chownSync(join(runner.dir, entry), 12345, 12345);
    const global = join(tempDir('aitrail-runner-home-'), 'gitconfig');
    writeFileSync(global, `[safe]\n\tdirectory = ${runner.dir}\n`);
    const run = runAction(runner, targetEvent('pull_request_target', world, head), { ...repository(world.origin.dir), GIT_CONFIG_GLOBAL: global });
    expect(run.status, run.stdout).toBe(1);
    expect(run.stdout).toMatch(/^::error .*model-denied%3A qwen\/qwen3-coder/m);
  });
});

describe("the GitHub Action's switches", () => {
  it('fail-on-warnings or squash-notes written as another word than true or false (yes, on, 1, True quoted): refused (exit 2), not read as false', () => {
    const world = origin();
    const { head, merge } = pullRequest(world, [{ message: 'fix: by claude\n\nAssisted-by: claude-code:unknown\n', files: { 'src/more.js': 'm\n' } }]);
    const runner = checkout(world, 'pull/1/merge', merge);
    for (const value of ['yes', 'on', '1', 'True']) {
      const run = runAction(runner, prEvent(head, merge), { INPUT_FAIL_ON_WARNINGS: value });
      expect(run.status, `${value}: ${run.stdout}`).toBe(2);
      expect(run.stdout).toContain(`::error title=aitrail::the fail-on-warnings input is '${value}': write true or false`);
    }
    expect(runAction(runner, prEvent(head, merge), { INPUT_SQUASH_NOTES: 'yes' }).stdout).toContain("the squash-notes input is 'yes'");
    expect(runAction(runner, prEvent(head, merge), { INPUT_FAIL_ON_WARNINGS: 'true' }).status).toBe(1);
    expect(runAction(runner, prEvent(head, merge), { INPUT_FAIL_ON_WARNINGS: 'false' }).status).toBe(0);
  });
});

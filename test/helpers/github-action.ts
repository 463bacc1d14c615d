import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { BIN } from './cli.js';
import { makeRepo, NETWORK_ENV, tempDir, TEST_GIT_ENV, type TestRepo } from './gitdir.js';

/**
 * action.yml's script (scripts/action.sh) run as GitHub runs it: a bare "origin" holding the
 * branches and refs/pull/<n>/merge, a runner checkout made as actions/checkout makes it (depth 1,
 * detached at the merge commit), the GITHUB_* variables, an event payload file and a job summary file.
 */
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const ACTION_SCRIPT = join(PACKAGE_ROOT, 'scripts', 'action.sh');
export const POLICY = '{ "policy": { "deny": ["qwen/*"] } }\n';

export interface Origin {
  origin: TestRepo;
  dev: TestRepo;
  main: string;
}

/** origin with main (the policy, a file), pushed from a developer clone. */
export function origin(): Origin {
  const origin = makeRepo({ bare: true });
  const dev = makeRepo();
  dev.git(['remote', 'add', 'origin', origin.dir]);
  const main = dev.commit('initial\n', { '.aitrailrc.json': POLICY, 'src/app.js': 'one\ntwo\n' });
  dev.git(['push', '-q', 'origin', 'main']);
  return { origin, dev, main };
}

/**
 * A pull request: `feature` from main with `commits` (then whatever `more` commits in the developer's
 * clone, on `feature`), pushed with refs/pull/1/head and /merge.
 */
export function pullRequest(world: Origin, commits: { message: string; files: Record<string, string> }[], more?: (dev: TestRepo) => void): { head: string; merge: string } {
  const { dev } = world;
  dev.git(['checkout', '-q', '-b', 'feature', world.main]);
  for (const commit of commits) dev.commit(commit.message, commit.files);
  more?.(dev);
  const head = dev.git(['rev-parse', 'HEAD']);
  dev.git(['checkout', '-q', '--detach', world.main]);
  dev.git(['merge', '-q', '--no-ff', '--no-verify', '-m', 'Merge pull request #1', head]);
  const merge = dev.git(['rev-parse', 'HEAD']);
  dev.git(['push', '-q', 'origin', `${head}:refs/heads/feature`, `${head}:refs/pull/1/head`, `${merge}:refs/pull/1/merge`]);
  return { head, merge };
}

/** What actions/checkout does for a pull_request event: fetch the merge commit at depth 1, check it out detached. */
export function checkout(world: Origin, ref: string, sha: string): TestRepo {
  const runner = makeRepo();
  runner.git(['remote', 'add', 'origin', world.origin.dir]);
  runner.git(['fetch', '-q', '--no-tags', '--depth=1', 'origin', `+${sha}:refs/remotes/${ref}`]);
  runner.git(['checkout', '-q', '--detach', `refs/remotes/${ref}`]);
  return runner;
}

export interface ActionRun {
  /** The runner's temporary directory (RUNNER_TEMP). */
  temp: string;
  status: number | null;
  stdout: string;
  stderr: string;
  summary: string;
}

/**
 * Run scripts/action.sh in `runner`. `bin`: the aitrail it runs (AITRAIL_ACTION_BIN; default this
 * checkout's); `null` lets the script install `aitrail@<INPUT_VERSION>` as on GitHub.
 */
export function runAction(runner: TestRepo, event: { name: string; ref: string; sha: string; payload: object; baseRef?: string; headRef?: string }, inputs: Record<string, string> = {}, bin: string | null = BIN): ActionRun {
  const temp = tempDir('aitrail-runner-temp-');
  const eventPath = join(temp, 'event.json');
  const summaryPath = join(temp, 'step_summary.md');
  writeFileSync(eventPath, JSON.stringify(event.payload));
  writeFileSync(summaryPath, '');
  // GitHub's repository of the run is the one actions/checkout fetched (the script refuses any other
  // origin): its path as GITHUB_SERVER_URL `file://` and an owner/name GITHUB_REPOSITORY.
  const originUrl = spawnSync('git', ['remote', 'get-url', 'origin'], { cwd: runner.dir, env: TEST_GIT_ENV, encoding: 'utf8' }).stdout.trim();
  const env: NodeJS.ProcessEnv = {
    ...TEST_GIT_ENV,
    PATH: `${dirname(process.execPath)}:/usr/bin:/bin`,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REF: event.ref,
    GITHUB_SHA: event.sha,
    GITHUB_BASE_REF: event.baseRef ?? '',
    GITHUB_HEAD_REF: event.headRef ?? '',
    GITHUB_WORKSPACE: runner.dir,
    GITHUB_SERVER_URL: 'file://',
    GITHUB_REPOSITORY: originUrl.replace(/^\//, ''),
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_ACTION_PATH: PACKAGE_ROOT,
    RUNNER_TEMP: temp,
    ...(bin === null ? NETWORK_ENV : { AITRAIL_ACTION_BIN: bin }),
    // action.yml passes every input, empty when not given (blame-since defaults to `base`).
    INPUT_RANGE: '',
    INPUT_CONFIG: '',
    INPUT_BLAME_PATHS: '',
    INPUT_BLAME_SINCE: 'base',
    INPUT_FAIL_ON_WARNINGS: 'false',
    INPUT_SQUASH_NOTES: 'false',
    INPUT_VERSION: '',
    ...inputs,
  };
  const result = spawnSync('bash', [ACTION_SCRIPT], { cwd: runner.dir, env, encoding: 'utf8' });
  return { temp, status: result.status, stdout: result.stdout, stderr: result.stderr, summary: readFileSync(summaryPath, 'utf8') };
}

export function prEvent(head: string, merge: string) {
  return { name: 'pull_request', ref: 'refs/pull/1/merge', sha: merge, baseRef: 'main', headRef: 'feature', payload: { number: 1, pull_request: { number: 1, head: { sha: head, ref: 'feature' }, base: { ref: 'main' } }, repository: { default_branch: 'main' } } };
}

/** The run's repository as GitHub names it, for a bare repository at `dir`. */
export const repository = (dir: string) => ({ GITHUB_SERVER_URL: 'file://', GITHUB_REPOSITORY: dir.replace(/^\//, '') });

/**
 * Mallory's fork of origin: `feature` = Qwen's commit (pushed to origin as refs/pull/1/head too),
 * and the fork's own `main` moved to the head itself, or (`loosen`) to a loosened config under it.
 */
export function forkedPullRequest(world: Origin, loosen: boolean): { fork: TestRepo; head: string } {
  const fork = makeRepo({ bare: true });
  const { dev } = world;
  dev.git(['checkout', '-q', '-b', 'feature', world.main]);
  const loose = loosen ? dev.commit('chore: tidy config\n', { '.aitrailrc.json': '{ "policy": { "allow": ["qwen/*"] } }\n' }) : null;
  const head = dev.commit('feat: qwen\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', { 'src/qwen.js': 'q\n' });
  dev.git(['push', '-q', fork.dir, `${head}:refs/heads/feature`, `${loose ?? head}:refs/heads/main`]);
  dev.git(['push', '-q', 'origin', `${head}:refs/pull/1/head`]);
  return { fork, head };
}

/** actions/checkout of the fork's branch (`repository:` the head repository, `ref:` its branch). */
export function forkCheckout(fork: TestRepo): TestRepo {
  const runner = makeRepo();
  runner.git(['remote', 'add', 'origin', fork.dir]);
  runner.git(['fetch', '-q', '--no-tags', '--depth=1', 'origin', '+refs/heads/feature:refs/remotes/origin/feature']);
  runner.git(['checkout', '-q', '--detach', 'refs/remotes/origin/feature']);
  return runner;
}

/** The event `name` of the pull request whose head is `head`, GITHUB_SHA main's tip (as pull_request_target sets it). */
export function targetEvent(name: string, world: Origin, head: string) {
  return { name, ref: 'refs/heads/main', sha: world.main, baseRef: 'main', headRef: 'feature', payload: { number: 1, pull_request: { number: 1, head: { sha: head, ref: 'feature' }, base: { ref: 'main' } }, repository: { default_branch: 'main' } } };
}

/**
 * A pull request `event` judged on a checkout of the base branch's tip (actions/checkout's default on
 * pull_request_target): exit 2 and one `::error` line naming the head and the checkout's fix (rows 929, 934). That line.
 */
export function expectHeadMissing(event: string): string {
  const world = origin();
  const { head } = pullRequest(world, [{ message: 'feat: x\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', files: { 'src/x.js': 'x\n' } }]);
  const run = runAction(checkout(world, 'origin/main', world.main), targetEvent(event, world, head));
  expect(run.status, run.stdout + run.stderr).toBe(2);
  const error = run.stdout.split('\n').filter((line) => line.startsWith('::error '));
  expect(error).toHaveLength(1);
  expect(error[0]).toContain(head);
  expect(error[0]).toContain('ref: ${{ github.event.pull_request.head.sha }}');
  expect(run.summary).toContain('github.event.pull_request.head.sha');
  expect(run.summary).not.toContain('could not judge');
  return error[0]!;
}

import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { makeRepo, tempDir, TEST_GIT_ENV, type TestRepo } from '../helpers/gitdir.js';
import { origin, pullRequest, type Origin } from '../helpers/github-action.js';

/**
 * The README's CI recipes (the GitHub workflow "by hand" and the GitLab job) run as written, in a
 * runner clone of a real origin: the insider's pull request brings Qwen's commit and an aitrail of
 * its own (node_modules/aitrail at the pinned version, a committed `.bin` link).
 */
const README = readFileSync(join(fileURLToPath(new URL('../../', import.meta.url)), 'README.md'), 'utf8');
const QWEN = 'Assisted-by: qwen-code:qwen/qwen3-coder';
const MARKER = 'the pull request own aitrail ran';

/** The first ```yaml block after `heading` that holds `needle`, parsed. */
function yamlBlock(heading: string, needle: string): unknown {
  const section = README.slice(README.indexOf(heading));
  for (const match of section.matchAll(/```yaml\n([\s\S]*?)```/g)) {
    if (match[1].includes(needle)) return load(match[1]);
  }
  throw new Error(`no yaml block with ${needle} after ${heading}`);
}

function githubByHand(): { script: string; env: Record<string, string> } {
  const workflow = yamlBlock('The same by hand, without the action', 'name: aitrail check') as { jobs: { aitrail: { steps: { name?: string; run?: string; env?: Record<string, string> }[] } } };
  const step = workflow.jobs.aitrail.steps.find((candidate) => candidate.name === 'aitrail check');
  if (step?.run === undefined) throw new Error('no aitrail check step');
  return { script: step.run, env: step.env ?? {} };
}

function gitlabJob(): string {
  const job = yamlBlock('### GitLab CI', 'CI_MERGE_REQUEST_TARGET_BRANCH_NAME') as { aitrail: { script: string[] } };
  return job.aitrail.script.join('\n');
}

/** A pull request of Qwen's commit plus a fake aitrail@0.1.0 under node_modules, with refs/pull/1/merge. */
function hostilePullRequest(world: Origin): { head: string; merge: string } {
  return pullRequest(world, [{ message: `feat: qwen\n\n${QWEN}\n`, files: { 'src/qwen.js': 'q\n' } }], (dev) => {
    const pkg = join(dev.dir, 'node_modules', 'aitrail');
    mkdirSync(pkg, { recursive: true });
    mkdirSync(join(dev.dir, 'node_modules', '.bin'), { recursive: true });
    writeFileSync(join(pkg, 'package.json'), '{ "name": "aitrail", "version": "0.1.0", "bin": { "aitrail": "cli.js" } }\n');
    writeFileSync(join(pkg, 'cli.js'), `#!/bin/sh\necho '${MARKER}'\necho 'aitrail: 1 commit checked, 0 errors, 0 warnings.'\n`);
    chmodSync(join(pkg, 'cli.js'), 0o755);
    symlinkSync('../aitrail/cli.js', join(dev.dir, 'node_modules', '.bin', 'aitrail'));
    dev.git(['add', '-f', 'node_modules']);
    dev.git(['commit', '-q', '--no-verify', '-m', 'chore: vendor tooling']);
  });
}

/** The clone CI makes: every branch as origin/<branch> (fetch-depth 0, GIT_DEPTH 0), detached at `sha`. */
function fullClone(world: Origin, ref: string, sha: string): TestRepo {
  const runner = makeRepo();
  runner.git(['remote', 'add', 'origin', world.origin.dir]);
  runner.git(['fetch', '-q', '--no-tags', 'origin', '+refs/heads/*:refs/remotes/origin/*', `+${ref}:refs/remotes/merge`]);
  runner.git(['checkout', '-q', '--detach', sha]);
  return runner;
}

/**
 * The script as the runner runs it (GitHub: `bash -e`; GitLab: `set -eo pipefail`), with the real
 * npm on PATH and a registry that answers nothing (no network in tests: an install from it fails).
 */
function runRecipe(runner: TestRepo, script: string, env: Record<string, string>) {
  const temp = tempDir('aitrail-recipe-temp-');
  const result = spawnSync('bash', ['-eo', 'pipefail', '-c', script], {
    cwd: runner.dir,
    encoding: 'utf8',
    env: {
      ...TEST_GIT_ENV,
      PATH: `${dirname(process.execPath)}:/usr/bin:/bin`,
      HOME: temp,
      RUNNER_TEMP: temp,
      TMPDIR: temp,
      npm_config_registry: 'http://127.0.0.1:9/',
      npm_config_cache: join(temp, 'npm-cache'),
      npm_config_fetch_retries: '0',
      npm_config_update_notifier: 'false',
      ...env,
    },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("the README's CI recipes never run an aitrail the pull request brings", () => {
  it('GitHub, by hand: a pull request that commits node_modules/aitrail at the pinned version is not judged by it', () => {
    const world = origin();
    const { head, merge } = hostilePullRequest(world);
    const runner = fullClone(world, 'refs/pull/1/merge', merge);
    const { script, env } = githubByHand();
    expect(Object.keys(env)).toContain('HEAD_SHA');
    const result = runRecipe(runner, script, { EVENT: 'pull_request', TARGET: 'main', DEFAULT: 'main', BEFORE: '', HEAD_SHA: head, REF: 'refs/pull/1/merge' });
    expect(result.output).not.toContain(MARKER);
    expect(result.output).toMatch(/npm error/); // it went to the registry (none here) for aitrail@0.1.0
    expect(result.status).not.toBe(0);
  });

  it('GitLab: a merge request that commits node_modules/aitrail at the pinned version is not judged by it', () => {
    const world = origin();
    const { head } = hostilePullRequest(world);
    const runner = fullClone(world, 'refs/heads/feature', head);
    const result = runRecipe(runner, gitlabJob(), {
      CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
      CI_DEFAULT_BRANCH: 'main',
      CI_COMMIT_SHA: head,
      CI_COMMIT_BEFORE_SHA: '0000000000000000000000000000000000000000',
      CI_PIPELINE_SOURCE: 'merge_request_event',
    });
    expect(result.output).not.toContain(MARKER);
    expect(result.output).toMatch(/npm error/); // it went to the registry (none here) for aitrail@0.1.0
    expect(result.status).not.toBe(0);
  });
});

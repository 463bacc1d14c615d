import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { makeRepo, tempDir, TEST_GIT_ENV, type TestRepo } from '../helpers/gitdir.js';
import { origin } from '../helpers/github-action.js';

/**
 * Row 324: the README's GitHub workflow "by hand" took every event but `pull_request` on the
 * default branch's ref for a push to it, so the same job on `pull_request_target` (which runs with
 * GITHUB_REF = the base branch, and whose `synchronize` payload has a `before`: the pull request's
 * previous head) judged `<previous head>..<head>` by the previous head's own config.
 */
const README = readFileSync(join(fileURLToPath(new URL('../../', import.meta.url)), 'README.md'), 'utf8');
const QWEN = 'Assisted-by: qwen-code:qwen/qwen3-coder';

/** The "by hand" workflow's check step, its `npm install` replaced by this checkout's aitrail at the path the script runs. */
function recipe(): { script: string; env: Record<string, string> } {
  const section = README.slice(README.indexOf('The same by hand, without the action'));
  const block = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]!).find((text) => text.includes('name: aitrail check'))!;
  const workflow = load(block) as { jobs: { aitrail: { steps: { name?: string; run?: string; env?: Record<string, string> }[] } } };
  const step = workflow.jobs.aitrail.steps.find((candidate) => candidate.name === 'aitrail check')!;
  const lines = step.run!.split('\n');
  expect(lines.filter((line) => /^\s*npm install /.test(line))).toHaveLength(1);
  return { script: lines.map((line) => (/^\s*npm install /.test(line) ? ':' : line)).join('\n'), env: step.env ?? {} };
}

function run(runner: TestRepo, env: Record<string, string>) {
  const temp = tempDir('aitrail-recipe-temp-');
  mkdirSync(join(temp, 'aitrail', 'node_modules', '.bin'), { recursive: true });
  const bin = join(temp, 'aitrail', 'node_modules', '.bin', 'aitrail');
  writeFileSync(bin, `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`);
  chmodSync(bin, 0o755);
  const result = spawnSync('bash', ['-eo', 'pipefail', '-c', recipe().script], { cwd: runner.dir, encoding: 'utf8', env: { ...TEST_GIT_ENV, PATH: `${dirname(process.execPath)}:/usr/bin:/bin`, RUNNER_TEMP: temp, ...env } });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("the README's GitHub workflow by hand, on events beyond push and pull_request (row 324)", () => {
  it('pull_request_target synchronize: a first commit that loosens the config, then Qwen\'s, is judged by the default branch, not by the previous head', () => {
    expect(Object.keys(recipe().env)).toEqual(expect.arrayContaining(['EVENT', 'BEFORE', 'HEAD_SHA', 'REF']));
    const world = origin();
    const { dev } = world;
    dev.git(['checkout', '-q', '-b', 'feature', world.main]);
    const loosen = dev.commit('chore: config\n', { '.aitrailrc.json': '{ "policy": { "allow": ["qwen/*"] } }\n' });
    const qwen = dev.commit(`feat: qwen\n\n${QWEN}\n`, { 'src/qwen.js': 'q\n' });
    dev.git(['push', '-q', 'origin', 'feature']);
    // actions/checkout on pull_request_target: the base branch, every branch as origin/<branch> (fetch-depth 0).
    const runner = makeRepo();
    runner.git(['remote', 'add', 'origin', world.origin.dir]);
    runner.git(['fetch', '-q', '--no-tags', 'origin', '+refs/heads/*:refs/remotes/origin/*']);
    runner.git(['checkout', '-q', '--detach', world.main]);
    // What the workflow's env maps for pull_request_target (action synchronize): base.ref, event.before = the previous head.
    const result = run(runner, { EVENT: 'pull_request_target', TARGET: 'main', DEFAULT: 'main', BEFORE: loosen, HEAD_SHA: qwen, REF: 'refs/heads/main' });
    expect(result.status, result.output).toBe(1);
    expect(result.output).toMatch(/^::error .*model-denied%3A qwen\/qwen3-coder/m);
    expect(result.output).toMatch(/policy from [0-9a-f]{40}:\.aitrailrc\.json \[--policy-from refs\/remotes\/origin\/main\]/);
    // workflow_dispatch on main (no before): judged (0 commits), not refused as a first push.
    const dispatch = run(runner, { EVENT: 'workflow_dispatch', TARGET: 'main', DEFAULT: 'main', BEFORE: '', HEAD_SHA: world.main, REF: 'refs/heads/main' });
    expect(dispatch.status, dispatch.output).toBe(0);
    expect(dispatch.output).toMatch(/0 commits checked/);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir, type TestRepo } from '../helpers/gitdir.js';
import { installPacked, ok, packed, run } from '../helpers/e2e.js';
import { checkout, origin, prEvent, pullRequest, runAction } from '../helpers/github-action.js';
import { preCommitConfig, preCommitProject } from '../helpers/pre-commit.js';

// Where users already are, with the packed tarball: the GitHub Action's script installing it as
// it installs aitrail from the registry, and the pre-commit framework running a project's aitrail.
const { tarball } = packed();
const OPUS = 'Assisted-by: claude-code:anthropic/claude-opus-4.6';
const QWEN = 'Assisted-by: qwen-code:qwen/qwen3-coder';

describe('the GitHub Action script, installing aitrail from the package', () => {
  // action.sh runs `npm install --prefix $RUNNER_TEMP/aitrail-action aitrail@<version input>`.
  const install = { INPUT_VERSION: `file:${tarball}`, npm_config_prefer_offline: 'true' };

  it('a pull request with a denied model: error annotation, exit 1, verdict and blame in the job summary', () => {
    const world = origin();
    const { head, merge } = pullRequest(world, [
      { message: `feat: opus\n\n${OPUS}\n`, files: { 'src/opus.js': 'a\nb\nc\n' } },
      { message: `feat: qwen\n\n${QWEN}\n`, files: { 'src/qwen.js': 'q\n' } },
    ]);
    const result = runAction(checkout(world, 'pull/1/merge', merge), prEvent(head, merge), install, null);
    expect(result.status, result.stderr).toBe(1);
    expect(JSON.parse(readFileSync(join(result.temp, 'aitrail-action', 'node_modules', 'aitrail', 'package.json'), 'utf8')).name).toBe('aitrail');
    expect(result.stdout).toMatch(/^::error file=src\/qwen\.js,title=aitrail model-denied%3A qwen\/qwen3-coder in [0-9a-f]{12}::/m);
    expect(result.summary).toContain(`### aitrail check\n\n:x: \`refs/remotes/origin/main..${head}\`: 2 commits checked, 1 error, 0 warnings.`);
    expect(result.summary).toContain(`### AI-authored lines at \`${head.slice(0, 12)}\` since \`${world.main.slice(0, 12)}\``);
    expect(result.summary).toMatch(/\*\*100(\.0)?%\*\* of 4 lines are AI-authored/);
  });

  it('a clean pull request passes (exit 0) with its summary', () => {
    const world = origin();
    const { head, merge } = pullRequest(world, [{ message: `feat: opus\n\n${OPUS}\n`, files: { 'src/opus.js': 'a\n' } }]);
    // The same package, installed once (the test above proved the script's own install): its binary.
    const installed = tempDir('aitrail-action-bin-');
    installPacked(installed);
    const result = runAction(checkout(world, 'pull/1/merge', merge), prEvent(head, merge), install, join(installed, 'node_modules', '.bin', 'aitrail'));
    expect(result.status, result.stderr).toBe(0);
    expect(result.summary).toContain(':white_check_mark: `refs/remotes/origin/main..');
    expect(result.summary).toContain('anthropic\\/claude\\-opus\\-4\\.6');
  });
});

describe('the pre-commit framework runs the project\'s aitrail (npm i -D from the package)', () => {
  let project: TestRepo;
  let remote: TestRepo;
  let env: NodeJS.ProcessEnv;
  const git = (args: string[], extra: NodeJS.ProcessEnv = {}) => run(project.dir, 'git', args, { ...env, ...extra });
  const trailer = () => project.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)']);

  beforeAll(() => {
    let hooks: { dir: string; rev: string };
    ({ hooks, project, remote } = preCommitProject());
    project.write('package.json', '{ "name": "app", "version": "1.0.0", "private": true }\n');
    project.write('.gitignore', 'node_modules/\n');
    project.write('.aitrailrc.json', '{ "$schema": "./node_modules/aitrail/schema.json", "policy": { "deny": ["qwen/*"] } }\n');
    project.write('.pre-commit-config.yaml', preCommitConfig(hooks));
    installPacked(project.dir);
    expect(existsSync(join(project.dir, 'node_modules', '.bin', 'aitrail'))).toBe(true);
    project.commit('initial\n');
    project.git(['push', '-q', 'origin', 'main']);
    // No aitrail on PATH: the shims find node_modules/.bin/aitrail.
    env = { PATH: `${dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`, PRE_COMMIT_HOME: tempDir('aitrail-pre-commit-home-') };
    ok(run(project.dir, 'pre-commit', ['install', '--hook-type', 'prepare-commit-msg', '--hook-type', 'commit-msg', '--hook-type', 'pre-push'], env));
  });

  it('prepare-commit-msg records, commit-msg refuses a denied model, pre-push refuses what --no-verify let in', () => {
    ok(git(['commit', '-q', '--allow-empty', '-m', 'feat: with opus'], { AITRAIL_MODEL: 'anthropic/claude-opus-4.6', AITRAIL_AGENT: 'claude-code' }));
    expect(trailer()).toBe('claude-code:anthropic/claude-opus-4.6');
    const before = project.git(['rev-parse', 'HEAD']);
    const refused = git(['commit', '-q', '--allow-empty', '-m', 'feat: with qwen'], { AITRAIL_MODEL: 'qwen/qwen3-coder' });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/aitrail policy \(commit\).*Failed/);
    expect(project.git(['rev-parse', 'HEAD'])).toBe(before);
    ok(git(['push', '-q', 'origin', 'main']));
    expect(remote.git(['rev-parse', 'main'])).toBe(before);
    ok(git(['commit', '-q', '--no-verify', '--allow-empty', '-m', 'feat: sneaked in'], { AITRAIL_MODEL: 'qwen/qwen3-coder' }));
    const push = git(['push', '-q', 'origin', 'main']);
    expect(push.status).not.toBe(0);
    expect(`${push.stdout}${push.stderr}`).toMatch(/qwen\/qwen3-coder/);
    expect(remote.git(['rev-parse', 'main'])).toBe(before);
  });
});

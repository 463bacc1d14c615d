import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { tempDir, TEST_GIT_ENV, type TestRepo } from '../helpers/gitdir.js';
import { hookRepository, preCommitConfig, preCommitProject } from '../helpers/pre-commit.js';

/**
 * The hooks of .pre-commit-hooks.yaml run by the pre-commit framework itself (Debian's
 * `pre-commit`; .ci/run installs it): a hook repository holding this checkout's manifest,
 * adapter and shims at a commit, a project whose .pre-commit-config.yaml names it by path and
 * rev, `pre-commit install` for the three hook types, then real commits and pushes.
 */
const OPUS = { AITRAIL_MODEL: 'anthropic/claude-opus-4.6', AITRAIL_AGENT: 'claude-code' };
const QWEN = { AITRAIL_MODEL: 'qwen/qwen3-coder', AITRAIL_AGENT: 'qwen-code' };

describe('the pre-commit framework runs the hooks of .pre-commit-hooks.yaml', () => {
  let project: TestRepo;
  let remote: TestRepo;
  let env: NodeJS.ProcessEnv;
  const run = (command: string, args: string[], extra: NodeJS.ProcessEnv = {}) => spawnSync(command, args, { cwd: project.dir, env: { ...env, ...extra }, encoding: 'utf8' });

  beforeAll(() => {
    let hooks: { dir: string; rev: string };
    ({ hooks, project, remote } = preCommitProject());
    // As `npm i -D aitrail` leaves it; no aitrail on PATH.
    mkdirSync(join(project.dir, 'node_modules', '.bin'), { recursive: true });
    symlinkSync(BIN, join(project.dir, 'node_modules', '.bin', 'aitrail'));
    const config = preCommitConfig(hooks);
    env = { ...TEST_GIT_ENV, PATH: `${dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`, PRE_COMMIT_HOME: tempDir('aitrail-pre-commit-home-') };
    project.write('.pre-commit-config.yaml', config);
    project.write('.gitignore', 'node_modules/\n');
    project.write('.aitrailrc.json', '{ "policy": { "deny": ["qwen/*"] } }\n');
    project.git(['add', '-A']);
    project.git(['commit', '-q', '-m', 'initial']);
    project.git(['push', '-q', 'origin', 'main']);
    const install = run('pre-commit', ['install', '--hook-type', 'prepare-commit-msg', '--hook-type', 'commit-msg', '--hook-type', 'pre-push']);
    expect(install.status, install.stderr + install.stdout).toBe(0);
  });

  const trailer = () => project.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)']);

  it('prepare-commit-msg records the model; a human commit stays as it is', () => {
    const result = run('git', ['commit', '-q', '--allow-empty', '-m', 'feat: with opus'], OPUS);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stderr).toMatch(/aitrail record.*Passed/);
    expect(trailer()).toBe('claude-code:anthropic/claude-opus-4.6');
    expect(run('git', ['commit', '-q', '--allow-empty', '-m', 'chore: by hand']).status).toBe(0);
    expect(project.git(['log', '-1', '--format=%B'])).toBe('chore: by hand');
  });

  it('commit-msg refuses a denied model, nothing is committed', () => {
    const before = project.git(['rev-parse', 'HEAD']);
    const result = run('git', ['commit', '-q', '--allow-empty', '-m', 'feat: with qwen'], QWEN);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/aitrail policy \(commit\).*Failed/);
    expect(`${result.stdout}${result.stderr}`).toMatch(/qwen\/qwen3-coder/);
    expect(project.git(['rev-parse', 'HEAD'])).toBe(before);
  });

  it('pre-push lets clean commits through and refuses a denied one committed with --no-verify', () => {
    const clean = run('git', ['push', '-q', 'origin', 'main']);
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);
    expect(remote.git(['rev-parse', 'main'])).toBe(project.git(['rev-parse', 'HEAD']));
    // --no-verify skips commit-msg; prepare-commit-msg still records the model it was made with.
    expect(run('git', ['commit', '-q', '--no-verify', '--allow-empty', '-m', 'feat: sneaked in'], QWEN).status).toBe(0);
    expect(trailer()).toBe('qwen-code:qwen/qwen3-coder');
    const refused = run('git', ['push', '-q', 'origin', 'main']);
    expect(refused.status).not.toBe(0);
    expect(`${refused.stdout}${refused.stderr}`).toMatch(/qwen\/qwen3-coder/);
    expect(remote.git(['rev-parse', 'main'])).not.toBe(project.git(['rev-parse', 'HEAD']));
    // A new branch too (pre-commit passes no old commit for it).
    const branch = run('git', ['push', '-q', 'origin', 'main:refs/heads/feature']);
    expect(branch.status).not.toBe(0);
    expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/feature'])).toBe('');
  });

  it('args: [--quiet] silences the hooks\' warnings (shown with verbose: true); a refusal is still said', () => {
    const hooks = hookRepository();
    const commit = (args: string, extra: NodeJS.ProcessEnv) => {
      project.write('.pre-commit-config.yaml', preCommitConfig(hooks, ['        verbose: true', ...(args ? [args] : [])]));
      project.git(['add', '.pre-commit-config.yaml']);
      return run('git', ['commit', '-q', '--allow-empty', '-m', 'chore: hooks config'], extra);
    };
    // A Claude Code commit with no model: one warning line, at commit time.
    const loud = commit('', { CLAUDECODE: '1' });
    expect(loud.status, loud.stdout + loud.stderr).toBe(0);
    expect(`${loud.stdout}${loud.stderr}`).toMatch(/aitrail: warning \[unknown-model\]/);
    const quiet = commit('        args: [--quiet]', { CLAUDECODE: '1' });
    expect(quiet.status, quiet.stdout + quiet.stderr).toBe(0);
    expect(`${quiet.stdout}${quiet.stderr}`).not.toMatch(/warning/);
    const refused = commit('        args: [--quiet]', QWEN);
    expect(refused.status).toBe(1);
    expect(`${refused.stdout}${refused.stderr}`).toMatch(/qwen\/qwen3-coder/);
  });
});

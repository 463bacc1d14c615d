import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { makeRepo, tempDir, TEST_GIT_ENV, type TestRepo } from '../helpers/gitdir.js';

/**
 * The client shims ask `git config --get aitrail.packageDir` only when a config git reads could set
 * it (aitrail_pkg in src/install/shim-source.ts): the usual install starts one git process fewer on
 * every hook that starts node, and a packageDir set any way git reads one is still found. No aitrail
 * on PATH: a hook finds the package's binary only through packageDir.
 */
const ENV = { ...TEST_GIT_ENV, PATH: `${dirname(process.execPath)}:/usr/bin:/bin` };
const OPUS = { AITRAIL_MODEL: 'anthropic/claude-opus-4.6', AITRAIL_AGENT: 'claude-code' };
const OPUS_LINE = 'claude-code:anthropic/claude-opus-4.6';

function installBinary(dir: string): void {
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(BIN, join(dir, 'node_modules', '.bin', 'aitrail'));
}

function commit(repo: TestRepo, cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync('git', [...args, 'commit', '-q', '--allow-empty', '-m', 'change'], { cwd, env: { ...ENV, ...OPUS, ...env }, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return repo.git(['-C', cwd, 'log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)']);
}

/** git mode hooks; aitrail installed in web/ only (a monorepo's package), packageDir not in the local config. */
function monorepo(): TestRepo {
  const repo = makeRepo({ dir: join(tempDir('aitrail-pkgdir-'), 'repo') });
  repo.write('.gitignore', 'node_modules/\n');
  repo.write('web/package.json', '{"name":"web","private":true}\n');
  repo.commit('initial\n');
  installBinary(join(repo.dir, 'web'));
  const init = spawnSync(process.execPath, [BIN, 'init', '--mode', 'git'], { cwd: join(repo.dir, 'web'), env: ENV, encoding: 'utf8' });
  expect(init.status, init.stderr).toBe(0);
  expect(repo.git(['config', '--local', 'aitrail.packageDir'])).toBe('web');
  repo.git(['config', '--local', '--unset', 'aitrail.packageDir']);
  return repo;
}

describe('the shims read aitrail.packageDir without git when no config could set it', () => {
  it('the usual install (no packageDir): the commit is recorded and no hook starts `git config --get aitrail.packageDir`', () => {
    const repo = makeRepo({ dir: join(tempDir('aitrail-pkgdir-'), 'repo') });
    repo.write('.gitignore', 'node_modules/\n');
    repo.commit('initial\n');
    installBinary(repo.dir);
    const init = spawnSync(process.execPath, [BIN, 'init', '--mode', 'git'], { cwd: repo.dir, env: ENV, encoding: 'utf8' });
    expect(init.status, init.stderr).toBe(0);
    const trace = join(tempDir('aitrail-trace-'), 'trace');
    expect(commit(repo, repo.dir, [], { GIT_TRACE: trace })).toBe(OPUS_LINE);
    const traced = readFileSync(trace, 'utf8');
    // The hooks ran (they ask git whether node_modules is tracked), none asked git config.
    expect(traced).toMatch(/ls-files --error-unmatch -- node_modules/);
    expect(traced).not.toMatch(/aitrail\.packageDir/);
  });

  it('with packageDir set nowhere, web\'s binary is not found (what the cases below rest on)', () => {
    const repo = monorepo();
    const result = spawnSync('git', ['commit', '-q', '--allow-empty', '-m', 'change'], { cwd: repo.dir, env: { ...ENV, ...OPUS }, encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/the aitrail binary was not found/);
  });

  it('packageDir in the local config (as init writes it) is found', () => {
    const repo = monorepo();
    repo.git(['config', '--local', 'aitrail.packageDir', 'web']);
    expect(commit(repo, repo.dir, [])).toBe(OPUS_LINE);
  });

  it('packageDir in a file the local config includes is found', () => {
    const repo = monorepo();
    const included = join(tempDir('aitrail-include-'), 'extra.cfg');
    writeFileSync(included, '[aitrail]\n\tpackageDir = web\n');
    repo.git(['config', '--local', 'include.path', included]);
    expect(commit(repo, repo.dir, [])).toBe(OPUS_LINE);
  });

  it('packageDir from `git -c`, GIT_CONFIG_COUNT, or a global config written in capitals is found', () => {
    const repo = monorepo();
    expect(commit(repo, repo.dir, ['-c', 'aitrail.packageDir=web'])).toBe(OPUS_LINE);
    expect(commit(repo, repo.dir, [], { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'aitrail.packageDir', GIT_CONFIG_VALUE_0: 'web' })).toBe(OPUS_LINE);
    const global = join(tempDir('aitrail-global-'), 'gitconfig');
    writeFileSync(global, '[AITRAIL]\n\tPACKAGEDIR = web\n');
    expect(commit(repo, repo.dir, [], { GIT_CONFIG_GLOBAL: global })).toBe(OPUS_LINE);
  });

  it('packageDir in the common config is found from a linked worktree (its .git is a file)', () => {
    const repo = monorepo();
    repo.git(['config', '--local', 'aitrail.packageDir', 'web']);
    const worktree = join(dirname(repo.dir), 'wt');
    repo.git(['worktree', 'add', '-q', worktree]);
    installBinary(join(worktree, 'web'));
    expect(existsSync(join(worktree, '.git'))).toBe(true);
    expect(commit(repo, worktree, [])).toBe(OPUS_LINE);
  });
});

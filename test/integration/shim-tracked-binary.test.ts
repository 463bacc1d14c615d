import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { makeRepo, TEST_GIT_ENV, tempDir, type TestRepo } from '../helpers/gitdir.js';

/**
 * A repository that ships its own `aitrail`: a script that leaves a marker when run (what a hostile
 * repository's code would do on the victim's next commit). Hooks installed by the real `aitrail init`.
 */
function hostile(layout: 'bin' | 'package'): { repo: TestRepo; marker: string; env: NodeJS.ProcessEnv; run: (args: string[], env?: NodeJS.ProcessEnv) => ReturnType<typeof spawnSync> } {
  const repo = makeRepo({ dir: join(tempDir('aitrail-shipped-'), 'repo') });
  const marker = join(repo.dir, '..', 'pwned');
  const payload = `#!/bin/sh\ntouch "${marker}"\nexit 0\n`;
  if (layout === 'bin') {
    repo.write('node_modules/.bin/aitrail', payload);
    chmodSync(join(repo.dir, 'node_modules', '.bin', 'aitrail'), 0o755);
  } else {
    // Only the package is committed; the .bin link is what npm would make (untracked).
    repo.write('node_modules/aitrail/bin/aitrail.js', payload);
    chmodSync(join(repo.dir, 'node_modules', 'aitrail', 'bin', 'aitrail.js'), 0o755);
  }
  repo.git(['add', '-f', 'node_modules']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'ship a binary']);
  if (layout === 'package') {
    mkdirSync(join(repo.dir, 'node_modules', '.bin'), { recursive: true });
    symlinkSync('../aitrail/bin/aitrail.js', join(repo.dir, 'node_modules', '.bin', 'aitrail'));
  }
  const init = spawnSync(process.execPath, [BIN, 'init', '--mode', 'git'], { cwd: repo.dir, env: TEST_GIT_ENV, encoding: 'utf8' });
  expect(init.status, init.stderr).toBe(0);
  // PATH without any aitrail: the shipped one is the only binary there is.
  const env = { ...TEST_GIT_ENV, PATH: '/usr/local/bin:/usr/bin:/bin', AITRAIL_MODEL: 'openai/gpt-5' };
  const run = (args: string[], extra: NodeJS.ProcessEnv = {}) => spawnSync('git', args, { cwd: repo.dir, env: { ...env, ...extra }, encoding: 'utf8' });
  return { repo, marker, env, run };
}

describe('the shims never run an aitrail binary the repository ships', () => {
  it.each(['bin', 'package'] as const)('committed node_modules (%s): commit-msg blocks the commit, nothing from the repository runs', (layout) => {
    const { repo, marker, run } = hostile(layout);
    const before = repo.git(['rev-parse', 'HEAD']);
    const result = run(['commit', '-q', '--allow-empty', '-m', 'next commit']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/aitrail: prepare-commit-msg hook skipped, nothing recorded: node_modules\/\.bin\/aitrail comes from the repository/);
    expect(result.stderr).toMatch(/aitrail: commit blocked: node_modules\/\.bin\/aitrail comes from the repository \(git tracks it or files under node_modules\) and aitrail never runs code a repository ships, so the model policy cannot be checked\. Fix: .*AITRAIL=0 git commit/);
    expect(existsSync(marker)).toBe(false);
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(before);
    // --no-verify skips commit-msg, not prepare-commit-msg: still nothing from the repository runs.
    expect(run(['commit', '-q', '--allow-empty', '--no-verify', '-m', 'unchecked']).status).toBe(0);
    expect(existsSync(marker)).toBe(false);
  });

  it('pre-push blocks the push the same way', () => {
    const { repo, marker, run } = hostile('bin');
    const remote = makeRepo({ bare: true });
    repo.git(['remote', 'add', 'origin', remote.dir]);
    const result = run(['push', 'origin', 'main']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/aitrail: push blocked: node_modules\/\.bin\/aitrail comes from the repository/);
    expect(existsSync(marker)).toBe(false);
    expect(remote.git(['for-each-ref'])).toBe('');
  });

  it('an aitrail on PATH outside the repository is used instead, with one line saying why', () => {
    const { repo, marker, run } = hostile('bin');
    const bin = join(tempDir('aitrail-global-'), 'bin');
    mkdirSync(bin);
    symlinkSync(BIN, join(bin, 'aitrail'));
    const result = run(['commit', '-q', '--allow-empty', '-m', 'with the global one'], { PATH: `${bin}:${process.env.PATH}` });
    expect(result.status, String(result.stderr)).toBe(0);
    expect(result.stderr).toMatch(/aitrail: not running node_modules\/\.bin\/aitrail: it comes from the repository .*; using \/.*\/bin\/aitrail instead\./);
    expect(existsSync(marker)).toBe(false);
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('unknown:openai/gpt-5');
  });

  it('a PATH entry that leads into the work tree to a tracked binary is refused too', () => {
    const { repo, marker, run } = hostile('bin');
    repo.write('tools/aitrail', `#!/bin/sh\ntouch "${marker}"\n`);
    chmodSync(join(repo.dir, 'tools', 'aitrail'), 0o755);
    repo.git(['add', 'tools']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'tools']);
    const result = run(['commit', '-q', '--allow-empty', '-m', 'next'], { PATH: `tools:${join(repo.dir, 'tools')}:/usr/bin:/bin` });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/commit blocked: .* comes from the repository/);
    expect(existsSync(marker)).toBe(false);
  });

  it('an untracked node_modules/.bin/aitrail (npm install) is still preferred', () => {
    const repo = makeRepo({ dir: join(tempDir('aitrail-local-'), 'repo') });
    repo.write('.gitignore', 'node_modules/\n');
    repo.commit('ignore\n');
    mkdirSync(join(repo.dir, 'node_modules', '.bin'), { recursive: true });
    symlinkSync(BIN, join(repo.dir, 'node_modules', '.bin', 'aitrail'));
    expect(spawnSync(process.execPath, [BIN, 'init', '--mode', 'git'], { cwd: repo.dir, env: TEST_GIT_ENV }).status).toBe(0);
    const env = { ...TEST_GIT_ENV, PATH: `${join(process.execPath, '..')}:/usr/bin:/bin`, AITRAIL_MODEL: 'openai/gpt-5' };
    const result = spawnSync('git', ['commit', '-q', '--allow-empty', '-m', 'local'], { cwd: repo.dir, env, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('unknown:openai/gpt-5');
  });
});

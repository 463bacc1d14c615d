import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';
import { aitrail, gitRun, messageOf } from '../helpers/hooks.js';

const OPUS = { AITRAIL_MODEL: 'anthropic/claude-opus-4.6', AITRAIL_AGENT: 'claude-code' };
const OPUS_LINE = 'Assisted-by: claude-code:anthropic/claude-opus-4.6';

/** Every file in `dir` with its bytes and mode (symlinks by target). */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const stat = lstatSync(path);
    out[name] = stat.isSymbolicLink() ? `link` : stat.isFile() ? `${(stat.mode & 0o7777).toString(8)}:${readFileSync(path, 'base64')}` : 'dir';
  }
  return out;
}

function ok(result: { status: number | null; stderr: string; stdout: string }) {
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  return result;
}

function newRepo(): TestRepo {
  const repo = makeRepo();
  repo.commit('initial\n', { 'a.txt': 'a\n' });
  return repo;
}

describe('aitrail init --mode git', () => {
  it('chains a foreign hook, is idempotent, and uninstall restores it byte for byte with its mode', () => {
    const repo = newRepo();
    const hooks = join(repo.dir, '.git', 'hooks');
    const foreign = `#!/bin/sh\n# team hook, no trailing newline\necho "foreign $*" >>"${join(repo.dir, '.git', 'foreign.log')}"`;
    writeFileSync(join(hooks, 'commit-msg'), foreign);
    chmodSync(join(hooks, 'commit-msg'), 0o750);
    const before = snapshot(hooks);

    const first = ok(aitrail(repo.dir, ['init']));
    expect(first.stdout).toMatch(/git mode/);
    expect(first.stdout).toMatch(/chained\s+\.git\/hooks\/commit-msg/);
    expect(first.stdout).toMatch(/Next:/);
    expect(readFileSync(join(hooks, 'commit-msg.aitrail-chained'), 'utf8')).toBe(foreign);
    const installed = snapshot(hooks);

    const second = ok(aitrail(repo.dir, ['init']));
    expect(second.stdout).toMatch(/already installed.*nothing changed/);
    expect(snapshot(hooks)).toEqual(installed);

    ok(gitRun(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'With both hooks'], OPUS));
    expect(messageOf(repo.dir)).toBe(`With both hooks\n\n${OPUS_LINE}\n`);
    expect(readFileSync(join(repo.dir, '.git', 'foreign.log'), 'utf8')).toBe('foreign .git/COMMIT_EDITMSG\n');

    const status = JSON.parse(ok(aitrail(repo.dir, ['status', '--format', 'json'])).stdout);
    expect(status.hooks.map((h: { hook: string; state: string }) => `${h.hook}=${h.state}`)).toEqual(['prepare-commit-msg=git', 'commit-msg=foreign-chained', 'pre-push=git', 'post-commit=git', 'post-rewrite=git', 'applypatch-msg=git', 'pre-applypatch=git', 'post-applypatch=git']);

    const removed = ok(aitrail(repo.dir, ['uninstall']));
    expect(removed.stdout).toMatch(/restored\s+\.git\/hooks\/commit-msg/);
    expect(snapshot(hooks)).toEqual(before);
    expect(ok(aitrail(repo.dir, ['uninstall'])).stdout).toMatch(/not installed here; nothing to do/);
  });

  it('refuses to chain when a stale .aitrail-chained is in the way, changing nothing', () => {
    const repo = newRepo();
    const hooks = join(repo.dir, '.git', 'hooks');
    writeFileSync(join(hooks, 'pre-push'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    writeFileSync(join(hooks, 'pre-push.aitrail-chained'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    const before = readFileSync(join(hooks, 'pre-push'));
    const result = aitrail(repo.dir, ['init']);
    expect(result.status).toBe(2);
    expect(result.stdout).toMatch(/refused.*pre-push/);
    expect(readFileSync(join(hooks, 'pre-push')).equals(before)).toBe(true);
  });

  it('keeps a symlinked foreign hook a symlink through init and uninstall', () => {
    const repo = newRepo();
    const hooks = join(repo.dir, '.git', 'hooks');
    const target = join(tempDir(), 'shared-hook');
    writeFileSync(target, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    symlinkSync(target, join(hooks, 'commit-msg'));
    ok(aitrail(repo.dir, ['init']));
    expect(lstatSync(join(hooks, 'commit-msg.aitrail-chained')).isSymbolicLink()).toBe(true);
    ok(aitrail(repo.dir, ['uninstall']));
    expect(lstatSync(join(hooks, 'commit-msg')).isSymbolicLink()).toBe(true);
  });

  it('installs into a relative core.hooksPath', () => {
    const repo = newRepo();
    gitRun(repo.dir, ['config', 'core.hooksPath', '.githooks']);
    const result = ok(aitrail(repo.dir, ['init']));
    expect(result.stdout).toMatch(/hooks in \.githooks/);
    expect(existsSync(join(repo.dir, '.githooks', 'prepare-commit-msg'))).toBe(true);
    ok(gitRun(repo.dir, ['commit', '-q', '--allow-empty', '--no-verify', '-m', 'Relative'], OPUS));
    expect(messageOf(repo.dir)).toBe(`Relative\n\n${OPUS_LINE}\n`);
  });

  it('installs into an absolute core.hooksPath', () => {
    const repo = newRepo();
    const shared = join(tempDir(), 'shared-hooks');
    gitRun(repo.dir, ['config', 'core.hooksPath', shared]);
    ok(aitrail(repo.dir, ['init']));
    expect(readdirSync(shared).sort()).toEqual(['applypatch-msg', 'commit-msg', 'post-applypatch', 'post-commit', 'post-rewrite', 'pre-applypatch', 'pre-push', 'prepare-commit-msg']);
    ok(aitrail(repo.dir, ['uninstall']));
    expect(readdirSync(shared)).toEqual([]);
  });

  it('refuses to rename committed hooks in a tracked hooks directory unless --force', () => {
    const repo = newRepo();
    repo.write('.githooks/commit-msg', '#!/bin/sh\nexit 0\n');
    chmodSync(join(repo.dir, '.githooks', 'commit-msg'), 0o755);
    gitRun(repo.dir, ['add', '.githooks']);
    gitRun(repo.dir, ['commit', '-q', '--no-verify', '-m', 'team hooks']);
    gitRun(repo.dir, ['config', 'core.hooksPath', '.githooks']);
    const refused = aitrail(repo.dir, ['init']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/tracked.*--force/);
    expect(existsSync(join(repo.dir, '.githooks', 'prepare-commit-msg'))).toBe(false);
    ok(aitrail(repo.dir, ['init', '--force']));
    expect(existsSync(join(repo.dir, '.githooks', 'commit-msg.aitrail-chained'))).toBe(true);
  });

  it('works from a linked worktree: one install in the common hooks dir, a session per worktree', () => {
    const repo = newRepo();
    const worktree = join(tempDir(), 'wt');
    gitRun(repo.dir, ['worktree', 'add', '-q', worktree]);
    ok(aitrail(worktree, ['init']));
    expect(existsSync(join(repo.dir, '.git', 'hooks', 'prepare-commit-msg'))).toBe(true);
    ok(aitrail(worktree, ['use', 'qwen/qwen3-coder', '--agent', 'qwen-code']));
    ok(gitRun(worktree, ['commit', '-q', '--allow-empty', '--no-verify', '-m', 'In worktree']));
    expect(messageOf(worktree)).toBe('In worktree\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n');
    ok(gitRun(repo.dir, ['commit', '-q', '--allow-empty', '--no-verify', '-m', 'In main']));
    expect(messageOf(repo.dir)).toBe('In main\n');
  });

  it('in a bare repository installs the pre-receive hook', () => {
    const bare = makeRepo({ bare: true });
    const result = ok(aitrail(bare.dir, ['init']));
    expect(result.stdout).toMatch(/pre-receive/);
    expect(readFileSync(join(bare.dir, 'hooks', 'pre-receive'), 'utf8')).toMatch(/^#!\/bin\/sh\n# aitrail-shim: pre-receive/);
    ok(aitrail(bare.dir, ['uninstall']));
    expect(existsSync(join(bare.dir, 'hooks', 'pre-receive'))).toBe(false);
  });
});

describe('aitrail init in husky repositories', () => {
  it('sets husky up through its API when the package wants it, adds marked lines, and uninstall undoes all of it', () => {
    const repo = newRepo();
    repo.write('package.json', '{"name":"p","devDependencies":{"husky":"^9.1.7"}}\n');
    const result = ok(aitrail(repo.dir, ['init']));
    expect(result.stdout).toMatch(/husky mode \(package\.json uses husky\)/);
    expect(repo.git(['config', 'core.hooksPath'])).toBe('.husky/_');
    for (const hook of ['prepare-commit-msg', 'commit-msg', 'pre-push']) {
      // The shims' lookup runs aitrail (row 825): `h` names the hook, `"$a" hook "$h" "$@"` runs the one judged,
      // from the shared .husky/aitrail.sh the block sources (row 874).
      const text = readFileSync(join(repo.dir, '.husky', hook), 'utf8');
      expect(text).toMatch(new RegExp(`^h=${hook} #$`, 'm'));
      expect(text).toMatch(new RegExp(`^aitrail_run_${hook.replace(/-/g, '_')} "\\$@" #$`, 'm'));
    }
    expect(readFileSync(join(repo.dir, '.husky', 'aitrail.sh'), 'utf8')).toContain('"$a" hook "$h" "$@"');
    const installed = snapshot(join(repo.dir, '.husky'));
    expect(ok(aitrail(repo.dir, ['init'])).stdout).toMatch(/already installed/);
    expect(snapshot(join(repo.dir, '.husky'))).toEqual(installed);

    ok(gitRun(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'Through husky'], OPUS));
    expect(messageOf(repo.dir)).toBe(`Through husky\n\n${OPUS_LINE}\n`);

    const status = JSON.parse(ok(aitrail(repo.dir, ['status', '--format', 'json'])).stdout);
    expect(status.hooks.every((h: { state: string; active: boolean }) => h.state === 'husky' && h.active)).toBe(true);

    ok(aitrail(repo.dir, ['uninstall']));
    expect(gitRun(repo.dir, ['config', 'core.hooksPath']).status).toBe(1);
    expect(existsSync(join(repo.dir, '.husky'))).toBe(false);
  });

  it('appends to existing .husky files (no trailing newline) and restores them byte for byte', () => {
    const repo = newRepo();
    mkdirSync(join(repo.dir, '.husky'));
    const existing = 'npx --no -- commitlint --edit "$1"';
    writeFileSync(join(repo.dir, '.husky', 'commit-msg'), existing);
    const result = ok(aitrail(repo.dir, ['init']));
    expect(result.stdout).toMatch(/a \.husky\/ directory exists/);
    const text = readFileSync(join(repo.dir, '.husky', 'commit-msg'), 'utf8');
    expect(text).toMatch(/^\( # >>> aitrail[^\n]*\nnpx --no -- commitlint --edit "\$1"\n# >>> aitrail[^\n]*\n\) # <<< aitrail/);
    ok(aitrail(repo.dir, ['uninstall']));
    expect(readFileSync(join(repo.dir, '.husky', 'commit-msg'), 'utf8')).toBe(existing);
    expect(existsSync(join(repo.dir, '.husky', 'prepare-commit-msg'))).toBe(false);
  });

  it('will not let husky replace another core.hooksPath without --force', () => {
    const repo = newRepo();
    gitRun(repo.dir, ['config', 'core.hooksPath', '.githooks']);
    const result = aitrail(repo.dir, ['init', '--mode', 'husky']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/core\.hooksPath is set to '\.githooks'.*--mode git.*--force/);
    expect(repo.git(['config', 'core.hooksPath'])).toBe('.githooks');
    ok(aitrail(repo.dir, ['init', '--mode', 'husky', '--force']));
    expect(repo.git(['config', 'core.hooksPath'])).toBe('.husky/_');
    ok(aitrail(repo.dir, ['uninstall']));
    expect(repo.git(['config', 'core.hooksPath'])).toBe('.githooks');
  });
});

describe('a shim that lost its executable bit (git skips it)', () => {
  it('status says it is inactive; init makes it executable again and records', () => {
    const repo = newRepo();
    ok(aitrail(repo.dir, ['init', '--mode', 'git']));
    const shim = join(repo.dir, '.git', 'hooks', 'prepare-commit-msg');
    chmodSync(shim, 0o644);
    const status = JSON.parse(ok(aitrail(repo.dir, ['status', '--format', 'json'])).stdout);
    expect(status.hooks[0]).toEqual(expect.objectContaining({ hook: 'prepare-commit-msg', active: false, note: expect.stringMatching(/not executable/) }));
    expect(ok(aitrail(repo.dir, ['init'])).stdout).toMatch(/updated\s+\.git\/hooks\/prepare-commit-msg — made executable again/);
    expect(lstatSync(shim).mode & 0o111).not.toBe(0);
    expect(ok(aitrail(repo.dir, ['init'])).stdout).toMatch(/nothing changed/);
    ok(gitRun(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'Runs again'], OPUS));
    expect(messageOf(repo.dir)).toBe(`Runs again\n\n${OPUS_LINE}\n`);
  });
});

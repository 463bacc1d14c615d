import { chmodSync, lstatSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { laterThanNow, makeRepo, TEST_GIT_ENV, tempDir } from '../helpers/gitdir.js';
import { countingBin } from '../helpers/hooked-repo.js';

const DENY_QWEN = 'policy:\n  deny: ["qwen/*"]\n';
const HUSKY = fileURLToPath(new URL('../../node_modules/husky/index.js', import.meta.url));

/** An `aitrail` on PATH that notes each start in `started` before running the built CLI (hookedRepo's). */
function loggedAitrail(): { env: NodeJS.ProcessEnv; started: string } {
  const { bin, started } = countingBin();
  return { env: { ...TEST_GIT_ENV, PATH: `${bin}:${process.env.PATH ?? ''}` }, started };
}

/** `git worktree add` of a new branch, before init: nothing of aitrail's there. */
function addWorktree(dir: string, branch: string, env: NodeJS.ProcessEnv): string {
  const worktree = join(tempDir('aitrail-early-worktree-'), 'wt');
  const added = tryGit(dir, ['worktree', 'add', '-q', '-b', branch, worktree], { env });
  expect(added.code, added.stderr).toBe(0);
  return worktree;
}

/**
 * In `worktree`: a person's commit (dated past the AI commits' second) starts no node, then Qwen's
 * commit is refused by the policy and Claude's is recorded.
 */
function expectHooksAtWork(worktree: string, env: NodeJS.ProcessEnv, started: string): void {
  writeFileSync(started, '');
  const person = tryGit(worktree, ['commit', '-q', '--allow-empty', '-m', 'docs: by hand'], { env: { ...env, GIT_AUTHOR_DATE: laterThanNow(), GIT_COMMITTER_DATE: laterThanNow() } });
  expect(person.code, person.stderr).toBe(0);
  expect(readFileSync(started, 'utf8')).toBe('');
  const qwen = tryGit(worktree, ['commit', '-q', '--allow-empty', '-m', 'feat: by qwen'], { env: { ...env, AITRAIL_MODEL: 'qwen/qwen3-coder' } });
  expect(qwen.code, qwen.stderr).not.toBe(0);
  expect(qwen.stderr).toContain('model-denied');
  const claude = tryGit(worktree, ['commit', '-q', '--allow-empty', '-m', 'feat: by claude'], { env: { ...env, AITRAIL_MODEL: 'anthropic/claude-opus-4.6' } });
  expect(claude.code, claude.stderr).toBe(0);
  expect(tryGit(worktree, ['log', '-1', '--format=%B'], { env }).stdout).toContain('Assisted-by: unknown:anthropic/claude-opus-4.6');
  expect(readFileSync(started, 'utf8')).toContain('hook commit-msg');
}

/** Every file under `dir` (`.git` aside): its path, mode and bytes, to see that a second init changed nothing. */
function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current).sort()) {
      if (current === dir && name === '.git') continue;
      const path = join(current, name);
      const stat = lstatSync(path);
      if (stat.isDirectory()) walk(path);
      else out.push(`${relative(dir, path)} ${stat.mode.toString(8)} ${stat.mtimeMs} ${stat.isFile() ? readFileSync(path, 'utf8') : ''}`);
    }
  };
  walk(dir);
  return out;
}

describe('init with a hooks directory in the work tree (core.hooksPath=.githooks): worktrees made before it', () => {
  it('get the shims (a hook of their own chained), a locked or gone one is named; a second init changes nothing; uninstall takes them out', () => {
    const { env, started } = loggedAitrail();
    const repo = makeRepo();
    repo.write('.githooks/pre-commit', '#!/bin/sh\nexit 0\n');
    repo.commit('chore: policy\n', { '.aitrailrc.yml': DENY_QWEN });
    repo.git(['config', 'core.hooksPath', '.githooks']);
    const early = addWorktree(repo.dir, 'agent', env);
    // A hook of the worktree's own, not committed: chained, never overwritten.
    const own = '#!/bin/sh\necho own-commit-msg >&2\n';
    writeFileSync(join(early, '.githooks', 'commit-msg'), own, { mode: 0o755 });
    const locked = addWorktree(repo.dir, 'locked', env);
    expect(tryGit(repo.dir, ['worktree', 'lock', locked], { env }).code).toBe(0);
    // Its folder removed by hand: git lists it as prunable.
    const gone = addWorktree(repo.dir, 'gone', env);
    rmSync(gone, { recursive: true });
    // A worktree whose hooks directory is a symbolic link leading out of it: nothing written through it.
    const linked = addWorktree(repo.dir, 'linked', env);
    const outside = tempDir('aitrail-outside-');
    rmSync(join(linked, '.githooks'), { recursive: true });
    symlinkSync(outside, join(linked, '.githooks'));

    const init = aitrail(repo.dir, ['init', '--mode', 'git'], { env });
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain(`installed ${join(early, '.githooks', 'prepare-commit-msg')}`);
    expect(init.stdout).toContain(`chained   ${join(early, '.githooks', 'commit-msg')}`);
    expect(init.stdout).toContain(`installed ${join(early, '.githooks', 'post-checkout')}`);
    expect(init.stdout).toContain(`Worktree ${locked} skipped: it is locked`);
    expect(init.stdout).toContain(`Worktree ${gone} skipped: its folder is gone`);
    expect(init.stdout).toMatch(new RegExp(`Worktree ${linked.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} skipped: .*symbolic link`));
    expect(readdirSync(outside)).toEqual([]);
    expect(readdirSync(join(locked, '.githooks'))).toEqual(['pre-commit']);
    expect(readFileSync(join(early, '.githooks', 'commit-msg.aitrail-chained'), 'utf8')).toBe(own);

    expectHooksAtWork(early, env, started);
    const qwen = tryGit(early, ['commit', '-q', '--allow-empty', '-m', 'feat: by qwen'], { env: { ...env, AITRAIL_MODEL: 'qwen/qwen3-coder' } });
    expect(qwen.stderr).toContain('own-commit-msg');

    const before = [snapshot(repo.dir), snapshot(early)];
    const again = aitrail(repo.dir, ['init', '--mode', 'git'], { env });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('aitrail hooks already installed');
    expect([snapshot(repo.dir), snapshot(early)]).toEqual(before);

    expect(aitrail(repo.dir, ['uninstall'], { env }).code).toBe(0);
    expect(readdirSync(join(early, '.githooks')).sort()).toEqual(['commit-msg', 'pre-commit']);
    expect(readFileSync(join(early, '.githooks', 'commit-msg'), 'utf8')).toBe(own);
    expect(readdirSync(join(repo.dir, '.githooks'))).toEqual(['pre-commit']);
  });

  it('init --force chains a hooks directory committed with hooks of its own in the worktree made before it too', () => {
    const { env, started } = loggedAitrail();
    const repo = makeRepo();
    const team = '#!/bin/sh\necho team-commit-msg >&2\n';
    repo.write('.githooks/commit-msg', team);
    chmodSync(join(repo.dir, '.githooks', 'commit-msg'), 0o755);
    repo.commit('chore: policy\n', { '.aitrailrc.yml': DENY_QWEN });
    repo.git(['config', 'core.hooksPath', '.githooks']);
    const early = addWorktree(repo.dir, 'agent', env);
    expect(aitrail(repo.dir, ['init', '--mode', 'git'], { env }).code).toBe(2);
    const init = aitrail(repo.dir, ['init', '--mode', 'git', '--force'], { env });
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain(`chained   ${join(early, '.githooks', 'commit-msg')}`);
    expectHooksAtWork(early, env, started);
    expect(aitrail(repo.dir, ['uninstall'], { env }).code).toBe(0);
    expect(readFileSync(join(early, '.githooks', 'commit-msg'), 'utf8')).toBe(team);
    expect(tryGit(early, ['status', '--porcelain'], { env }).stdout).toBe('');
  });
});

describe('init in husky mode: worktrees made before it', () => {
  it("get aitrail's lines and husky's runtime, as the main worktree has them; a second init changes nothing; uninstall takes them out", () => {
    const { env, started } = loggedAitrail();
    const repo = makeRepo();
    repo.write('package.json', '{"name":"p","devDependencies":{"husky":"^9.1.7"}}\n');
    repo.commit('chore: policy\n', { '.aitrailrc.yml': DENY_QWEN });
    const early = addWorktree(repo.dir, 'agent', env);
    const init = aitrail(repo.dir, ['init'], { env });
    expect(init.code, init.stderr).toBe(0);
    expect(repo.git(['config', 'core.hooksPath'])).toBe('.husky/_');
    expect(init.stdout).toContain(`installed ${join(early, '.husky', 'commit-msg')}`);
    expect(init.stdout).toContain(`installed ${join(early, '.husky', '_')}`);
    expect(readdirSync(join(early, '.husky', '_')).sort()).toEqual(readdirSync(join(repo.dir, '.husky', '_')).sort());
    expect(readFileSync(join(early, '.husky', 'commit-msg'), 'utf8')).toBe(readFileSync(join(repo.dir, '.husky', 'commit-msg'), 'utf8'));
    // husky's runtime ignores itself: only aitrail's lines show, as in the main worktree.
    expect(tryGit(early, ['status', '--porcelain'], { env }).stdout).toBe(tryGit(repo.dir, ['status', '--porcelain'], { env }).stdout);

    expectHooksAtWork(early, env, started);

    const before = [snapshot(repo.dir), snapshot(early)];
    const again = aitrail(repo.dir, ['init'], { env });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('aitrail hooks already installed');
    expect([snapshot(repo.dir), snapshot(early)]).toEqual(before);

    expect(aitrail(repo.dir, ['uninstall'], { env }).code).toBe(0);
    expect(readdirSync(early).sort()).toEqual(['.aitrailrc.yml', '.git', 'package.json']);
  });

  it("with husky set up by the project: the worktree's own committed hook keeps running first; one whose .husky/_ is a symbolic link is skipped", () => {
    const { env, started } = loggedAitrail();
    const repo = makeRepo();
    const team = 'echo team-commit-msg >&2\n';
    repo.write('package.json', '{"name":"p","devDependencies":{"husky":"^9.1.7"}}\n');
    repo.write('.husky/commit-msg', team);
    repo.commit('chore: policy\n', { '.aitrailrc.yml': DENY_QWEN });
    // What `npx husky` (the project's prepare script) leaves in the main worktree only.
    const set = spawnSync(process.execPath, ['--input-type=module', '-e', `import husky from ${JSON.stringify(HUSKY)}; process.stdout.write(husky())`], { cwd: repo.dir, env, encoding: 'utf8' });
    expect(set.stdout, set.stderr).toBe('');
    const early = addWorktree(repo.dir, 'agent', env);
    const linked = addWorktree(repo.dir, 'linked', env);
    const outside = tempDir('aitrail-outside-');
    symlinkSync(outside, join(linked, '.husky', '_'));
    const init = aitrail(repo.dir, ['init'], { env });
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain(`installed ${join(early, '.husky', '_')}`);
    expect(init.stdout).toMatch(/Worktree \S+ skipped: \S+\/\.husky\/_ is a symbolic link/);
    expect(readdirSync(outside)).toEqual([]);
    expect(readFileSync(join(linked, '.husky', 'commit-msg'), 'utf8')).toBe(team);
    expect(readFileSync(join(early, '.husky', 'commit-msg'), 'utf8')).toBe(readFileSync(join(repo.dir, '.husky', 'commit-msg'), 'utf8'));
    expectHooksAtWork(early, env, started);
    const qwen = tryGit(early, ['commit', '-q', '--allow-empty', '-m', 'feat: by qwen'], { env: { ...env, AITRAIL_MODEL: 'qwen/qwen3-coder' } });
    expect(qwen.stderr).toContain('team-commit-msg');
    expect(aitrail(repo.dir, ['uninstall'], { env }).code).toBe(0);
    expect(readFileSync(join(early, '.husky', 'commit-msg'), 'utf8')).toBe(team);
    expect(tryGit(early, ['status', '--porcelain'], { env }).stdout).toBe('');
  });
});

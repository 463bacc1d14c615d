import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail, envWithAitrailOnPath } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { countingBin } from '../helpers/hooked-repo.js';
import { laterThanNow, makeRepo, TEST_GIT_ENV, tempDir } from '../helpers/gitdir.js';

/** A repository with core.hooksPath=.githooks and a worktree made before init with a core.hooksPath of its own (extensions.worktreeConfig). */
function worktreeWithOwnHooksPath(hooksPath: string, env: NodeJS.ProcessEnv): { dir: string; worktree: string } {
  const repo = makeRepo();
  repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' });
  repo.git(['config', 'core.hooksPath', '.githooks']);
  repo.git(['config', 'extensions.worktreeConfig', 'true']);
  const worktree = join(tempDir('aitrail-own-hookspath-'), 'wt');
  expect(tryGit(repo.dir, ['worktree', 'add', '-q', '-b', 'agent', worktree], { env }).code).toBe(0);
  expect(tryGit(worktree, ['config', '--worktree', 'core.hooksPath', hooksPath], { env }).code).toBe(0);
  return { dir: repo.dir, worktree };
}

describe("init and a worktree made before it whose own core.hooksPath init refuses in the worktree it runs in", () => {
  it("a relative one starting with '-' is skipped with a note: a person's commit there still works (every one failed with 'Illegal option -h')", () => {
    const env = envWithAitrailOnPath();
    const { dir, worktree } = worktreeWithOwnHooksPath('-hooks', env);
    const init = aitrail(dir, ['init', '--mode', 'git'], { env });
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain(`Worktree ${worktree} skipped: its core.hooksPath '-hooks' starts with '-'`);
    expect(existsSync(join(worktree, '-hooks'))).toBe(false);
    const person = tryGit(worktree, ['commit', '-q', '--allow-empty', '-m', 'docs: by hand'], { env });
    expect(person.code, person.stderr).toBe(0);
    expect(person.stderr).not.toContain('Illegal option');
  });

  it("husky's runtime directory is skipped with a note, nothing written into it (husky rewrites it)", () => {
    const env = envWithAitrailOnPath();
    const { dir, worktree } = worktreeWithOwnHooksPath('.husky/_', env);
    mkdirSync(join(worktree, '.husky', '_'), { recursive: true });
    writeFileSync(join(worktree, '.husky', '_', 'h'), '#!/usr/bin/env sh\n');
    const init = aitrail(dir, ['init', '--mode', 'git'], { env });
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain(`Worktree ${worktree} skipped: its core.hooksPath (${join(worktree, '.husky', '_')}) is husky's runtime directory`);
    expect(readdirSync(join(worktree, '.husky', '_'))).toEqual(['h']);
  });
});

describe('init and a hook it refuses in another worktree made before it', () => {
  it("that worktree's own commit-msg and a commit-msg.aitrail-chained left there: init says so, exits 0, and its own worktree keeps its stamp (init failed, and each person's commit started node)", () => {
    const { bin, started } = countingBin();
    const env = { ...TEST_GIT_ENV, PATH: `${bin}:${process.env.PATH ?? ''}` };
    const repo = makeRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' });
    repo.git(['config', 'core.hooksPath', '.githooks']);
    const worktree = join(tempDir('aitrail-refused-there-'), 'wt');
    expect(tryGit(repo.dir, ['worktree', 'add', '-q', '-b', 'agent', worktree], { env }).code).toBe(0);
    mkdirSync(join(worktree, '.githooks'));
    for (const name of ['commit-msg', 'commit-msg.aitrail-chained']) {
      writeFileSync(join(worktree, '.githooks', name), '#!/bin/sh\nexit 0\n');
      chmodSync(join(worktree, '.githooks', name), 0o755);
    }
    const init = aitrail(repo.dir, ['init', '--mode', 'git'], { env });
    expect(init.stdout).toContain(`refused   ${join(worktree, '.githooks', 'commit-msg')}`);
    expect(init.code, init.stdout).toBe(0);
    expect(init.stdout).toContain(`Worktree ${worktree}: a hook there was refused`);
    writeFileSync(started, '');
    const person = tryGit(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'docs: by hand'], { env: { ...env, GIT_AUTHOR_DATE: laterThanNow(), GIT_COMMITTER_DATE: laterThanNow() } });
    expect(person.code, person.stderr).toBe(0);
    expect(readFileSync(started, 'utf8')).toBe('');
    const qwen = tryGit(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'feat: by qwen'], { env: { ...env, AITRAIL_MODEL: 'qwen/qwen3-coder' } });
    expect(qwen.stderr).toContain('model-denied');
  });
});

describe("init in husky mode and a worktree made before it whose branch commits husky's runtime (`git add -f .husky/_`)", () => {
  it('is skipped with a note (its committed commit-msg is what git runs there, not aitrail\'s lines); uninstall leaves those committed files', () => {
    const env = envWithAitrailOnPath();
    const repo = makeRepo();
    repo.write('package.json', '{"name":"p","devDependencies":{"husky":"^9.1.7"}}\n');
    repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' });
    repo.git(['checkout', '-q', '-b', 'runtime']);
    repo.write('.husky/_/h', '#!/usr/bin/env sh\n');
    repo.write('.husky/_/commit-msg', '#!/bin/sh\nexit 0\n');
    chmodSync(join(repo.dir, '.husky', '_', 'commit-msg'), 0o755);
    repo.git(['add', '-f', '.husky']);
    repo.git(['commit', '-q', '-m', 'chore: a runtime of its own']);
    repo.git(['checkout', '-q', 'main']);
    const worktree = join(tempDir('aitrail-committed-runtime-'), 'wt');
    expect(tryGit(repo.dir, ['worktree', 'add', '-q', worktree, 'runtime'], { env }).code).toBe(0);
    const init = aitrail(repo.dir, ['init'], { env });
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).not.toContain(`installed ${join(worktree, '.husky')}`);
    expect(init.stdout).toContain(`Worktree ${worktree} skipped: ${join(worktree, '.husky', '_')} is committed in the branch checked out there`);
    expect(tryGit(worktree, ['status', '--porcelain'], { env }).stdout).toBe('');
    const uninstall = aitrail(repo.dir, ['uninstall'], { env });
    expect(uninstall.code, uninstall.stdout).toBe(0);
    expect(tryGit(worktree, ['status', '--porcelain'], { env }).stdout).toBe('');
    expect(readdirSync(join(worktree, '.husky', '_')).sort()).toEqual(['commit-msg', 'h']);
  });
});

import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail, envWithAitrailOnPath } from '../helpers/cli.js';
import { QWEN, tryGit } from '../helpers/enforce-repos.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';

const DENY_QWEN = 'policy:\n  deny: ["qwen/*"]\n';

/** An agent's commits in `worktree`: Qwen's refused by the policy (model-denied), Claude's recorded. */
function expectAgentCommitsJudged(worktree: string, env: NodeJS.ProcessEnv): void {
  const qwen = tryGit(worktree, ['commit', '-q', '--allow-empty', '-m', 'feat: by qwen'], { env: { ...env, AITRAIL_MODEL: 'qwen/qwen3-coder' } });
  expect(qwen.code).not.toBe(0);
  expect(qwen.stderr).toContain('model-denied');
  const claude = tryGit(worktree, ['commit', '-q', '--allow-empty', '-m', 'feat: by claude'], { env: { ...env, AITRAIL_MODEL: 'anthropic/claude-opus-4.6' } });
  expect(claude.code, claude.stderr).toBe(0);
  expect(tryGit(worktree, ['log', '-1', '--format=%B'], { env }).stdout).toContain('Assisted-by: unknown:anthropic/claude-opus-4.6');
}

/**
 * `folder` of the agent branch checked out at `worktree`, committed (`git commit <commitArgs>`) as a
 * symbolic link to a directory outside: a worktree then added from that branch writes nothing through it.
 */
function expectNothingWrittenThroughLink(repoDir: string, worktree: string, folder: string, env: NodeJS.ProcessEnv, commitArgs: string[]): void {
  const outside = tempDir('aitrail-outside-');
  expect(tryGit(worktree, ['rm', '-r', '-q', folder], { env }).code).toBe(0);
  rmSync(join(worktree, folder), { recursive: true, force: true });
  symlinkSync(outside, join(worktree, folder));
  expect(tryGit(worktree, ['add', folder], { env }).code).toBe(0);
  expect(tryGit(worktree, ['commit', ...commitArgs], { env }).code).toBe(0);
  expect(tryGit(repoDir, ['worktree', 'add', '-q', '-b', 'linked', join(tempDir('aitrail-agent-worktree-'), 'wt'), 'agent'], { env }).code).toBe(0);
  expect(readdirSync(outside)).toEqual([]);
}

/**
 * A clone of a bare server whose `main` holds the policy (tracked as origin/HEAD), with the hooks
 * `aitrail init --mode git` installs and an aitrail on PATH: everything goes through git as a
 * person runs it, hooks on.
 */
function hookedClone(): { server: TestRepo; work: TestRepo; env: NodeJS.ProcessEnv } {
  const server = makeRepo({ bare: true });
  const work = makeRepo();
  const env = envWithAitrailOnPath();
  work.git(['remote', 'add', 'origin', server.dir]);
  work.commit('chore: policy\n', { '.aitrailrc.yml': DENY_QWEN });
  work.git(['push', '-q', '-u', 'origin', 'main']);
  work.git(['remote', 'set-head', 'origin', 'main']);
  expect(aitrail(work.dir, ['init', '--mode', 'git'], { env }).code).toBe(0);
  return { server, work, env };
}

/** Through the hooks: a branch that loosens the config, then Qwen's commit (commit-msg reads the work tree's loosened config: it passes). */
function loosenedQwenBranch(work: TestRepo, env: NodeJS.ProcessEnv, branch: string): void {
  expect(tryGit(work.dir, ['checkout', '-q', '-b', branch, 'main'], { env }).code).toBe(0);
  work.write('.aitrailrc.yml', 'policy: {}\n');
  work.write('src/q.ts', 'export const q = 1;\n');
  work.git(['add', '-A']);
  const made = tryGit(work.dir, ['commit', '-q', '-F', '-'], { env, input: `feat: parser\n\n${QWEN}\n` });
  expect(made.code, made.stderr).toBe(0);
}

describe('pre-push: the server named otherwise than by its remote', () => {
  it('judges a push given the remote\'s path or URL, a remote never fetched, or a remote named with a slash by the default branch\'s policy', () => {
    const { server, work, env } = hookedClone();
    loosenedQwenBranch(work, env, 'loose');
    expect(tryGit(work.dir, ['push', 'origin', 'loose'], { env }).code).not.toBe(0);
    work.git(['remote', 'add', 'team/up', server.dir]);
    work.git(['remote', 'add', 'backup', `file://${server.dir}/`]);
    const attempts: Record<string, string[]> = {
      path: ['push', server.dir, 'loose:path'],
      'file URL': ['push', `file://${server.dir}`, 'loose:url'],
      'remote never fetched': ['push', 'backup', 'loose:backup'],
      'remote with a slash': ['push', 'team/up', 'loose:slash'],
    };
    for (const [name, args] of Object.entries(attempts)) {
      const push = tryGit(work.dir, args, { env });
      expect(push.code, `${name}: ${push.stderr}`).not.toBe(0);
      expect(push.stderr, name).toContain('qwen/qwen3-coder');
    }
    expect(server.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).toBe('refs/heads/main');
    // A person's branch still goes to a server by its path.
    expect(tryGit(work.dir, ['checkout', '-q', 'main'], { env }).code).toBe(0);
    const human = tryGit(work.dir, ['push', server.dir, 'main:human'], { env });
    expect(human.code, human.stderr).toBe(0);
  });
});

describe('pre-push: a clone that never fetched the default branch', () => {
  it('refuses a push to a remote that has branches but none of them its default as fetched (a --single-branch clone of a side branch), naming the fix', () => {
    const { server, work, env } = hookedClone();
    loosenedQwenBranch(work, env, 'loose');
    // A side branch holding the loosened config (pushed past the hook: the server has no hook here).
    expect(tryGit(work.dir, ['push', '--no-verify', '-q', 'origin', 'loose:refs/heads/side'], { env }).code).toBe(0);
    // A --single-branch (or --depth) clone of the side branch: refs/remotes/origin/side only.
    const clone = makeRepo();
    clone.git(['remote', 'add', '-t', 'side', 'origin', server.dir]);
    clone.git(['fetch', '-q', 'origin']);
    clone.git(['checkout', '-q', '-b', 'side', 'origin/side']);
    expect(aitrail(clone.dir, ['init', '--mode', 'git'], { env }).code).toBe(0);
    clone.write('src/q2.ts', 'export const q2 = 1;\n');
    clone.git(['add', '-A']);
    const made = tryGit(clone.dir, ['commit', '-q', '-F', '-'], { env, input: `feat: parser\n\n${QWEN}\n` });
    expect(made.code, made.stderr).toBe(0);
    for (const args of [['push', 'origin', 'side'], ['push', 'origin', 'side:new']]) {
      const push = tryGit(clone.dir, args, { env });
      expect(push.code, `${args.join(' ')}: ${push.stderr}`).not.toBe(0);
      expect(push.stderr).toContain("origin's default branch, which this clone does not fetch");
    }
    expect(server.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).toBe('refs/heads/main\nrefs/heads/side');
    // Fetched, the default branch's policy judges: Qwen refused.
    clone.git(['remote', 'set-branches', '--add', 'origin', 'main']);
    clone.git(['fetch', '-q', 'origin']);
    const judged = tryGit(clone.dir, ['push', 'origin', 'side:new'], { env });
    expect(judged.code).not.toBe(0);
    expect(judged.stderr).toContain('qwen/qwen3-coder');
    // A first push to an empty server still reads the work tree's config.
    const empty = makeRepo({ bare: true });
    clone.git(['remote', 'add', 'fresh', empty.dir]);
    const first = tryGit(clone.dir, ['push', 'fresh', 'side'], { env });
    expect(first.stderr).not.toContain('does not fetch');
  });
});

describe('husky mode: the file\'s own lines end the script', () => {
  it('an exit or exec among a .husky hook\'s own lines no longer skips aitrail\'s block; their failure still fails the hook', () => {
    const repo = makeRepo();
    const env = envWithAitrailOnPath();
    repo.write('package.json', '{"name":"p","devDependencies":{"husky":"^9.1.7"}}\n');
    repo.write('.husky/prepare-commit-msg', '#!/usr/bin/env sh\necho team-prepare\nexit 0\n');
    repo.write('.husky/commit-msg', 'echo team-lint\nexec true "$1"');
    const committed = { prepare: '#!/usr/bin/env sh\necho team-prepare\nexit 0\n', msg: 'echo team-lint\nexec true "$1"' };
    repo.commit('chore: policy\n', { '.aitrailrc.yml': DENY_QWEN });
    const init = aitrail(repo.dir, ['init'], { env });
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('husky mode');
    // An agent's commit: recorded by prepare-commit-msg, judged by commit-msg.
    const claude = tryGit(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'feat: by claude'], { env: { ...env, AITRAIL_MODEL: 'anthropic/claude-opus-4.6' } });
    expect(claude.code, claude.stderr).toBe(0);
    expect(claude.stderr).toContain('team-prepare');
    expect(repo.git(['log', '-1', '--format=%B'])).toContain('Assisted-by: unknown:anthropic/claude-opus-4.6');
    const qwen = tryGit(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'feat: by qwen'], { env: { ...env, AITRAIL_MODEL: 'qwen/qwen3-coder' } });
    expect(qwen.code).not.toBe(0);
    expect(qwen.stderr).toContain('model-denied');
    expect(qwen.stderr).toContain('team-lint');
    expect(repo.git(['log', '-1', '--format=%s'])).toBe('feat: by claude');
    const status = aitrail(repo.dir, ['status', '--format', 'json'], { env });
    expect((JSON.parse(status.stdout) as { hooks: { state: string }[] }).hooks.every((hook) => hook.state === 'husky')).toBe(true);
    // The team's own failure still refuses the commit.
    const failing = readFileSync(join(repo.dir, '.husky', 'commit-msg'), 'utf8').replace('exec true "$1"', 'echo no >&2; exit 3');
    writeFileSync(join(repo.dir, '.husky', 'commit-msg'), failing);
    const refused = tryGit(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'docs: by hand'], { env });
    expect(refused.code).not.toBe(0);
    expect(repo.git(['log', '-1', '--format=%s'])).toBe('feat: by claude');
    writeFileSync(join(repo.dir, '.husky', 'commit-msg'), failing.replace('echo no >&2; exit 3', 'exec true "$1"'));
    // Uninstall gives the team's files back byte for byte.
    expect(aitrail(repo.dir, ['uninstall'], { env }).code).toBe(0);
    expect(readFileSync(join(repo.dir, '.husky', 'prepare-commit-msg'), 'utf8')).toBe(committed.prepare);
    expect(readFileSync(join(repo.dir, '.husky', 'commit-msg'), 'utf8')).toBe(committed.msg);
  });
});

describe('husky mode: an agent\'s worktree', () => {
  it('git worktree add gives the new worktree husky\'s runtime: an agent\'s commit there is recorded and judged', () => {
    const repo = makeRepo();
    const env = envWithAitrailOnPath();
    repo.write('package.json', '{"name":"p","devDependencies":{"husky":"^9.1.7"}}\n');
    repo.commit('chore: policy\n', { '.aitrailrc.yml': DENY_QWEN });
    expect(aitrail(repo.dir, ['init'], { env }).code).toBe(0);
    repo.git(['add', '-A']);
    repo.commit('chore: aitrail hooks\n');
    const worktree = join(tempDir('aitrail-agent-worktree-'), 'wt');
    const added = tryGit(repo.dir, ['worktree', 'add', '-q', '-b', 'agent', worktree], { env });
    expect(added.code, added.stderr).toBe(0);
    expect(tryGit(worktree, ['status', '--porcelain'], { env }).stdout).toBe('');
    expectAgentCommitsJudged(worktree, env);
    // A committed symbolic link where the runtime's folder is: nothing is copied through it.
    expectNothingWrittenThroughLink(repo.dir, worktree, '.husky', env, ['-q', '-m', 'chore: husky elsewhere']);
  });
});

describe('husky mode: a pre-push of the team\'s own that reads the ref list', () => {
  it('aitrail\'s block still gets the refs pushed after `git lfs pre-push "$@"` (or any line reading stdin) consumed them', () => {
    const server = makeRepo({ bare: true });
    const work = makeRepo();
    const env = envWithAitrailOnPath();
    work.git(['remote', 'add', 'origin', server.dir]);
    // What Git LFS's own pre-push hook does with git's ref list: reads all of it.
    work.write('.husky/pre-push', '#!/bin/sh\necho team-lfs\ncat >/dev/null\n');
    work.commit('chore: policy\n', { 'package.json': '{"name":"p","devDependencies":{"husky":"^9.1.7"}}\n', '.aitrailrc.yml': DENY_QWEN });
    work.git(['push', '-q', '-u', 'origin', 'main']);
    work.git(['remote', 'set-head', 'origin', 'main']);
    expect(aitrail(work.dir, ['init'], { env }).code).toBe(0);
    loosenedQwenBranch(work, env, 'loose');
    const push = tryGit(work.dir, ['push', 'origin', 'loose'], { env });
    expect(`${push.stdout}${push.stderr}`).toContain('team-lfs');
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain('qwen/qwen3-coder');
    expect(server.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).toBe('refs/heads/main');
    expect(tryGit(work.dir, ['checkout', '-q', 'main'], { env }).code).toBe(0);
    const human = tryGit(work.dir, ['push', 'origin', 'main:human'], { env });
    expect(human.code, human.stderr).toBe(0);
  });
});

describe('git mode with a hooks directory in the work tree: an agent\'s worktree', () => {
  it('git worktree add gives the new worktree aitrail\'s shims (core.hooksPath=.githooks): an agent\'s commit there is recorded and judged', () => {
    const repo = makeRepo();
    const env = envWithAitrailOnPath();
    repo.write('.githooks/pre-commit', '#!/bin/sh\nexit 0\n');
    repo.commit('chore: policy\n', { '.aitrailrc.yml': DENY_QWEN });
    repo.git(['config', 'core.hooksPath', '.githooks']);
    const init = aitrail(repo.dir, ['init', '--mode', 'git'], { env });
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('.githooks/post-checkout');
    const worktree = join(tempDir('aitrail-agent-worktree-'), 'wt');
    expect(tryGit(repo.dir, ['worktree', 'add', '-q', '-b', 'agent', worktree], { env }).code).toBe(0);
    expectAgentCommitsJudged(worktree, env);
    // The team's committed hook is left as it is; a committed link in place of the hooks directory is never written through.
    expect(readFileSync(join(worktree, '.githooks', 'pre-commit'), 'utf8')).toBe('#!/bin/sh\nexit 0\n');
    expectNothingWrittenThroughLink(repo.dir, worktree, '.githooks', env, ['-q', '--no-verify', '-m', 'chore: hooks elsewhere']);
    expect(aitrail(repo.dir, ['uninstall'], { env }).code).toBe(0);
    expect(readdirSync(join(repo.dir, '.githooks'))).toEqual(['pre-commit']);
  });
});

describe('init beside a post-checkout of the project\'s own', () => {
  it('a committed .githooks/post-checkout or a .husky/post-checkout link is left alone, and the commit hooks still go in', () => {
    const env = envWithAitrailOnPath();
    const git = makeRepo();
    git.write('.githooks/post-checkout', '#!/bin/sh\necho team\n');
    git.commit('chore: hooks\n', { '.aitrailrc.yml': DENY_QWEN });
    git.git(['config', 'core.hooksPath', '.githooks']);
    const gitInit = aitrail(git.dir, ['init', '--mode', 'git'], { env });
    expect(gitInit.code, gitInit.stderr).toBe(0);
    expect(gitInit.stdout).toMatch(/unchanged \.githooks\/post-checkout — committed; left as it is/);
    expect(readFileSync(join(git.dir, '.githooks', 'post-checkout'), 'utf8')).toBe('#!/bin/sh\necho team\n');
    expect(readFileSync(join(git.dir, '.githooks', 'commit-msg'), 'utf8')).toContain('# aitrail-shim: commit-msg');
    const husky = makeRepo();
    husky.write('package.json', '{"name":"p","devDependencies":{"husky":"^9.1.7"}}\n');
    husky.write('scripts/post-checkout.sh', 'echo team\n');
    mkdirSync(join(husky.dir, '.husky'));
    symlinkSync('../scripts/post-checkout.sh', join(husky.dir, '.husky', 'post-checkout'));
    husky.commit('chore: hooks\n');
    const huskyInit = aitrail(husky.dir, ['init'], { env });
    expect(huskyInit.code, huskyInit.stderr).toBe(0);
    expect(readFileSync(join(husky.dir, 'scripts', 'post-checkout.sh'), 'utf8')).toBe('echo team\n');
    // aitrail's block went into the committed .husky/commit-msg (since row 825 it finds and judges aitrail as the shims do).
    const block = readFileSync(join(husky.dir, '.husky', 'commit-msg'), 'utf8');
    expect(block).toContain('# >>> aitrail: added by `aitrail init`');
    expect(block).toContain('aitrail_run_commit_msg "$@"');
    expect(readFileSync(join(husky.dir, '.husky', 'aitrail.sh'), 'utf8')).toContain('"$a" hook "$h" "$@"'); // the shared lines it sources (row 874)
  });
});

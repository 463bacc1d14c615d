import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { laterThanNow, makeRepo, TEST_GIT_ENV, tempDir } from '../helpers/gitdir.js';

/**
 * The client shims clean PATH (no relative or empty entry, no folder of the work tree) once, lazily:
 * right before the first tool they run by name (`aitrail_safe`, src/install/shim-source.ts safePathLines),
 * and always past the gates, before git, grep, node or aitrail. Every name a generated shim can run
 * (hooks/*: the gates' grep, tail, git var/log/notes; the lookup's git, mv, realpath, readlink, grep;
 * cmp by its absolute path; node and pnpm's sed, dirname, uname; post-checkout's dirname, mkdir, cp,
 * chmod; the shell function itself) is planted as a committed script in node_modules/.bin (relative and
 * absolute on PATH), at the top (`.` and an empty PATH entry) and in a folder of the work tree, ahead
 * of everything on PATH; a person's commit (package.json compared by cmp), an agent's (denied refused,
 * allowed recorded), a merge (git var), an amend (packed-refs' grep, git notes, git log), a rebase with a
 * reword (tail) and a checkout: none of the planted scripts runs. Rows 661-669 (session 43), session 44.
 */
const TOOLS = ['git', 'grep', 'tail', 'cmp', 'mv', 'cat', 'mktemp', 'rm', 'realpath', 'readlink', 'node', 'sed', 'dirname', 'uname', 'mkdir', 'cp', 'chmod', 'tr', 'sleep', 'env', 'ls', 'date', 'head', 'wc', 'aitrail_safe', 'aitrail_cmp'];
const which = (name: string) => spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
const GIT = which('git');
const SED = which('sed');

function setup() {
  const root = tempDir('aitrail-lazy-path-');
  const bin = join(root, 'bin');
  mkdirSync(bin);
  const marker = join(root, 'ran');
  writeFileSync(join(bin, 'aitrail'), `#!/usr/bin/env node\nrequire(${JSON.stringify(BIN)});\n`, { mode: 0o755 });
  const repo = makeRepo({ dir: join(root, 'repo') });
  const files: Record<string, string> = {
    'a.txt': 'a\n',
    '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n',
    'package.json': '{"name":"app","version":"1.0.0","private":true}\n',
  };
  for (const tool of TOOLS) {
    for (const where of ['node_modules/.bin', '.', 'tools']) files[`${where === '.' ? '' : `${where}/`}${tool}`] = `#!/bin/sh\necho '${tool} in ${where}' >>'${marker}'\nexit 0\n`;
  }
  repo.commit('start\n', files);
  for (const path of Object.keys(files)) if (!path.includes('.')) chmodSync(join(repo.dir, path), 0o755);
  for (const tool of TOOLS) chmodSync(join(repo.dir, 'node_modules', '.bin', tool), 0o755);
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'tools']);
  const base = `${bin}:${process.env.PATH ?? ''}`;
  const init = spawnSync(process.execPath, [BIN, 'init', '--mode', 'git'], { cwd: repo.dir, env: { ...TEST_GIT_ENV, PATH: base }, encoding: 'utf8' });
  expect(init.status, init.stderr).toBe(0);
  // Every planted place first: husky's relative .bin, npm run's absolute one, `.`, an empty entry, a folder of the work tree.
  const planted = `node_modules/.bin:${join(repo.dir, 'node_modules', '.bin')}:.::${join(repo.dir, 'tools')}:${base}`;
  const git = (args: string[], env: NodeJS.ProcessEnv = {}) => spawnSync(GIT, args, { cwd: repo.dir, env: { ...TEST_GIT_ENV, PATH: planted, ...env }, encoding: 'utf8' });
  const ran = () => (existsSync(marker) ? readFileSync(marker, 'utf8') : '');
  return { repo, git, ran, planted };
}

describe('the shims clean PATH lazily, before every tool they run by name (session 44)', () => {
  it('a person\'s commit, an agent\'s, a merge, an amend, a rebase with a reword and a checkout run none of the repository\'s tools', () => {
    const { repo, git, ran, planted } = setup();
    const person = { GIT_AUTHOR_DATE: laterThanNow() };
    // The first commit after init starts node (the stamp); the next ones take the fast path (cmp compares package.json).
    for (let i = 0; i < 3; i++) {
      repo.write('a.txt', `${i}\n`);
      repo.git(['add', 'a.txt']);
      const made = git(['commit', '-q', '-m', `Human change ${i}`]);
      expect(made.status, made.stderr).toBe(0);
      expect(ran(), made.stderr).toBe('');
    }
    // A first cmp in the work tree leaves the stamp untrusted (661: node judged those commits); without it the gates go on
    // (cmp by its absolute path) to the tools below.
    repo.git(['rm', '-q', 'node_modules/.bin/cmp', 'cmp', 'tools/cmp']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'no cmp']);
    repo.write('a.txt', 'ai\n');
    repo.git(['add', 'a.txt']);
    const denied = git(['commit', '-q', '-m', 'AI change'], { AITRAIL_MODEL: 'qwen/qwen3-coder' });
    expect(ran(), denied.stderr).toBe('');
    expect(denied.status).not.toBe(0);
    expect(denied.stderr).toMatch(/qwen/);
    const allowed = git(['commit', '-q', '-m', 'AI change'], { AITRAIL_MODEL: 'openai/gpt-5' });
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('unknown:openai/gpt-5');
    expect(ran()).toBe('');
    // A git-ai note on an older commit, packed: post-rewrite's gate greps packed-refs and asks git notes about the amended commit.
    repo.git(['notes', '--ref=refs/notes/ai', 'add', '-m', '{}', 'HEAD~2']);
    repo.git(['pack-refs', '--all']);
    expect(readFileSync(join(repo.dir, '.git', 'packed-refs'), 'utf8')).toMatch(/refs\/notes\/ai/);
    repo.write('a.txt', 'person\n');
    repo.git(['add', 'a.txt']);
    const plain = git(['commit', '-q', '-m', 'Human change'], person);
    expect(plain.status, plain.stderr).toBe(0);
    const amended = git(['commit', '-q', '--amend', '-m', 'Human change, amended'], person);
    expect(amended.status, amended.stderr).toBe(0);
    expect(ran(), amended.stderr).toBe('');
    // A merge: git exports no author to its hooks, the fast path asks git var.
    const side = repo.git(['commit-tree', '-p', 'HEAD', '-m', 'Side work', 'HEAD^{tree}']);
    repo.git(['update-ref', 'refs/heads/side', side]);
    const merged = git(['merge', '-q', '--no-ff', '--no-edit', 'side']);
    expect(merged.status, merged.stderr).toBe(0);
    expect(ran(), merged.stderr).toBe('');
    // A rebase whose first step is a reword (commit-msg's reword gate reads rebase-merge/done's last line).
    const rebased = git(['rebase', '-q', '-i', '--force-rebase', 'HEAD~2'], { GIT_SEQUENCE_EDITOR: `${SED} -i 1s/^pick/reword/`, GIT_EDITOR: `${process.execPath} -e 0` });
    expect(rebased.status, rebased.stderr).toBe(0);
    expect(ran(), rebased.stderr).toBe('');
    const checkout = git(['checkout', '-q', '-b', 'other']);
    expect(checkout.status, checkout.stderr).toBe(0);
    expect(ran(), checkout.stderr).toBe('');
    // git puts its exec-path (its own git) first on the hooks' PATH: the shims run here as a hook runner without that
    // would run them, so the gates' `git` by name is looked for on the planted PATH too. A commit-msg with no author
    // exported (git var), a post-rewrite after an amend of a commit with no note (git notes, git log).
    const hooks = repo.git(['rev-parse', '--git-path', 'hooks']);
    const direct = (hook: string, args: string[], env: NodeJS.ProcessEnv, input = '') =>
      spawnSync('sh', [join(repo.dir, hooks, hook), ...args], { cwd: repo.dir, env: { ...env, PATH: planted }, input, encoding: 'utf8' });
    const noAuthor = { ...TEST_GIT_ENV };
    delete noAuthor.GIT_AUTHOR_NAME;
    delete noAuthor.GIT_AUTHOR_EMAIL;
    writeFileSync(join(repo.dir, '.git', 'COMMIT_EDITMSG'), 'Plain message\n');
    const message = direct('commit-msg', ['.git/COMMIT_EDITMSG'], noAuthor);
    expect(message.status, message.stderr).toBe(0);
    expect(ran(), message.stderr).toBe('');
    // The notes ref loose again (one more note): the gate finds it without grep, so git notes and git log are the first tools.
    repo.git(['notes', '--ref=refs/notes/ai', 'add', '-m', '{}', 'HEAD~3']);
    expect(existsSync(join(repo.dir, '.git', 'refs', 'notes', 'ai'))).toBe(true);
    const old = repo.git(['commit-tree', '-p', 'HEAD', '-m', 'Plain old', 'HEAD^{tree}']);
    const fresh = repo.git(['commit-tree', '-p', 'HEAD', '-m', 'Plain new', 'HEAD^{tree}']);
    const rewrite = direct('post-rewrite', ['amend'], TEST_GIT_ENV, `${old} ${fresh}\n`);
    expect(rewrite.status, rewrite.stderr).toBe(0);
    expect(ran(), rewrite.stderr).toBe('');
    // No git-ai note at all: git log is the first tool post-rewrite runs for an amend.
    const trailer = repo.git(['log', '--format=%(trailers:key=Assisted-by,valueonly)', '-7']);
    repo.git(['update-ref', '-d', 'refs/notes/ai']);
    // And no packed-refs (its grep would clean PATH first): every packed ref written loose again.
    const packed = join(repo.dir, '.git', 'packed-refs');
    for (const [sha, ref] of readFileSync(packed, 'utf8').split('\n').filter((line) => /^[0-9a-f]{40} /.test(line)).map((line) => line.split(' '))) {
      if (!existsSync(join(repo.dir, '.git', ref))) writeFileSync(join(repo.dir, '.git', ref), `${sha}\n`);
    }
    rmSync(packed);
    const again = direct('post-rewrite', ['amend'], TEST_GIT_ENV, `${repo.git(['commit-tree', '-p', 'HEAD', '-m', 'Plain old 2', 'HEAD^{tree}'])} ${repo.git(['commit-tree', '-p', 'HEAD', '-m', 'Plain new 2', 'HEAD^{tree}'])}\n`);
    expect(again.status, again.stderr).toBe(0);
    expect(ran(), again.stderr).toBe('');
    // The person's commits stayed plain; the agent's kept its trailer through the rebase.
    expect(trailer.split('\n').filter(Boolean)).toEqual(['unknown:openai/gpt-5']);
  });
});

/**
 * The post-checkout shim (a hooks directory in the work tree) copies aitrail's shims into a worktree
 * `git worktree add` makes, at that worktree's top, which holds the repository's files: it ran `dirname`,
 * `mkdir`, `cp` and `chmod` by name, so a `.` or an empty PATH entry (or husky's relative
 * node_modules/.bin, committed) ran the repository's scripts at every `git worktree add`. Now the shell
 * finds the hook's folder and the system's default PATH (`command -p`) gives the three tools.
 */
describe('the post-checkout shim runs none of the repository\'s tools (session 44)', () => {
  it('git worktree add with `.`, an empty entry and node_modules/.bin first on PATH: the shims are copied, no planted script runs', () => {
    const root = tempDir('aitrail-lazy-checkout-');
    const marker = join(root, 'ran');
    const repo = makeRepo({ dir: join(root, 'repo') });
    const files: Record<string, string> = { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' };
    for (const tool of ['dirname', 'mkdir', 'cp', 'chmod', 'cat', 'sed']) {
      for (const where of ['node_modules/.bin', '.']) files[`${where === '.' ? '' : `${where}/`}${tool}`] = `#!/bin/sh\necho '${tool} in ${where}' >>'${marker}'\nexit 0\n`;
    }
    repo.commit('start\n', files);
    for (const path of Object.keys(files)) if (!path.startsWith('.aitrailrc')) chmodSync(join(repo.dir, path), 0o755);
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'tools']);
    repo.git(['config', 'core.hooksPath', '.githooks']);
    const init = spawnSync(process.execPath, [BIN, 'init', '--mode', 'git'], { cwd: repo.dir, env: TEST_GIT_ENV, encoding: 'utf8' });
    expect(init.status, init.stderr).toBe(0);
    expect(existsSync(join(repo.dir, '.githooks', 'post-checkout'))).toBe(true);
    const worktree = join(root, 'wt');
    const added = spawnSync(GIT, ['worktree', 'add', '-q', '-b', 'agent', worktree], { cwd: repo.dir, env: { ...TEST_GIT_ENV, PATH: `.::node_modules/.bin:${process.env.PATH ?? ''}` }, encoding: 'utf8' });
    expect(added.status, added.stderr).toBe(0);
    expect(existsSync(marker) ? readFileSync(marker, 'utf8') : '', added.stderr).toBe('');
    expect(readFileSync(join(worktree, '.githooks', 'commit-msg'), 'utf8')).toBe(readFileSync(join(repo.dir, '.githooks', 'commit-msg'), 'utf8'));
  });
});

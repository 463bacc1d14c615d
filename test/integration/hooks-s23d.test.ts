import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hookedRepo } from '../helpers/hooked-repo.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { aitrail, BIN, hookEnv, messageOf } from '../helpers/hooks.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';

const OPUS = { AITRAIL_MODEL: 'anthropic/claude-opus-4.6', AITRAIL_AGENT: 'claude-code' };

describe('a commit with no message and no editor (GIT_EDITOR=:, --no-edit, -m \'\') is left to git', () => {
  let repo: TestRepo;
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    ({ repo, env } = hookedRepo());
  });
  const commit = (args: string[], extra: NodeJS.ProcessEnv = {}) => tryGit(repo.dir, ['commit', '-q', '--allow-empty', ...args], { env: { ...env, ...OPUS, AITRAIL_QUIET: '1', ...extra } });

  it('GIT_EDITOR=: git commit, nothing written: aborted as empty, as git does (it had made a commit whose subject was the trailer)', () => {
    const head = repo.git(['rev-parse', 'HEAD']);
    const made = commit([], { GIT_EDITOR: ':' });
    expect(made.code, made.stderr).toBe(1);
    expect(made.stderr).toContain('Aborting commit due to empty commit message.');
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
  });

  it('--allow-empty-message with --no-edit or -m \'\': the empty message git was asked for (commit-msg had refused it)', () => {
    for (const args of [['--no-edit', '--allow-empty-message'], ['--allow-empty-message', '-m', '']]) {
      const head = repo.git(['rev-parse', 'HEAD']);
      const made = commit(args);
      expect(made.code, made.stderr).toBe(0);
      expect(repo.git(['rev-parse', 'HEAD^'])).toBe(head);
      expect(messageOf(repo.dir)).toBe('');
    }
    const amended = commit(['--amend', '--no-edit', '--allow-empty-message']);
    expect(amended.code, amended.stderr).toBe(0);
    expect(messageOf(repo.dir)).toBe('');
  });

  it('a message written with -m, or typed in an editor, still gets its trailer', () => {
    expect(commit(['-m', '#123 fix the parser']).code).toBe(0);
    expect(messageOf(repo.dir)).toBe('#123 fix the parser\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n');
    const typed = commit([], { GIT_EDITOR: "sed -i '1s/^/Typed subject/'" });
    expect(typed.code, typed.stderr).toBe(0);
    expect(messageOf(repo.dir)).toBe('Typed subject\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n');
  });
});

describe('husky: no node on the PATH git gives hooks', () => {
  it('commit-msg still fails closed, and now says why and how to skip aitrail once (husky alone said `command not found in PATH=…`)', () => {
    const repo = makeRepo();
    repo.commit('chore: husky\n', { 'package.json': '{"name":"p","devDependencies":{"husky":"^9.1.7"}}\n' });
    const init = aitrail(repo.dir, ['init']);
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain('husky mode');
    mkdirSync(join(repo.dir, 'node_modules', '.bin'), { recursive: true });
    symlinkSync(BIN, join(repo.dir, 'node_modules', '.bin', 'aitrail'));
    // What a GUI started outside the shell gives hooks: git and a shell, no node.
    const bin = join(tempDir('aitrail-nonode-'), 'bin');
    mkdirSync(bin);
    for (const tool of ['git', 'sh', 'env', 'basename', 'dirname']) symlinkSync(spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim(), join(bin, tool));
    const env = { PATH: bin, AITRAIL_MODEL: 'anthropic/claude-opus-4.6' };
    const head = repo.git(['rev-parse', 'HEAD']);
    const blocked = tryGit(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'From a GUI'], { env });
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toContain('aitrail: prepare-commit-msg hook failed (exit 127), nothing recorded; the commit goes on.');
    expect(blocked.stderr).toMatch(/aitrail: commit blocked: (node_modules\/\.bin\/)?aitrail could not be started \(exit 127\), so the model policy cannot be checked\. Is node on the PATH git gives hooks\?.*AITRAIL=0 git commit/);
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
    const skipped = tryGit(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'From a GUI'], { env: { ...env, AITRAIL: '0' } });
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(messageOf(repo.dir)).toBe('From a GUI\n');
  });
});

describe('a core.hooksPath of the global git config', () => {
  it('init refuses to install there (every other repository would have its commits refused), naming the file and a hooks directory of the repository\'s own; --force still does', () => {
    const shared = join(tempDir('aitrail-shared-hooks-'), 'hooks');
    mkdirSync(shared);
    const global = join(tempDir('aitrail-global-'), 'gitconfig');
    writeFileSync(global, `[core]\n\thooksPath = ${shared}\n`);
    const env = { GIT_CONFIG_GLOBAL: global };
    const repo = makeRepo();
    repo.commit('start\n');
    const refused = aitrail(repo.dir, ['init', '--mode', 'git'], env);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`core.hooksPath is set in your global git config (${global}) to '${shared}'`);
    const own = join(repo.dir, '.git', 'hooks');
    expect(refused.stderr).toContain(`git config core.hooksPath '${own}'`);
    expect(readdirSync(shared)).toEqual([]);
    // Before: shims there, and another repository's commit (no aitrail anywhere) was refused by commit-msg.
    const other = makeRepo();
    expect(tryGit(other.dir, ['commit', '-q', '--allow-empty', '-m', 'elsewhere'], { env: { ...env, PATH: '/usr/bin:/bin' } }).code).toBe(0);
    // The advice works: a hooks directory of its own.
    repo.git(['config', 'core.hooksPath', own]);
    const installed = aitrail(repo.dir, ['init', '--mode', 'git'], env);
    expect(installed.status, installed.stderr).toBe(0);
    expect(existsSync(join(own, 'commit-msg'))).toBe(true);
    expect(readdirSync(shared)).toEqual([]);
    const forced = aitrail(other.dir, ['init', '--mode', 'git', '--force'], env);
    expect(forced.status, forced.stderr).toBe(0);
    expect(readdirSync(shared)).toContain('commit-msg');
  });
});

describe('a relative core.hooksPath starting with a dash', () => {
  it('init refuses it, naming the full path to set (git ran `-hooks/prepare-commit-msg`, which sh took for options: every commit failed)', () => {
    const repo = makeRepo();
    repo.commit('start\n');
    repo.git(['config', 'core.hooksPath', '-hooks']);
    const refused = aitrail(repo.dir, ['init', '--mode', 'git']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`git config core.hooksPath '${join(repo.dir, '-hooks')}'`);
    expect(existsSync(join(repo.dir, '-hooks'))).toBe(false);
    repo.git(['config', 'core.hooksPath', './-hooks']);
    expect(aitrail(repo.dir, ['init', '--mode', 'git']).status).toBe(2);
    expect(existsSync(join(repo.dir, '-hooks'))).toBe(false);
    const made = tryGit(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'still commits'], { env: OPUS });
    expect(made.code, made.stderr).toBe(0);
    repo.git(['config', 'core.hooksPath', join(repo.dir, '-hooks')]);
    expect(aitrail(repo.dir, ['init', '--mode', 'git']).status).toBe(0);
    const recorded = tryGit(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'recorded'], { env: hookEnv(OPUS) });
    expect(recorded.code, recorded.stderr).toBe(0);
    expect(messageOf(repo.dir)).toBe('recorded\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n');
  });
});

// A `.env` the repository commits, loaded by aider, Gemini CLI and Qwen Code into the environment of
// their `git commit` (row 430's loading), against what else it can do to the hooks: git's rebase
// variables, and the variables that keep git from running any hook. Real repositories, the hooks
// installed by the real `aitrail init`, the agent's environment as it would be set.
import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { hookedRepo, hookedWithOrigin } from '../helpers/hooked-repo.js';
import { makeRepo, TEST_GIT_ENV, tempDir } from '../helpers/gitdir.js';

/** Qwen Code's `git commit`: its own marker and model, the committed .env's variables loaded over them. */
function qwenCode(env: NodeJS.ProcessEnv, planted: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, HOME: tempDir('aitrail-home-'), ...planted, QWEN_CODE: '1', OPENAI_MODEL: 'qwen3-coder' };
}

describe("git's rebase variables from a committed .env", () => {
  it.each([
    ['GIT_CHERRY_PICK_HELP', { GIT_CHERRY_PICK_HELP: 'resolve and git rebase --continue' }],
    ['GIT_REFLOG_ACTION=rebase', { GIT_REFLOG_ACTION: 'rebase (pick)' }],
  ])('%s: an agent commit outside a rebase is recorded, not taken for a replay', (_name, planted) => {
    const { repo, env } = hookedRepo();
    const setUp = { ...env, AITRAIL: '0' };
    const line = Object.entries(planted).map(([key, value]) => `${key}="${value}"`).join('\n');
    repo.commit('chore: env\n', { 'tools/.env': `LOG_LEVEL=info\n${line}\n` }, setUp);
    repo.write('a.txt', 'one\n');
    repo.git(['add', 'a.txt']);
    const made = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: one'], { env: qwenCode(env, planted) });
    expect(made.code, made.stderr).toBe(0);
    // Before: no trailer (a "replay" records nothing) and an `undeclared` warning; CI and pre-receive then saw a person's commit.
    expect(repo.git(['log', '-1', '--format=%B'])).toBe('feat: one\n\nAssisted-by: qwen-code:qwen/qwen3-coder');
    expect(made.stderr).not.toContain('undeclared');
  });
});

describe('a committed .env that keeps git from running the hooks', () => {
  it("runs no hook for the agent's commit (no hook can close it); the person's push names the file and the variables", () => {
    const { repo, env, setUp } = hookedWithOrigin();
    // A person's push with no such file says nothing; HUSKY=0 means nothing in git mode.
    repo.commit('chore: env\n', { '.env': 'LOG_LEVEL=info\nHUSKY=0\n' }, setUp);
    const quiet = tryGit(repo.dir, ['push', '-q', 'origin', 'main'], { env });
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stderr).not.toContain('.env this repository commits');

    repo.commit('chore: env\n', {
      '.env': 'LOG_LEVEL=info\nHUSKY=0\nexport GIT_CONFIG_COUNT=1\nGIT_CONFIG_KEY_0=core.hooksPath\nGIT_CONFIG_VALUE_0=/dev/null\n',
      'tools/.env.local': "SKIP='aitrail-record,aitrail-policy'\n",
    }, setUp);
    repo.write('a.txt', 'one\n');
    repo.git(['add', 'a.txt']);
    const planted = { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'core.hooksPath', GIT_CONFIG_VALUE_0: '/dev/null' };
    const made = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: qwen'], { env: qwenCode(env, planted) });
    // The limit: git runs no hook at all, so Qwen's commit under deny: ["qwen/*"] is neither refused nor recorded.
    expect(made.code, made.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'])).toBe('feat: qwen');

    const pushed = tryGit(repo.dir, ['push', '-q', 'origin', 'main'], { env });
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(pushed.stderr).toContain('a .env this repository commits sets GIT_CONFIG_COUNT (.env), SKIP=aitrail-record,aitrail-policy (tools/.env.local):');
    expect(pushed.stderr).toContain('may be neither recorded nor refused');
    expect(pushed.stderr).not.toContain('HUSKY');
  });

  it('husky mode: HUSKY=0 ends husky before any hook file, so the person\'s push names it', () => {
    const repo = makeRepo();
    const env = { ...TEST_GIT_ENV };
    const setUp = { ...env, AITRAIL: '0' };
    repo.write('package.json', '{"name":"p","devDependencies":{"husky":"^9.1.7"}}\n');
    repo.commit('start\n', { 'a.txt': 'a\n' }, setUp);
    const init = spawnSync(process.execPath, [BIN, 'init'], { cwd: repo.dir, env, encoding: 'utf8' });
    expect(init.status, init.stderr).toBe(0);
    expect(repo.git(['config', 'core.hooksPath'])).toBe('.husky/_');
    const remote = makeRepo({ bare: true });
    repo.git(['remote', 'add', 'origin', remote.dir]);
    // aitrail on the PATH husky gives its hook files (a project's node_modules/.bin in real life).
    const bin = tempDir('aitrail-bin-');
    writeFileSync(join(bin, 'aitrail'), `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`);
    chmodSync(join(bin, 'aitrail'), 0o755);
    const withBin = { ...env, PATH: `${bin}:${env.PATH ?? ''}` };
    repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' }, setUp);
    repo.write('a.txt', 'one\n');
    repo.git(['add', 'a.txt']);
    // husky runs aitrail's block: Qwen's commit is refused, until a committed .env says HUSKY=0.
    expect(tryGit(repo.dir, ['commit', '-q', '-m', 'feat: qwen'], { env: qwenCode(withBin, {}) }).code).not.toBe(0);
    repo.git(['reset', '-q']);
    repo.commit('chore: env\n', { '.env': 'HUSKY=0\n' }, setUp);
    repo.write('a.txt', 'two\n');
    repo.git(['add', 'a.txt']);
    const made = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: qwen'], { env: qwenCode(withBin, { HUSKY: '0' }) });
    expect(made.code, made.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'])).toBe('feat: qwen');
    const pushed = tryGit(repo.dir, ['push', '-q', 'origin', 'main'], { env: withBin });
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(pushed.stderr).toContain('a .env this repository commits sets HUSKY=0 (.env):');
  });
});

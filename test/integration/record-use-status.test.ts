import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo, TEST_GIT_ENV, tempDir } from '../helpers/gitdir.js';
import { copiedRepo } from '../helpers/hooked-repo.js';
import { aitrail, BIN, gitRun, messageOf } from '../helpers/hooks.js';

/** Made once per file and copied (test/helpers/hooked-repo.ts): init's node run once, not per test. */
function repoWithHooks() {
  return copiedRepo('record-use-status', () => {
    const repo = makeRepo();
    repo.commit('initial\n');
    expect(aitrail(repo.dir, ['init', '--mode', 'git']).status).toBe(0);
    return repo;
  });
}

describe('aitrail use', () => {
  it('stores a canonical session under the git dir, records it, shows it, clears it', () => {
    const repo = repoWithHooks();
    const set = aitrail(repo.dir, ['use', 'qwen/qwen3-coder', '--agent', 'qwen-code', '--for', '2h']);
    expect(set.status, set.stderr).toBe(0);
    expect(set.stdout).toMatch(/Assisted-by: qwen-code:qwen\/qwen3-coder, until \d{4}-/);
    const stored = JSON.parse(readFileSync(join(repo.dir, '.git', 'aitrail', 'session.json'), 'utf8'));
    expect(stored).toMatchObject({ model: 'qwen/qwen3-coder', agent: 'qwen-code' });
    expect(Date.parse(stored.expiresAt) - Date.parse(stored.setAt)).toBe(2 * 3600_000);
    expect(repo.git(['status', '--porcelain'])).toBe('');

    expect(aitrail(repo.dir, ['use']).stdout).toMatch(/^Session: qwen-code qwen\/qwen3-coder, until /);
    expect(gitRun(repo.dir, ['commit', '-q', '--allow-empty', '--no-verify', '-m', 'With session']).status).toBe(0);
    expect(messageOf(repo.dir)).toBe('With session\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n');

    const cleared = aitrail(repo.dir, ['use', '--clear']);
    expect(cleared.stdout).toMatch(/Session cleared/);
    expect(gitRun(repo.dir, ['commit', '-q', '--allow-empty', '--no-verify', '-m', 'After clear']).status).toBe(0);
    expect(messageOf(repo.dir)).toBe('After clear\n');
    expect(aitrail(repo.dir, ['use', '--clear']).stdout).toMatch(/No session was set/);
  });

  it('canonicalises model names through the catalog', () => {
    const repo = repoWithHooks();
    const result = aitrail(repo.dir, ['use', 'Claude Opus 4.6']);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(repo.dir, '.git', 'aitrail', 'session.json'), 'utf8')).model).toBe('anthropic/claude-opus-4.6');
  });

  it('refuses a model id detection would not keep (was stored, then recorded as unknown:unknown)', () => {
    const repo = repoWithHooks();
    for (const model of ['acme/coder+x:7b', 'a..b/c']) {
      const result = aitrail(repo.dir, ['use', model]);
      expect(result.status, model).toBe(2);
      expect(result.stderr).toMatch(/unknown model/);
    }
    expect(existsSync(join(repo.dir, '.git', 'aitrail', 'session.json'))).toBe(false);
    expect(aitrail(repo.dir, ['use', 'acme/coder-2']).status).toBe(0);
    expect(gitRun(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'Literal']).status).toBe(0);
    expect(messageOf(repo.dir)).toBe('Literal\n\nAssisted-by: unknown:acme/coder-2\n');
  });

  it('an expired session is not recorded', () => {
    const repo = repoWithHooks();
    mkdirSync(join(repo.dir, '.git', 'aitrail'), { recursive: true });
    writeFileSync(
      join(repo.dir, '.git', 'aitrail', 'session.json'),
      JSON.stringify({ model: 'qwen/qwen3-coder', agent: 'qwen-code', setAt: '2020-01-01T00:00:00Z', expiresAt: '2020-01-01T01:00:00Z' }),
    );
    expect(gitRun(repo.dir, ['commit', '-q', '--allow-empty', '--no-verify', '-m', 'Expired']).status).toBe(0);
    expect(messageOf(repo.dir)).toBe('Expired\n');
    expect(aitrail(repo.dir, ['use']).stdout).toMatch(/No session \(the stored one has expired or is invalid\)/);
  });

  it('`aitrail use -- <model>` sets the model (not a silent "No session")', () => {
    const repo = repoWithHooks();
    const set = aitrail(repo.dir, ['use', '--', 'qwen/qwen3-coder']);
    expect(set.status, set.stderr).toBe(0);
    expect(aitrail(repo.dir, ['use']).stdout).toMatch(/^Session: .* qwen\/qwen3-coder, until \d{4}-\d\d-\d\dT[\d:.]+Z \((7h 59m|8h) left\)/);
  });

  it.each([
    [['use', 'definitely not a model'], /unknown model/],
    [['use', 'qwen/qwen3-coder', '--for', 'forever'], /invalid duration/],
    [['use', 'qwen/qwen3-coder', '--agent', 'bad\nagent'], /invalid agent/],
    [['use', 'qwen/qwen3-coder', '--clear'], /--clear takes no model/],
    [['use', '--clear', '--', 'qwen/qwen3-coder'], /--clear takes no model/],
    [['use', '--', 'qwen/qwen3-coder', 'openai/gpt-5'], /one model only/],
    [['use', '--', '-not-a-model'], /unknown model '-not-a-model'/],
  ])('bad usage %j exits 2 with what to do', (args, pattern) => {
    const repo = repoWithHooks();
    const result = aitrail(repo.dir, args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(pattern);
  });
});

describe('aitrail status', () => {
  it('reports hooks, config and what would be recorded with the evidence', () => {
    const repo = repoWithHooks();
    writeFileSync(join(repo.dir, '.aitrailrc.json'), '{"trailer":{"key":"Generated-by"}}\n');
    const text = aitrail(repo.dir, ['status'], { AITRAIL_MODEL: 'openai/gpt-5.2-codex', AITRAIL_AGENT: 'codex' });
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/prepare-commit-msg\s+git/);
    expect(text.stdout).toMatch(/Config: \.aitrailrc\.json; trailer key Generated-by/);
    expect(text.stdout).toMatch(/Generated-by: codex:openai\/gpt-5\.2-codex\n\s+evidence: .*AITRAIL_MODEL/);

    const json = JSON.parse(aitrail(repo.dir, ['status', '--format', 'json'], { AITRAIL_MODEL: 'openai/gpt-5.2-codex', AITRAIL_AGENT: 'codex' }).stdout);
    expect(json.config.file).toMatch(/\.aitrailrc\.json$/);
    expect(json.wouldRecord).toEqual([expect.objectContaining({ agent: 'codex', model: 'openai/gpt-5.2-codex', trailer: 'Generated-by: codex:openai/gpt-5.2-codex' })]);
  });

  it('human: nothing would be recorded; missing hooks are reported', () => {
    const repo = makeRepo();
    const result = aitrail(repo.dir, ['status']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/commit-msg\s+missing/);
    expect(result.stdout).toMatch(/would record: nothing/);
  });

  it('an invalid config exits 2 with the problems', () => {
    const repo = repoWithHooks();
    writeFileSync(join(repo.dir, '.aitrailrc.json'), '{"trailer":{"key":5}}\n');
    const result = aitrail(repo.dir, ['status']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/\.aitrailrc\.json.*trailer\.key/);
  });
});

describe('init and status say when the hooks will not find the aitrail binary', () => {
  it('run from npx\'s temporary install, with aitrail neither in node_modules/.bin nor on PATH: a warning, then none once installed', () => {
    const repo = makeRepo();
    // What `npx aitrail init` sees in a repository that does not depend on aitrail: npx's own bin dir on PATH.
    const npxBin = join(tempDir('aitrail-npx-'), '_npx', 'abc123', 'node_modules', '.bin');
    mkdirSync(npxBin, { recursive: true });
    symlinkSync(BIN, join(npxBin, 'aitrail'));
    const gitDir = dirname(execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim());
    const env = { ...TEST_GIT_ENV, PATH: `${npxBin}:${gitDir}` };
    const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: repo.dir, env, encoding: 'utf8' });

    const init = run(['init', '--mode', 'git']);
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toMatch(/Warning: the hooks will not find the aitrail binary .* every commit will be blocked until you run: npm i -D aitrail/);
    expect(run(['status']).stdout).toMatch(/Warning: the hooks will not find the aitrail binary/);
    expect(JSON.parse(run(['status', '--format', 'json']).stdout).binary).toBeNull();

    mkdirSync(join(repo.dir, 'node_modules', '.bin'), { recursive: true });
    symlinkSync(BIN, join(repo.dir, 'node_modules', '.bin', 'aitrail'));
    expect(run(['status']).stdout).not.toMatch(/Warning/);
    expect(run(['init', '--mode', 'git', '--force']).stdout).not.toMatch(/Warning/);
    expect(JSON.parse(run(['status', '--format', 'json']).stdout).binary).toBe(join(repo.dir, 'node_modules', '.bin', 'aitrail'));
  });

  it('a bare repository: no "commit as usual" advice, and the server PATH is checked', () => {
    const repo = makeRepo({ bare: true });
    const env = { ...TEST_GIT_ENV, PATH: dirname(execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim()) };
    const init = spawnSync(process.execPath, [BIN, 'init'], { cwd: repo.dir, env, encoding: 'utf8' });
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).not.toMatch(/commit as usual/);
    expect(init.stdout).toMatch(/pre-receive will reject every push until you run: npm i -g aitrail/);
  });
});

describe('status in a linked worktree of a husky repository', () => {
  it("says husky's runtime is missing there (core.hooksPath is set) and that 'npx husky' fixes it", () => {
    const repo = makeRepo();
    repo.commit('initial\n', { 'package.json': '{"name":"p","devDependencies":{"husky":"9.1.7"}}\n' });
    const init = aitrail(repo.dir, ['init']);
    expect(init.status, init.stderr).toBe(0);
    expect(repo.git(['config', 'core.hooksPath'])).toBe('.husky/_');
    repo.git(['add', '.husky']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'hooks']);
    const worktree = join(tempDir('aitrail-wt-'), 'wt');
    repo.git(['worktree', 'add', '-q', worktree, '-b', 'wt']);
    // init's .husky/post-checkout gave the new worktree husky's runtime (test/integration/hooks-redteam-s20f.test.ts); gone, status says so.
    expect(existsSync(join(worktree, '.husky', '_', 'h'))).toBe(true);
    expect(aitrail(worktree, ['status']).stdout).not.toMatch(/runtime/);
    rmSync(join(worktree, '.husky', '_'), { recursive: true });
    const status = aitrail(worktree, ['status']);
    expect(status.status, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/commit-msg\s+husky .*core\.hooksPath is \.husky\/_ but husky's runtime \(\.husky\/_\/h\) is missing in this work tree: run 'npx husky'/);
    expect(status.stdout).not.toMatch(/core\.hooksPath unset/);
    expect(status.stdout).toMatch(/Next: run 'npx husky'/);
  });
});

describe('status under HUSKY=0 in a husky repository', () => {
  it('says nothing is recorded (husky runs no hook), not what a commit would record', () => {
    const repo = makeRepo();
    repo.commit('initial\n', { 'package.json': '{"name":"p","devDependencies":{"husky":"9.1.7"}}\n' });
    expect(aitrail(repo.dir, ['init']).status).toBe(0);
    const env = { AITRAIL_MODEL: 'openai/gpt-5', HUSKY: '0' };
    expect(gitRun(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'Husky off'], env).status).toBe(0);
    expect(messageOf(repo.dir)).toBe('Husky off\n');
    const status = aitrail(repo.dir, ['status'], env);
    expect(status.stdout).toMatch(/HUSKY=0 is set: the hooks record and check nothing/);
    expect(JSON.parse(aitrail(repo.dir, ['status', '--format', 'json'], env).stdout)).toEqual(expect.objectContaining({ disabled: true, wouldRecord: [] }));
  });
});

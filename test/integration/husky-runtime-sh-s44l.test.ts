import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail, envWithAitrailOnPath } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';
import { npmInstall } from '../helpers/pnpm.js';

const DENY_QWEN = 'policy:\n  deny: ["qwen/*"]\n';

interface StatusJson {
  hooks: { hook: string; state: string; active: boolean; note?: string }[];
}

/**
 * A repository whose `package.json` depends on `file:<folder>`, a package whose `bin` is `tool`
 * (its script writes a marker), installed by real npm (`--ignore-scripts`); `inRepo`: the folder is
 * committed in the work tree (`vendor/fake`), else it lies outside it. Then `aitrail init --mode husky`
 * (real husky 9's runtime in `.husky/_`).
 */
function huskyRepoWithBin(tool: string, inRepo: boolean) {
  const root = tempDir('aitrail-husky-sh-');
  const marker = join(root, 'pwned');
  const repo = makeRepo({ dir: join(root, 'repo') });
  const folder = inRepo ? join(repo.dir, 'vendor', 'fake') : join(root, 'fake');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'package.json'), `{"name":"fake","version":"1.0.0","bin":{"${tool}":"run.sh"}}\n`);
  writeFileSync(join(folder, 'run.sh'), `#!/bin/sh\ntouch '${marker}'\nexit 0\n`);
  chmodSync(join(folder, 'run.sh'), 0o755);
  const dependency = inRepo ? 'file:vendor/fake' : `file:${folder}`;
  // vendor/fake (inRepo) committed with it: makeRepo's commit adds everything.
  repo.commit('chore: start\n', { '.gitignore': 'node_modules\n', '.aitrailrc.yml': DENY_QWEN, 'package.json': `{"name":"app","version":"1.0.0","devDependencies":{"fake":"${dependency}"}}\n` });
  npmInstall(repo.dir);
  expect(existsSync(join(repo.dir, 'node_modules', '.bin', tool))).toBe(true);
  const env = envWithAitrailOnPath();
  return { repo, marker, env, init: aitrail(repo.dir, ['init', '--mode', 'husky'], { env }) };
}

describe('husky\'s runtime runs the repository\'s sh (session 44)', () => {
  it('a committed file: package whose bin is sh: init and status say no .husky line runs, and how to fix it', () => {
    const { repo, marker, env, init } = huskyRepoWithBin('sh', true);
    // init installed its lines, but says they never run, and fails.
    expect(init.code).not.toBe(0);
    expect(init.stdout).toContain("husky's runtime (.husky/_/h) runs node_modules/.bin/sh -> vendor/fake/run.sh (as sh), which the repository provides");
    expect(init.stdout).toContain('git config --unset core.hooksPath && aitrail init --mode git');
    expect(init.stdout).not.toContain('Next: commit as usual');
    const json = JSON.parse(aitrail(repo.dir, ['status', '--format', 'json'], { env }).stdout) as StatusJson;
    const husky = json.hooks.filter((hook) => hook.state === 'husky');
    expect(husky.length).toBeGreaterThan(0);
    expect(husky.every((hook) => !hook.active && /runs the repository's sh/.test(hook.note ?? ''))).toBe(true);
    const text = aitrail(repo.dir, ['status'], { env }).stdout;
    expect(text).toContain('Warning: husky\'s runtime (.husky/_/h) runs node_modules/.bin/sh');
    expect(text).not.toContain("Next: run 'npx husky'");
    // What it warns of, as real husky 9 runs it: the repository's sh runs in place of .husky/commit-msg, and Qwen's commit goes in.
    repo.write('a.txt', 'a\n');
    repo.git(['add', 'a.txt']);
    const qwen = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: by qwen'], { env: { ...env, AITRAIL_MODEL: 'qwen/qwen3-coder' } });
    expect(qwen.code).toBe(0);
    expect(existsSync(marker)).toBe(true);
    // The way out init gives: aitrail's own hooks, which run no tool of the repository's (npm run's absolute .bin first too).
    expect(tryGit(repo.dir, ['config', '--unset', 'core.hooksPath']).code).toBe(0);
    const git = aitrail(repo.dir, ['init', '--mode', 'git'], { env });
    expect(git.code, git.stderr).toBe(0);
    for (const first of ['node_modules/.bin', join(repo.dir, 'node_modules', '.bin')]) {
      repo.write('a.txt', `${first}\n`);
      repo.git(['add', 'a.txt']);
      const refused = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: by qwen'], { env: { ...env, PATH: `${first}:${env.PATH ?? ''}`, AITRAIL_MODEL: 'qwen/qwen3-coder' } });
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain('model-denied');
    }
  });

  it('a dirname the repository commits, first on PATH (`.`): husky\'s stub and runtime run it, said as such', () => {
    const { repo, env } = huskyRepoWithBin('dirname', true);
    repo.write('dirname', '#!/bin/sh\nexit 0\n');
    chmodSync(join(repo.dir, 'dirname'), 0o755);
    repo.git(['add', 'dirname']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'chore: tool']);
    const status = aitrail(repo.dir, ['status'], { env: { ...env, PATH: `.:${env.PATH ?? ''}` } }).stdout;
    expect(status).toContain('node_modules/.bin/dirname -> vendor/fake/run.sh (as dirname), dirname (as dirname), which the repository provides');
  });

  it('a committed file: package whose bin is git: aitrail\'s post-checkout lines would run it under husky\'s PATH (row 851); said, and the git-mode way out runs none of it', () => {
    const { repo, marker, env, init } = huskyRepoWithBin('git', true);
    expect(init.code).not.toBe(0);
    expect(init.stdout).toContain("aitrail's lines that run before its block cleans PATH (the stdin kept at the top of .husky/pre-push and .husky/post-rewrite, .husky/post-checkout's copy of husky's runtime into a new worktree) run node_modules/.bin/git -> vendor/fake/run.sh (as git) under husky's PATH, which the repository provides");
    const json = JSON.parse(aitrail(repo.dir, ['status', '--format', 'json'], { env }).stdout) as StatusJson;
    expect(json.hooks.filter((hook) => hook.state === 'husky').every((hook) => !hook.active && /runs the repository's git/.test(hook.note ?? ''))).toBe(true);
    expect(tryGit(repo.dir, ['config', '--unset', 'core.hooksPath']).code).toBe(0);
    expect(aitrail(repo.dir, ['init', '--mode', 'git'], { env }).code).toBe(0);
    repo.write('a.txt', 'a\n');
    repo.git(['add', 'a.txt']);
    // The person's own git started by its path (a GUI, an IDE), husky's relative .bin first on the hooks' PATH.
    const gitPath = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
    const refused = spawnSync(gitPath, ['commit', '-q', '-m', 'feat: by qwen'], { cwd: repo.dir, env: { ...env, PATH: `node_modules/.bin:${env.PATH ?? ''}`, AITRAIL_MODEL: 'qwen/qwen3-coder' }, encoding: 'utf8' });
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('model-denied');
    expect(existsSync(marker)).toBe(false);
  });

  it('a package from a folder outside the work tree whose bin is sh is no tool of the repository\'s: husky mode is healthy', () => {
    const { repo, env, init } = huskyRepoWithBin('sh', false);
    expect(init.code, init.stdout).toBe(0);
    expect(init.stdout).not.toContain('which the repository provides');
    const json = JSON.parse(aitrail(repo.dir, ['status', '--format', 'json'], { env }).stdout) as StatusJson;
    expect(json.hooks.filter((hook) => hook.state === 'husky').every((hook) => hook.active)).toBe(true);
  });
});

import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail, envWithAitrailOnPath } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';
import { npmInstall } from '../helpers/pnpm.js';

interface StatusJson {
  hooks: { hook: string; state: string; active: boolean; note?: string }[];
}

// The system's true, by its path (`command -v true` says `true`: a shell builtin).
const TRUE = ['/usr/bin/true', '/bin/true'].find((path) => existsSync(path)) as string;

/**
 * A committed `file:vendor/fake` package whose `bin` names `tool`, its script a link the repository
 * commits to a program outside the work tree (`/usr/bin/true`): `linkedFolder` commits the folder
 * above the script as the link instead (`vendor/fake/bin -> /usr/bin`). Installed by real npm
 * (`--ignore-scripts`), then `aitrail init --mode husky` (real husky 9's runtime in `.husky/_`).
 */
function huskyRepoWithLinkedBin(tool: string, linkedFolder: boolean) {
  const repo = makeRepo({ dir: join(tempDir('aitrail-husky-link-'), 'repo') });
  const folder = join(repo.dir, 'vendor', 'fake');
  mkdirSync(folder, { recursive: true });
  const script = linkedFolder ? 'bin/true' : 'run.sh';
  writeFileSync(join(folder, 'package.json'), `{"name":"fake","version":"1.0.0","bin":{"${tool}":"${script}"}}\n`);
  if (linkedFolder) symlinkSync(join(TRUE, '..'), join(folder, 'bin'));
  else symlinkSync(TRUE, join(folder, 'run.sh'));
  repo.commit('chore: start\n', { '.gitignore': 'node_modules\n', '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n', 'package.json': '{"name":"app","version":"1.0.0","devDependencies":{"fake":"file:vendor/fake"}}\n' });
  npmInstall(repo.dir);
  expect(existsSync(join(repo.dir, 'node_modules', '.bin', tool))).toBe(true);
  const env = envWithAitrailOnPath();
  return { repo, env, init: aitrail(repo.dir, ['init', '--mode', 'husky'], { env }) };
}

describe('husky\'s runtime runs a program the repository points to with a committed link (session 44)', () => {
  it('a bin sh whose script is a committed link to true: no .husky line runs; init and status say so', () => {
    const { repo, env, init } = huskyRepoWithLinkedBin('sh', false);
    expect(init.code).not.toBe(0);
    expect(init.stdout).toContain("husky's runtime (.husky/_/h) runs node_modules/.bin/sh (as sh), which the repository provides");
    expect(init.stdout).not.toContain('Next: commit as usual');
    const json = JSON.parse(aitrail(repo.dir, ['status', '--format', 'json'], { env }).stdout) as StatusJson;
    const husky = json.hooks.filter((hook) => hook.state === 'husky');
    expect(husky.length).toBeGreaterThan(0);
    expect(husky.every((hook) => !hook.active && /runs the repository's sh/.test(hook.note ?? ''))).toBe(true);
    // What it warns of, as real husky 9 runs it: true runs in place of .husky/commit-msg, Qwen's commit goes in unrecorded.
    repo.write('a.txt', 'a\n');
    repo.git(['add', 'a.txt']);
    const qwen = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: by qwen'], { env: { ...env, AITRAIL_MODEL: 'qwen/qwen3-coder' } });
    expect(qwen.code).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'])).not.toContain('Assisted-by');
  });

  it('a bin git under a committed folder link (vendor/fake/bin -> the system\'s bin folder): said too', () => {
    const { repo, env, init } = huskyRepoWithLinkedBin('git', true);
    expect(init.code).not.toBe(0);
    expect(init.stdout).toContain("copy of husky's runtime into a new worktree) run node_modules/.bin/git (as git) under husky's PATH, which the repository provides");
    const text = aitrail(repo.dir, ['status'], { env }).stdout;
    expect(text).toContain("runs the repository's git");
  });
});

import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_GIT_ENV, tempDir } from '../helpers/gitdir.js';
import { npmCopiedRepo } from '../helpers/shim-fast-path.js';

/**
 * Row 1108: on an AI commit each shim judged node_modules/.bin/aitrail by npm's record with two grep processes
 * (the file: entries with 4 lines before, the package's key with 4 after), each ~1.5 ms of CPU on each hook.
 * One grep now reads both (src/install/shim-source.ts aitrail_np), the two views rebuilt from its numbered lines.
 * Real hooks from `init`, real git commit, a logging `grep` first on PATH (outside the repository: the shims keep it).
 */
function loggedGrep(): { dir: string; log: string } {
  const dir = join(tempDir('aitrail-grep-log-'), 'bin');
  mkdirSync(dir);
  const log = join(dir, 'calls');
  writeFileSync(log, '');
  writeFileSync(join(dir, 'grep'), `#!/bin/sh\nprintf '%s\\n' "$*" >>'${log}'\nexec /bin/grep "$@"\n`);
  chmodSync(join(dir, 'grep'), 0o755);
  return { dir, log };
}

function aiCommit(repoDir: string, bin: string): ReturnType<typeof spawnSync> {
  writeFileSync(join(repoDir, 'a.txt'), `${Date.now()}\n`);
  spawnSync('git', ['add', 'a.txt'], { cwd: repoDir, env: TEST_GIT_ENV });
  const env = { ...TEST_GIT_ENV, PATH: `${bin}:${process.env.PATH ?? ''}`, AITRAIL_MODEL: 'anthropic/claude-opus-4.6', AITRAIL_AGENT: 'claude-code' };
  return spawnSync('git', ['commit', '-q', '-m', 'Add a feature'], { cwd: repoDir, env, encoding: 'utf8' });
}

describe('row 1108: one grep of npm\'s record per hook of an AI commit', () => {
  it('aitrail installed from the registry: runs and records, each hook greps the record once', () => {
    const repo = npmCopiedRepo();
    const { dir, log } = loggedGrep();
    const commit = aiCommit(repo.dir, dir);
    expect(commit.status, String(commit.stderr)).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'])).toContain('anthropic/claude-opus-4.6');
    const onRecord = readFileSync(log, 'utf8').split('\n').filter((line) => line.endsWith('node_modules/.package-lock.json'));
    // prepare-commit-msg and commit-msg: one each (were two each).
    expect(onRecord).toHaveLength(2);
  });

  it('the record names a git server for aitrail (a file: entry beside it): still refused, the commit blocked, the same words', () => {
    const repo = npmCopiedRepo();
    const record = join(repo.dir, 'node_modules', '.package-lock.json');
    const lock = JSON.parse(readFileSync(record, 'utf8'));
    lock.packages['node_modules/left-pad'] = { version: '1.0.0', resolved: 'file:../vendor/left-pad' };
    lock.packages['node_modules/aitrail'].resolved = 'git+ssh://git@example.com/evil/aitrail.git#abc';
    writeFileSync(record, `${JSON.stringify(lock, null, 2)}\n`);
    const { dir, log } = loggedGrep();
    const commit = aiCommit(repo.dir, dir);
    expect(commit.status, String(commit.stderr)).toBe(1);
    expect(commit.stderr).toContain("aitrail: commit blocked: node_modules/.bin/aitrail was installed from a source the project's package-lock.json names");
    expect(repo.git(['log', '-1', '--format=%s'])).toBe('start');
    expect(readFileSync(log, 'utf8').split('\n').filter((line) => line.endsWith('node_modules/.package-lock.json')).length).toBeLessThanOrEqual(2);
  });
});

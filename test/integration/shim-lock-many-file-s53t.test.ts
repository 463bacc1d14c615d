import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_GIT_ENV } from '../helpers/gitdir.js';
import { npmCopiedRepo } from '../helpers/shim-fast-path.js';

/**
 * Row 1115: row 1108's one grep of npm's record rebuilt its two views by appending line by line in the shell, and
 * each append copies the whole string (dash): a record with 20,000 `file:` entries (a committed package-lock.json is
 * the repository's) held each message hook of an AI commit for minutes of CPU. Past 16 KiB of matched lines the shim
 * now runs the two greps as before (src/install/shim-source.ts aitrail_np). Real hooks from `init`, a real git commit.
 */
describe('row 1115: a record of many file: entries does not hold an AI commit', () => {
  it('20,000 file: entries beside aitrail from the registry: the commit records its model within seconds', () => {
    const repo = npmCopiedRepo();
    const record = join(repo.dir, 'node_modules', '.package-lock.json');
    const lock = JSON.parse(readFileSync(record, 'utf8'));
    for (let i = 0; i < 20000; i += 1) lock.packages[`node_modules/p${i}`] = { version: '1.0.0', resolved: `file:../vendor/p${i}` };
    writeFileSync(record, `${JSON.stringify(lock, null, 2)}\n`);
    writeFileSync(join(repo.dir, 'a.txt'), `${Date.now()}\n`);
    spawnSync('git', ['add', 'a.txt'], { cwd: repo.dir, env: TEST_GIT_ENV });
    const env = { ...TEST_GIT_ENV, AITRAIL_MODEL: 'anthropic/claude-opus-4.6', AITRAIL_AGENT: 'claude-code' };
    const started = Date.now();
    // Without the fix: minutes (killed at 40 s); with it, the greps' output read once.
    const commit = spawnSync('git', ['commit', '-q', '-m', 'Add a feature'], { cwd: repo.dir, env, encoding: 'utf8', timeout: 40_000, killSignal: 'SIGKILL' });
    expect(commit.signal, `killed after ${Date.now() - started} ms`).toBeNull();
    expect(commit.status, `${commit.stderr}${commit.stdout}`).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'])).toContain('anthropic/claude-opus-4.6');
  }, 60_000);
});

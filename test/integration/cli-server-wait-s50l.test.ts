import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, tempDir, TEST_GIT_ENV } from '../helpers/gitdir.js';

describe('the worker waiting for its CLI server (test/helpers/cli.ts)', () => {
  it('costs the worker no CPU while the served run takes its time', () => {
    if (process.env.AITRAIL_TEST_CLI === 'spawn') return;
    const repo = makeRepo();
    repo.commit('human: start\n', { 'a.txt': 'a\n' });
    // A git on the run's PATH whose first call sleeps 2 s (a marker says it did), then the real git: the served
    // `log` waits on it, and so does the worker on the server's answer.
    const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    const bin = join(tempDir('aitrail-slow-git-'), 'bin');
    mkdirSync(bin);
    const marker = join(bin, '..', 'slept');
    writeFileSync(join(bin, 'git'), `#!/bin/sh\nif [ ! -e '${marker}' ]; then : > '${marker}'; sleep 2; fi\nexec '${real}' "$@"\n`);
    chmodSync(join(bin, 'git'), 0o755);
    // The server started (and warm) before the measured run.
    expect(aitrail(repo.dir, ['log']).code).toBe(0);
    const before = process.cpuUsage();
    const started = performance.now();
    const run = aitrail(repo.dir, ['log'], { env: { PATH: `${bin}:${TEST_GIT_ENV.PATH ?? process.env.PATH ?? ''}` } });
    const waited = performance.now() - started;
    const used = process.cpuUsage(before);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('human: start');
    expect(existsSync(marker)).toBe(true);
    expect(waited).toBeGreaterThan(1900);
    // Polling the answer FIFO every 0.5 ms cost ~75 ms of CPU a second of waiting (150 ms here); a blocking read, ~0.
    expect((used.user + used.system) / 1000).toBeLessThan(40);
  });
});

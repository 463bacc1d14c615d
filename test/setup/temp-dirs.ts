import { appendFileSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect } from 'vitest';
import { closeObjectBatches } from '../../src/git/object-batch.js';
import { serverCpuTicks, startServerForHooks } from '../helpers/cli.js';
import { removeTempDirs } from '../helpers/gitdir.js';

// Every test file's temporary repositories go when the file is done, also in a worker that runs
// several files one after another (isolate: false) and so loads test/helpers/gitdir.ts only once.
// The git cat-file processes a file's in-process reads shared (src/git/object-batch.ts) exit with it.
// The worker's server, which runs its test commits' hooks (test/setup/hook-node.global-setup.ts), before the file's first commit.
if (expect.getState().testPath?.includes('/test/integration/')) startServerForHooks();

afterAll(async () => {
  await closeObjectBatches();
  removeTempDirs();
});


/**
 * AITRAIL_TEST_FILE_CPU=<file> (off by default, Linux): each test file's CPU appended there as a JSON line when it
 * ends, from its first hook to its last: `self` the worker's own (user+system), `children` what the processes it
 * spawned and waited for used (git, npm, the CLIs and hooks they ran), `server` what the worker's long-lived CLI and
 * hook server (test/helpers/cli-server.cjs) used for the file's runs (its children included; counted apart: the
 * worker's `children` holds it only when the server ends), `cpu` the three summed (the file's true cost), `wall`
 * its seconds. Not counted: the file's import. `node scripts/test-cpu-table.mjs <file>` writes
 * test/setup/test-durations.json's order from it; beside the wall times of scripts/test-durations.mjs.
 */
const cpuLog = process.env.AITRAIL_TEST_FILE_CPU;
if (cpuLog) {
  // utime, stime, cutime, cstime of /proc/self/stat, in clock ticks (USER_HZ, 100 a second on Linux).
  const ticks = () => {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    return stat.slice(stat.lastIndexOf(') ') + 2).split(' ').slice(11, 15).map(Number);
  };
  let start: number[] = [];
  let serverStart = 0;
  let began = 0;
  const round = (seconds: number) => Math.round(seconds * 100) / 100;
  beforeAll(() => {
    start = ticks();
    serverStart = serverCpuTicks();
    began = performance.now();
  });
  afterAll(() => {
    const [user, system, childUser, childSystem] = ticks().map((value, index) => (value - start[index]!) / 100) as [number, number, number, number];
    const server = (serverCpuTicks() - serverStart) / 100;
    const [self, children] = [user + system, childUser + childSystem];
    appendFileSync(cpuLog, `${JSON.stringify({ file: expect.getState().testPath, self: round(self), children: round(children), server: round(server), cpu: round(self + children + server), wall: round((performance.now() - began) / 1000) })}\n`);
  });
}

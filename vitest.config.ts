import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { ramTmpdir } from './test/helpers/ram-tmpdir.js';
import { LongestFirst } from './test/setup/longest-first.js';

// Integration and e2e files spend their time in the git, node and npm processes they spawn, not in
// the worker: one file per core leaves cores idle between spawns, and vitest's default on 2 cores
// is a single worker. Half again as many workers as cores keeps every core busy.
const WORKERS = Math.max(2, Math.ceil(availableParallelism() * 1.5));
// Extra CA certificates cost every node process ~70 ms of CPU at start-up (the workers, every CLI
// run, every hook of every test commit); only the e2e steps that reach the registry need them
// (NETWORK_ENV in test/helpers/gitdir.ts reads them back from TEST_NODE_EXTRA_CA_CERTS).
if (process.env.NODE_EXTRA_CA_CERTS !== undefined) {
  process.env.TEST_NODE_EXTRA_CA_CERTS = process.env.NODE_EXTRA_CA_CERTS;
  delete process.env.NODE_EXTRA_CA_CERTS;
}
// Temporary repositories in RAM when the machine has it, unless TMPDIR says where they go.
const TMPDIR = process.env.TMPDIR ?? ramTmpdir();

export default defineConfig({
  test: {
    maxWorkers: WORKERS,
    // The longest files first (test/setup/longest-first.ts): a fresh clone has no timings of its own.
    sequence: { sequencer: LongestFirst },
    env: TMPDIR === undefined ? {} : { TMPDIR },
    projects: [
      // Room for the linear-time cases on 5-15 MB inputs and the SQLite fixtures when every core is busy
      // (no test waits on a timer): a hang guard only, 30 s timed out at 33-62 s in a CI run beside other jobs.
      // Unit files spawn nothing and stub nothing: they share worker processes (a fresh node and
      // vitest per file cost a third of their CPU).
      { test: { name: 'unit', isolate: false, setupFiles: ['test/setup/temp-dirs.ts'], include: ['test/unit/**/*.test.ts'], testTimeout: 180_000 } },
      // Hang guards only: some integration tests replay whole histories through the CLI, slow when every core is busy.
      // Integration files share them too: a fresh worker per file cost ~0.17-0.19 s of CPU (the CPU of
      // npx vitest run, interleaved, on this 2-core machine: 60 small files 34.4, 32.2 s isolated ->
      // 21.8, 21.6 s shared; 40 mid-sized ones 112.8, 112.2 -> 106.3, 105.9 s; 12 of the longest with
      // those 40: 237.7, 229.7 -> 229.6, 218.4 s). A grown worker makes each process it spawns dearer
      // (fork copies the page tables of what it touched: ~8 us of CPU per MB per spawn, 0.7 ms at
      // 52 MB, 2.5 ms at 266 MB), which the shared workers' size (mostly 57-153 MB, once 328 MB) did not outweigh.
      // Each file restores what it changes in the process (its directory, a spy, process.env).
      { test: { name: 'integration', isolate: false, setupFiles: ['test/setup/temp-dirs.ts'], include: ['test/integration/**/*.test.ts'], globalSetup: ['test/setup/package-root.global-setup.ts', 'test/setup/hook-node.global-setup.ts', 'test/setup/install-cache.global-setup.ts'], testTimeout: 300_000, hookTimeout: 300_000 } },
      { test: { name: 'e2e', setupFiles: ['test/setup/temp-dirs.ts'], include: ['test/e2e/**/*.test.ts'], globalSetup: ['test/e2e/pack.global-setup.ts'], testTimeout: 180_000, hookTimeout: 180_000 } },
    ],
  },
});

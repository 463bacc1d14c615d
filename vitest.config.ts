import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { ramTmpdir } from './test/helpers/ram-tmpdir.js';

// Integration and e2e files spend their time in the git, node and npm processes they spawn, not in
// the worker: one file per core leaves cores idle between spawns, and vitest's default on 2 cores
// is a single worker. Half again as many workers as cores keeps every core busy.
const WORKERS = Math.max(2, Math.ceil(availableParallelism() * 1.5));
// Temporary repositories in RAM when the machine has it, unless TMPDIR says where they go.
const TMPDIR = process.env.TMPDIR ?? ramTmpdir();

export default defineConfig({
  test: {
    maxWorkers: WORKERS,
    env: TMPDIR === undefined ? {} : { TMPDIR },
    projects: [
      // Room for the linear-time cases on 5-15 MB inputs when every core is busy (no test waits on a timer).
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 30_000 } },
      // Hang guards only: some integration tests replay whole histories through the CLI, slow when every core is busy.
      { test: { name: 'integration', include: ['test/integration/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 300_000 } },
      { test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], globalSetup: ['test/e2e/pack.global-setup.ts'], testTimeout: 180_000, hookTimeout: 180_000 } },
    ],
  },
});

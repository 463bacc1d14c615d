import { afterAll, expect } from 'vitest';
import { closeObjectBatches } from '../../src/git/object-batch.js';
import { startServerForHooks } from '../helpers/cli.js';
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


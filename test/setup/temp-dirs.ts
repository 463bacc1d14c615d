import { afterAll } from 'vitest';
import { closeObjectBatches } from '../../src/git/object-batch.js';
import { removeTempDirs } from '../helpers/gitdir.js';

// Every test file's temporary repositories go when the file is done, also in a worker that runs
// several files one after another (isolate: false) and so loads test/helpers/gitdir.ts only once.
// The git cat-file processes a file's in-process reads shared (src/git/object-batch.ts) exit with it.
afterAll(async () => {
  await closeObjectBatches();
  removeTempDirs();
});


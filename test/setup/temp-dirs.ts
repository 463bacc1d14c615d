import { afterAll } from 'vitest';
import { removeTempDirs } from '../helpers/gitdir.js';

// Every test file's temporary repositories go when the file is done, also in a worker that runs
// several files one after another (isolate: false) and so loads test/helpers/gitdir.ts only once.
afterAll(removeTempDirs);


import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

// Session 52's user check: the environment variables that change what check and blame do (rows 943, 1036, 1037, 1055;
// row 1018's cache seal) are taught where a user looks first, in --help.
describe('--help names the environment variables a user sets', () => {
  it('check --help: the copy budget and the exit code of a range past the bounds; blame --help: the cache secret', () => {
    const repo = makeRepo();
    const check = aitrail(repo.dir, ['check', '--help']);
    expect(check.code).toBe(0);
    expect(check.stdout.replace(/\s+/g, ' ')).toContain('AITRAIL_COPY_BLAME_BUDGET=<MiB> (1 to 9999999, default 4096) the trees a copy search reads');
    const blame = aitrail(repo.dir, ['blame', '--help']);
    expect(blame.code).toBe(0);
    expect(blame.stdout.replace(/\s+/g, ' ')).toContain('sealed under AITRAIL_CACHE_SECRET when set');
  });
});

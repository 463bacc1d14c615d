// Row 900's tree count, cheaper (review u of 900): `blame` counts the revision's tree from its objects before any
// listing; it ran a `git rev-list --objects` over every tree and then read each tree again through `git cat-file --batch`,
// an honest 400,000-file monorepo's `blame --no-cache README` ~0.9 s more. The count now reads the trees a level at a time
// from the run's shared `git cat-file --batch` (no process started, each tree read once); the bound still refuses a
// tree bomb (report-bombs-s48o.test.ts).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

describe('a report counts its tree without a rev-list of every tree (900 cost)', () => {
  it('blame --no-cache README runs no `git rev-list --objects` and reports as before', () => {
    const repo = makeRepo();
    repo.commit('init\n', { README: 'hello\n', 'pkg0/a.ts': 'a\n', 'pkg1/deep/b.ts': 'b\n', 'pkg1/.gitattributes': 'b.ts -diff\n' });
    const trace = join(mkdtempSync(join(tmpdir(), 'aitrail-s48u-')), 'trace');
    const run = aitrail(repo.dir, ['blame', '--no-cache', '--format', 'json', 'README'], { env: { GIT_TRACE: trace } });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).files.map((file: { path: string }) => file.path)).toEqual(['README']);
    const traced = readFileSync(trace, 'utf8');
    expect(traced).toContain('git ls-tree -r');
    expect(traced).not.toMatch(/git rev-list --objects/);
  });
});

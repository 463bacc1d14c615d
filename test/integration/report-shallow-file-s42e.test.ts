// Row 584 keyed the report cache by where git reads replace refs and grafts; the shallow cut was keyed by
// `<git dir>/shallow` alone, while git (and the report's shallowBoundary) read GIT_SHALLOW_FILE's when set.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';

const QWEN = '\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n';

describe('blame: a cached report is never adopted by a run whose history GIT_SHALLOW_FILE cuts elsewhere, or the other way', () => {
  it('GIT_SHALLOW_FILE naming a cut at Qwen\'s commit, set for one run before or after a cached one', () => {
    const repo = makeRepo();
    repo.commit('human\n', { 'a.ts': 'h1();\nh2();\n' });
    const qwen = repo.commit(`parser${QWEN}`, { 'a.ts': 'h1();\nh2();\nq1();\nq2();\nq3();\n' });
    repo.commit('human b\n', { 'b.ts': 'b();\n' });
    const shallow = join(tempDir(), 'shallow');
    writeFileSync(shallow, `${qwen}\n`);
    const cut = { GIT_SHALLOW_FILE: shallow };
    const totals = (args: string[], env?: NodeJS.ProcessEnv) => {
      const result = aitrail(repo.dir, ['blame', '--allow-shallow', ...args, '--format', 'json'], env ? { env } : {});
      expect(result.code, result.stderr).toBe(0);
      const { lines, ai, shallowBoundary } = (JSON.parse(result.stdout) as { totals: { lines: number; ai: number; shallowBoundary: number } }).totals;
      return { lines, ai, shallowBoundary };
    };
    const whole = { lines: 6, ai: 3, shallowBoundary: 0 };
    // git blames every line of a.ts on the cut commit: counted apart, as unknown history.
    const cutAtQwen = { lines: 1, ai: 0, shallowBoundary: 5 };
    expect(totals([])).toEqual(whole);
    expect(totals(['--no-cache'], cut)).toEqual(cutAtQwen);
    // Before: the run with the variable adopted the plain run's cached report (3 AI lines, nothing cut).
    expect(totals([], cut)).toEqual(cutAtQwen);
    expect(totals([])).toEqual(whole);
    expect(totals([], cut)).toEqual(cutAtQwen);
  });
});

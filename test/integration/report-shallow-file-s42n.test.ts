// Row 598 keyed the report cache by GIT_SHALLOW_FILE's content when the variable is non-empty; set but
// empty, git reads no shallow file at all (no cut) while the key still hashed `<git dir>/shallow`.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, tempDir, TEST_GIT_ENV } from '../helpers/gitdir.js';

const QWEN = '\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n';

describe('blame: GIT_SHALLOW_FILE set but empty (git reads no cut) never adopts the shallow clone\'s cached report', () => {
  it('a shallow clone with the full history reachable through alternates', () => {
    const origin = makeRepo();
    origin.commit('human\n', { 'a.ts': 'h1();\nh2();\n' });
    origin.commit(`parser${QWEN}`, { 'a.ts': 'h1();\nh2();\nq1();\nq2();\nq3();\n' });
    origin.commit('human b\n', { 'b.ts': 'b();\n' });
    const clone = join(tempDir(), 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '2', `file://${origin.dir}`, clone], { env: TEST_GIT_ENV });
    // The objects the cut leaves out, there for git as soon as it reads no cut.
    const alternates = { GIT_ALTERNATE_OBJECT_DIRECTORIES: join(origin.dir, '.git', 'objects') };
    const totals = (args: string[], env: NodeJS.ProcessEnv) => {
      const result = aitrail(clone, ['blame', '--allow-shallow', ...args, '--format', 'json'], { env: { ...alternates, ...env } });
      expect(result.code, result.stderr).toBe(0);
      const { lines, ai, shallowBoundary } = (JSON.parse(result.stdout) as { totals: { lines: number; ai: number; shallowBoundary: number } }).totals;
      return { lines, ai, shallowBoundary };
    };
    const cutAtQwen = { lines: 1, ai: 0, shallowBoundary: 5 };
    const whole = { lines: 6, ai: 3, shallowBoundary: 0 };
    const empty = { GIT_SHALLOW_FILE: '' };
    expect(totals([], {})).toEqual(cutAtQwen);
    expect(totals(['--no-cache'], empty)).toEqual(whole);
    // Before: the cached run with the empty variable adopted the shallow report (0 AI lines, 5 apart).
    expect(totals([], empty)).toEqual(whole);
    expect(totals([], {})).toEqual(cutAtQwen);
  });
});

import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail, serverCpuTicks } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { tempDir } from '../helpers/gitdir.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

// AITRAIL_TEST_FILE_CPU (test/setup/temp-dirs.ts) counts the CPU the worker's CLI and hook server used
// for the file (session 50 b): before, a file whose runs were all served showed almost none of its cost.

const ROOT = new URL('../..', import.meta.url).pathname;

describe("a test file's CPU figure (session 50 b)", () => {
  it.skipIf(!process.env.TEST_HOOK_SERVER || process.platform !== 'linux')("counts the server's runs: served commits' hooks and CLI runs", () => {
    const { repo, env } = hookedRepo();
    const before = serverCpuTicks();
    for (let i = 0; i < 4; i++) {
      repo.write(`f${i}.ts`, `export const f = ${i};\n`);
      expect(tryGit(repo.dir, ['add', '-A'], { env }).code).toBe(0);
      const commit = tryGit(repo.dir, ['commit', '-q', '-m', `feat: f${i}`], { env: { ...env, CLAUDECODE: '1' } });
      expect(commit.code, commit.stderr).toBe(0);
      expect(aitrail(repo.dir, ['log']).code).toBe(0);
    }
    expect(repo.git(['log', '-1', '--format=%B'])).toContain('Assisted-by: claude-code');
    // Four commits' hooks and four `aitrail log` runs: well over 10 ms of a core each.
    expect(serverCpuTicks() - before).toBeGreaterThanOrEqual(8);
  }, 120_000);

  it('scripts/test-cpu-table.mjs orders the table by CPU, by wall for a file that mostly waits, keeping the files not in the log', () => {
    const dir = tempDir('aitrail-cpu-table-');
    const log = join(dir, 'cpu.jsonl');
    const table = join(dir, 'table.json');
    writeFileSync(table, JSON.stringify({ seconds: { 'unit:test/unit/kept.test.ts': 5, 'integration:test/integration/a.test.ts': 99 } }));
    writeFileSync(
      log,
      [
        { file: join(ROOT, 'test/integration/a.test.ts'), self: 1, children: 2, server: 3, cpu: 6, wall: 12 },
        { file: join(ROOT, 'test/integration/b.test.ts'), self: 1, children: 1, server: 8, cpu: 10, wall: 20 },
        { file: join(ROOT, 'test/integration/lock.test.ts'), self: 0.5, children: 0.5, server: 0, cpu: 1, wall: 30 },
      ]
        .map((entry) => JSON.stringify(entry))
        .concat(['not json', ''])
        .join('\n'),
    );
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts/test-cpu-table.mjs'), log, table], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('not a JSON line');
    const seconds = (JSON.parse(readFileSync(table, 'utf8')) as { seconds: Record<string, number> }).seconds;
    expect(Object.entries(seconds)).toEqual([
      ['integration:test/integration/lock.test.ts', 30],
      ['integration:test/integration/b.test.ts', 10],
      ['integration:test/integration/a.test.ts', 6],
      ['unit:test/unit/kept.test.ts', 5],
    ]);
  });
});

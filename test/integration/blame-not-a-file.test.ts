import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, type CliResult, reportOf } from '../helpers/cli.js';
import { makeRepo, tempDir, TEST_GIT_ENV } from '../helpers/gitdir.js';

// Row 307: files git reads whole for blame (an ignore-revs file, the mailmap) that a hostile
// repository or a careless path makes something that never ends: a committed symbolic link to
// /dev/zero, a FIFO. The report must neither wait nor fill memory (the guard would fail).
/**
 * `aitrail <args>` spawned, killed after 150 s of wall time: a hang guard only (a FIFO's wait uses no CPU, so
 * no CPU limit ends it), far past what a loaded machine makes of these ~1 s runs (20 s was within its reach:
 * a CI run beside other jobs stretched 7 s to 86 s). Never the worker's CLI server, which no timeout ends.
 */
function guarded(dir: string, args: string[], env: NodeJS.ProcessEnv = {}): CliResult {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env: { ...TEST_GIT_ENV, ...env }, input: '', encoding: 'utf8', timeout: 150_000 });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

describe('blame: files git reads whole that are no regular file (row 307)', () => {
  const repo = makeRepo();
  repo.write('src/a.ts', 'one\ntwo\n');
  mkdirSync(join(repo.dir, 'dir'));
  repo.write('dir/.keep', '');
  symlinkSync('/dev/zero', join(repo.dir, '.mailmap'));
  symlinkSync('/dev/zero', join(repo.dir, '.git-blame-ignore-revs'));
  repo.commit('a person writes a.ts');
  repo.commit('Claude writes more\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n', { 'src/a.ts': 'one\ntwo\nthree\n' });
  const fifo = join(tempDir(), 'revs.fifo');
  execFileSync('mkfifo', [fifo]);

  it("a committed .mailmap -> /dev/zero is read as git reads it (not followed): --by author reports", () => {
    const run = guarded(repo.dir, ['blame', '--by', 'author', '--format', 'json', '--no-cache']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).totals).toMatchObject({ lines: 3, ai: 1, human: 2 });
  });

  it('blame.ignoreRevsFile set to the committed link to /dev/zero is exit 2 naming it (git blame itself would read it without end)', () => {
    const env = { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'blame.ignoreRevsFile', GIT_CONFIG_VALUE_0: '.git-blame-ignore-revs' };
    for (const extra of [[], ['--ignore-revs-file', '']]) {
      const refused = guarded(repo.dir, ['blame', '--format', 'json', '--no-cache', ...extra], env);
      expect(refused.code).toBe(2);
      expect(reportOf(refused.stdout)).toBe('');
      expect(refused.stderr).toMatch(/^aitrail: blame\.ignoreRevsFile '.*\.git-blame-ignore-revs' cannot be read as a regular file .* or unset it/);
    }
  });

  it('--ignore-revs-file naming a FIFO or a directory is exit 2, never a wait', () => {
    for (const file of [fifo, 'dir']) {
      const run = guarded(repo.dir, ['blame', '--ignore-revs-file', file]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^aitrail: --ignore-revs-file '.*' cannot be read as a regular file/);
    }
  });
});

// Session 51 (l), row 1004: a run that asked for `--format json` and failed (bad usage, a bad
// revision, not a repository) printed nothing on stdout, so a CI script's `jq` failed on empty
// input instead of reading why. Every command that takes `--format json` now prints
// `{"error": {"exitCode", "kind", "message"}}` on stdout with the same exit code; stderr is as before.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';

interface JsonError { error: { exitCode: number; kind: string; message: string } }

/** Run, and hold stdout to the error object of `code` and `kind`, its message the stderr line's. */
function expectJsonError(cwd: string, args: string[], code: number, kind: string): JsonError {
  const run = aitrail(cwd, args);
  expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(code);
  const parsed = JSON.parse(run.stdout) as JsonError;
  expect(parsed.error.exitCode).toBe(code);
  expect(parsed.error.kind).toBe(kind);
  expect(run.stderr).toContain(`aitrail: ${parsed.error.message.split('\n')[0]}`);
  return parsed;
}

describe('--format json failures print a JSON error on stdout (row 1004)', () => {
  it('usage errors, bad revisions and a missing repository, for log, check, blame, trend and status', () => {
    const repo = makeRepo();
    repo.commit('one\n', { 'a.txt': '1\n' });
    for (const command of ['log', 'check', 'blame', 'trend', 'status']) {
      expectJsonError(repo.dir, [command, '--format', 'json', '--bogus'], 2, 'usage');
      expectJsonError(repo.dir, [command, '--format=json', '--bogus'], 2, 'usage');
    }
    expect(expectJsonError(repo.dir, ['trend', 'HEAD', '--format', 'json'], 2, 'usage').error.message).toMatch(/two or more, found 1/);
    // An unknown revision is exit 3 in every command, as log's and check's (session 55 helper p).
    expectJsonError(repo.dir, ['trend', 'nosuch', 'HEAD', '--format', 'json'], 3, 'git');
    expectJsonError(repo.dir, ['blame', '--rev', 'nosuch', '--format', 'json'], 3, 'git');
    expect(expectJsonError(repo.dir, ['log', 'nosuch', '--format', 'json'], 3, 'git').error.message).toMatch(/nosuch/);
    expectJsonError(repo.dir, ['check', 'nosuch..HEAD', '--format', 'json'], 3, 'git');
    repo.write('.aitrailrc.json', '{"policy":{"unknownModel":"sometimes"}}');
    expectJsonError(repo.dir, ['check', 'HEAD~0..HEAD', '--config', join(repo.dir, '.aitrailrc.json'), '--format', 'json'], 2, 'usage');
    const outside = join(tempDir(), 'not-a-repo');
    mkdirSync(outside);
    for (const args of [['log'], ['check'], ['blame'], ['trend', 'a', 'b'], ['status']]) {
      expect(expectJsonError(outside, [...args, '--format', 'json'], 3, 'git').error.message).toMatch(/not a git repository/);
    }
  });

  it('leaves text runs, `--` paths and successes as they were', () => {
    const repo = makeRepo();
    repo.commit('one\n', { 'a.txt': '1\n' });
    const text = aitrail(repo.dir, ['log', 'nosuch']);
    expect([text.code, text.stdout]).toEqual([3, '']);
    const pathNamed = aitrail(repo.dir, ['blame', '--rev', 'nosuch', '--', '--format', 'json']);
    expect([pathNamed.code, pathNamed.stdout]).toEqual([3, '']);
    const ok = aitrail(repo.dir, ['log', '--format', 'json']);
    expect(ok.code).toBe(0);
    expect(Array.isArray(JSON.parse(ok.stdout))).toBe(true);
  });
});

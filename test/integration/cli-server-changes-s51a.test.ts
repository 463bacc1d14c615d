import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail, servedRuns, type CliResult } from '../helpers/cli.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';

/**
 * Session 51 a (suite CPU): `aitrail init`, `uninstall`, `use` and `notes` go to the worker's CLI server
 * (test/helpers/cli-server.cjs) like the commands that only read, instead of a fresh node each (~55 ms of CPU
 * more a run, ~1.3 runs a test file). What that may not change: each run says and leaves what a fresh
 * `node bin/aitrail.js` run says and leaves. Twin repositories (one a copy of the other), the same commands,
 * one twin's spawned, the other's served: the same exit codes, output and files under .git and the work tree.
 */

/** `text` with `dir` written `<repo>` and the times a run writes (`use`'s end of the day) `<time>`. */
const clean = (dir: string, text: string) => text.split(dir).join('<repo>').replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z|\b1\d{9,12}\b/g, '<time>');

/** Every file under `dir` (.git's objects aside) with its mode and content, `dir` itself written `<repo>`. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = join(at, entry.name);
      const path = relative(dir, full);
      if (path === '.git/objects' || path === '.git/index' || path === '.git/logs') continue;
      if (entry.isDirectory()) walk(full);
      else files[path] = `${(statSync(full).mode & 0o777).toString(8)} ${clean(dir, readFileSync(full, 'utf8'))}`;
    }
  };
  walk(dir);
  return files;
}

function twins(): [TestRepo, TestRepo] {
  const first = makeRepo();
  first.commit('initial\n', { 'a.txt': 'a\n' });
  first.commit('second\n', { 'b.txt': 'b\n' });
  return [first, makeRepo({ copyOf: first.dir })];
}

/** The run in `dir`, cleaned. */
function said(dir: string, result: CliResult): CliResult {
  return { code: result.code, stdout: clean(dir, result.stdout), stderr: clean(dir, result.stderr) };
}

function spawnedRun(dir: string, args: string[]): CliResult {
  const before = process.env.AITRAIL_TEST_CLI;
  process.env.AITRAIL_TEST_CLI = 'spawn';
  try {
    return said(dir, aitrail(dir, args));
  } finally {
    if (before === undefined) delete process.env.AITRAIL_TEST_CLI;
    else process.env.AITRAIL_TEST_CLI = before;
  }
}

function servedRun(dir: string, args: string[]): CliResult {
  const before = servedRuns();
  const result = said(dir, aitrail(dir, args));
  // session 51 a: served, not spawned (without the change these commands always started a fresh node).
  expect(servedRuns(), `${args.join(' ')} served`).toBe(before + 1);
  return result;
}

describe('init, uninstall, use and notes served by the CLI server say and leave what a fresh node does (s51a)', () => {
  it.skipIf(process.env.AITRAIL_TEST_CLI !== undefined)('the same exit codes, output and files, command after command', () => {
    const [fresh, served] = twins();
    const steps: string[][] = [
      ['init', '--mode', 'git'],
      ['init', '--mode', 'git'],
      ['use', 'opus'],
      ['use'],
      ['use', '--clear'],
      ['notes', 'squash', 'HEAD~1..HEAD', '--onto', 'HEAD'],
      ['init', '--frob'],
      ['uninstall'],
      ['init', '--mode', 'husky'],
      ['uninstall', '--purge'],
    ];
    for (const args of steps) {
      const expected = spawnedRun(fresh.dir, args);
      expect(servedRun(served.dir, args), args.join(' ')).toEqual(expected);
      expect(snapshot(served.dir), args.join(' ')).toEqual(snapshot(fresh.dir));
    }
    // The steps did something: init installed hooks, uninstall took them away.
    expect(existsSync(join(served.dir, '.git', 'hooks', 'commit-msg'))).toBe(false);
  });

  it('hook (its own bundle) and runs given stdin other than checkpoint\'s are still spawned', () => {
    const repo = makeRepo();
    const before = servedRuns();
    aitrail(repo.dir, ['hook', 'post-commit']);
    aitrail(repo.dir, ['init', '--mode', 'git'], { input: 'y\n' });
    expect(servedRuns()).toBe(before);
    // checkpoint is served with its payload since session 52 a (cli-server-checkpoint-s52a.test.ts: served == spawned).
    aitrail(repo.dir, ['checkpoint', '--agent', 'claude-code'], { input: '{}' });
    expect(servedRuns()).toBe(before + 1);
  });
});

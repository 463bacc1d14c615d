import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail, reportOf } from '../helpers/cli.js';
import { makeRepo, tempDir, TEST_GIT_ENV } from '../helpers/gitdir.js';

const DENY_QWEN = 'policy:\n  deny: ["qwen/*"]\n';
const QWEN = 'feat: parser\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n';

describe('every command under hostile input (session 23, helper g)', () => {
  it("row 283: what follows '--' is refused by every command that takes no paths (check -- A..B judged the default range and passed)", () => {
    const origin = makeRepo();
    origin.commit('policy\n', { '.aitrailrc.yml': DENY_QWEN });
    origin.git(['tag', 'base']);
    origin.commit(QWEN, { 'src/parser.ts': 'export {};\n' });
    // A CI checkout of the pushed main: HEAD is origin/main, so the default range is empty.
    const ci = join(tempDir(), 'ci');
    execFileSync('git', ['clone', '-q', origin.dir, ci], { env: TEST_GIT_ENV });
    expect(aitrail(ci, ['check', 'base..HEAD']).code).toBe(1);
    const dashed = aitrail(ci, ['check', '--format', 'json', '--', 'base..HEAD']);
    expect(reportOf(dashed.stdout)).toBe('');
    expect(dashed.stderr).toMatch(/^aitrail: unexpected argument 'base\.\.HEAD' after '--' for 'aitrail check': it takes no paths, and its range goes before '--'/);
    expect(dashed.code).toBe(2);
    for (const args of [['check', 'base..HEAD', '--', 'src'], ['log', '--', 'HEAD'], ['status', '--', 'x'], ['uninstall', '--', 'x']]) {
      const refused = aitrail(ci, args);
      expect(refused.code, args.join(' ')).toBe(2);
      expect(refused.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(refused.stderr, args.join(' ')).toMatch(/after '--' for 'aitrail (check|log|status|uninstall)': it takes no paths/);
    }
    // The command itself after '--': yargs ran none, printed nothing and exited 0.
    const noCommand = aitrail(ci, ['-q', '--', 'check', 'base..HEAD']);
    expect(noCommand.stderr).toMatch(/^aitrail: no command before '--' \('check' comes after it\)/);
    expect(noCommand.code).toBe(2);
    // Commands that read what follows '--' still do.
    const blamed = aitrail(ci, ['blame', '--format', 'json', '--no-cache', '--', 'src/parser.ts']);
    expect(blamed.code).toBe(0);
    expect((JSON.parse(blamed.stdout) as { files: { path: string }[] }).files.map((file) => file.path)).toEqual(['src/parser.ts']);
    expect(aitrail(ci, ['use', '--', 'qwen3-coder']).code).toBe(0);
  });

  it('row 285: an option of one value given twice is refused (yargs made it a list: internal errors, a silent wrong report)', () => {
    const repo = makeRepo();
    const first = repo.commit('policy\n', { '.aitrailrc.yml': DENY_QWEN });
    const second = repo.commit(QWEN, { 'src/parser.ts': 'export {};\n' });
    for (const args of [
      ['blame', '--by', 'file', '--by', 'model', '--format', 'json'], // grouped by dir, exit 0
      ['log', '--author', 'Test', '--author', 'Human'], // "No commits in range.", exit 0
      ['check', `${first}..HEAD`, '--policy-from', 'HEAD', '--policy-from', first], // internal error, exit 3
      ['use', 'qwen3-coder', '--agent', 'qwen-code', '--agent', 'aider'],
    ]) {
      const refused = aitrail(repo.dir, args);
      expect(reportOf(refused.stdout), args.join(' ')).toBe('');
      expect(refused.stderr, args.join(' ')).toMatch(/^aitrail: option '--(by|author|policy-from|agent)' given more than once \('[^']+', '[^']+'\) for 'aitrail (blame|log|check|use)': give it once\. Run/);
      expect(refused.code, args.join(' ')).toBe(2);
    }
    // Options that take a list still repeat.
    const ignored = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache', '--ignore-rev', second, '--ignore-rev', first, '--exclude', '*.yml', '--exclude', 'x']);
    expect(ignored.code).toBe(0);
    const report = JSON.parse(ignored.stdout) as { totals: { lines: number }; ignoredAi?: string[] };
    expect(report.totals.lines).toBe(1); // .aitrailrc.yml excluded
    expect(report.ignoredAi).toEqual([second]);
  });

  it("row 286: check of an empty range or one whose left end is empty ('', ..HEAD, ...HEAD: an unset \$BASE) is refused, not a pass over nothing", () => {
    const origin = makeRepo();
    origin.commit('policy\n', { '.aitrailrc.yml': DENY_QWEN });
    origin.commit(QWEN, { 'src/parser.ts': 'export {};\n' });
    const ci = join(tempDir(), 'ci');
    execFileSync('git', ['clone', '-q', origin.dir, ci], { env: TEST_GIT_ENV });
    for (const range of ['', '..HEAD', '...HEAD', '..']) {
      const refused = aitrail(ci, ['check', range, '--format', 'json']);
      expect(reportOf(refused.stdout), range).toBe(''); // was {"ok": true, "commits": 0}
      expect(refused.stderr, range).toMatch(range === '' ? /^aitrail: invalid range '': name a range/ : /^aitrail: invalid range '\.\.\.?(HEAD)?': its left end is empty, which git reads as HEAD/);
      expect(refused.code, range).toBe(2);
    }
    // A range whose right end is empty is A..HEAD, as git reads it.
    expect(aitrail(ci, ['check', 'HEAD~1..']).code).toBe(1);
    // A revision that only excludes (`^origin/main`) judged nothing and passed (s40 review): refused too.
    const excludes = aitrail(ci, ['check', '^origin/main', '--format', 'json']);
    expect(reportOf(excludes.stdout)).toBe(''); // was {"ok": true, "commits": 0}
    expect(excludes.stderr).toMatch(/^aitrail: invalid range '\^origin\/main': it only excludes commits/);
    expect(excludes.code).toBe(2);
    // `HEAD^!` (HEAD without its parents) still names a commit.
    expect(aitrail(ci, ['check', 'HEAD^!']).code).toBe(1);
  });

  it("row 287: an empty --config or --policy-from (an unset variable) is refused by every command, not read as absent", () => {
    const repo = makeRepo();
    const first = repo.commit('policy\n', { '.aitrailrc.yml': 'blame:\n  exclude: ["*.yml"]\n' });
    repo.commit(QWEN, { 'src/parser.ts': 'export {};\n' });
    for (const args of [['blame', '--format', 'json', '--config', ''], ['status', '--config='], ['check', `${first}..HEAD`, '--config', ''], ['check', `${first}..HEAD`, '--policy-from', '']]) {
      const refused = aitrail(repo.dir, args);
      expect(reportOf(refused.stdout), args.join(' ')).toBe(''); // blame and status reported by the repository's own config
      expect(refused.stderr, args.join(' ')).toMatch(/^aitrail: invalid --(config|policy-from) '': name a (config file|revision) \(an unset variable\?\)/);
      expect(refused.code, args.join(' ')).toBe(2);
    }
  });

  it('row 284: a repository whose directory name holds a newline: nothing written beside it or as a .git inside it; its worktrees work', () => {
    const parent = tempDir();
    const dir = join(parent, 'work dir\nname');
    const repo = makeRepo({ dir });
    repo.commit(QWEN, { 'a.ts': 'one\n' });
    repo.commit('human\n', { 'a.ts': 'one\ntwo\n' });
    const init = aitrail(dir, ['init']);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('hooks in .git/hooks');
    // The shifted `git rev-parse` lines named `<parent>/work dir` as the git dir and `name/.git` as the common dir.
    expect(existsSync(join(parent, 'work dir'))).toBe(false);
    expect(existsSync(join(dir, 'name'))).toBe(false);
    expect(existsSync(join(dir, '.git', 'aitrail', 'install.json'))).toBe(true);
    // A worktree of a depth-1 clone in such a directory: git names its files by the clone's absolute path, newline and all.
    const clone = join(parent, 'clone\ndir');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${dir}`, clone], { env: TEST_GIT_ENV });
    const worktree = join(parent, 'wt');
    execFileSync('git', ['worktree', 'add', '-q', worktree], { cwd: clone, env: TEST_GIT_ENV });
    const shallow = aitrail(worktree, ['blame', '--no-cache']);
    expect(shallow.stderr).toMatch(/^aitrail: this is a shallow clone and its history is cut at/);
    expect(shallow.code).toBe(3);
  });
});

// Session 55 helper p (no threat row: one exit code made true, no hole closed): an unknown revision exited 3 from `log`, `check` and --config-from/--policy-from
// (as README and DESIGN.md's "3 git error" say) but 2, a usage error, from `blame --rev/--since/--ignore-rev`,
// `trend`'s revisions and `notes squash`'s range and --onto: a CI script that tells "fetch the target branch first"
// (3) from "the job is written wrong" (2) read the same missing commit two ways. Found by session 55 helper g running
// every command with a revision that names nothing. Now every command says one line on stderr naming the revision
// and exits 3 (`--format json`: the `{ error: { exitCode: 3, kind: 'git' } }` log and check already gave); text that
// is no revision (option-like, not a range where one is wanted, a glob given to trend) stays exit 2.
import { beforeAll, describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';

let repo: TestRepo;
beforeAll(() => {
  repo = makeRepo();
  repo.commit('one\n', { 'a.txt': 'a\n' });
  repo.commit('two\n', { 'a.txt': 'a\nb\n' });
});

/** The one-line stderr naming `revision`, and exit 3; with --format json, the error object on stdout. */
function expectUnknown(args: string[], revision: string, json = false): void {
  const result = aitrail(repo.dir, args);
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(3);
  const lines = result.stderr.split('\n').filter((line) => line !== '' && !/^aitrail(: note:|: policy from| trend: )/.test(line));
  expect(lines, args.join(' ')).toHaveLength(1);
  expect(lines[0]).toContain(`'${revision}'`);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  if (json) expect(JSON.parse(result.stdout)).toMatchObject({ error: { exitCode: 3, kind: 'git', message: expect.stringContaining(`'${revision}'`) } });
}

describe('an unknown revision is exit 3 in every command', () => {
  it('log: an unknown range, one line', () => {
    expectUnknown(['log', 'nosuch..HEAD'], 'nosuch..HEAD');
    expectUnknown(['log', 'nosuch', '--format', 'json'], 'nosuch', true);
  });

  it('check: an unknown range and --policy-from', () => {
    expectUnknown(['check', 'nosuch..HEAD'], 'nosuch');
    expectUnknown(['check', 'nosuch'], 'nosuch');
    expectUnknown(['check', 'HEAD~1..HEAD', '--policy-from', 'nosuch', '--format', 'json'], 'nosuch', true);
  });

  it('blame: <rev> given as --rev, --since, --ignore-rev, --config-from', () => {
    expectUnknown(['blame', '--rev', 'nosuch', '--no-cache'], 'nosuch');
    expectUnknown(['blame', '--since', 'nosuch', '--no-cache'], 'nosuch');
    expectUnknown(['blame', '--since', 'nosuch', '--no-cache', '--format', 'json'], 'nosuch', true);
    expectUnknown(['blame', '--ignore-rev', 'nosuch', '--no-cache', '--format', 'json'], 'nosuch', true);
    expectUnknown(['blame', '--config-from', 'nosuch', '--no-cache'], 'nosuch');
    // A date is no revision of blame's (--since is git blame's <since>..<rev>): named and exit 3 as well.
    expectUnknown(['blame', '--since', '2024-01-01', '--no-cache'], '2024-01-01');
    // Option-like text is no revision: exit 2.
    expect(aitrail(repo.dir, ['blame', '--since=-x', '--no-cache']).code).toBe(2);
  });

  it('trend: either revision of a pair, --ignore-rev; a glob given as a revision stays exit 2', () => {
    expectUnknown(['trend', 'nosuch', 'HEAD', '--no-cache'], 'nosuch');
    expectUnknown(['trend', 'HEAD~1', 'nosuch', '--no-cache', '--format', 'json'], 'nosuch', true);
    expectUnknown(['trend', 'HEAD~1', 'HEAD', '--ignore-rev', 'nosuch', '--no-cache'], 'nosuch');
    const glob = aitrail(repo.dir, ['trend', 'HEAD~1', '*.sh', '--no-cache']);
    expect(glob.code).toBe(2);
    expect(glob.stderr).toContain('give each glob its own flag');
  });

  it('notes squash: the base, the head and --onto; a range without two dots stays exit 2', () => {
    expectUnknown(['notes', 'squash', 'nosuch..HEAD', '--onto', 'HEAD'], 'nosuch');
    expectUnknown(['notes', 'squash', 'HEAD~1..nosuch', '--onto', 'HEAD'], 'nosuch');
    expectUnknown(['notes', 'squash', 'HEAD~1..HEAD', '--onto', 'nosuch'], 'nosuch');
    expect(aitrail(repo.dir, ['notes', 'squash', 'HEAD', '--onto', 'HEAD']).code).toBe(2);
    // Session 55's last re-read: text that is no revision at all (option-like) is bad usage, exit 2, as blame's --rev=-x
    // is: it was "unknown --onto '-x' ... fetch it first", exit 3.
    for (const args of [['HEAD~1..HEAD', '--onto=-x'], ['HEAD~1..--all', '--onto', 'HEAD']]) {
      const result = aitrail(repo.dir, ['notes', 'squash', ...args]);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(2);
      expect(result.stderr).toMatch(/invalid (--onto|revision) '-/);
    }
  });
});

// --help read against what each command does: AITRAIL_MERGED_READS, read by log, blame, trend and check (a mis-written
// value exit 2 in each), was named by none of their --help; AITRAIL_DEBUG, named in an internal error's own line, by none;
// AITRAIL_AGENT, which status reads, not by status --help; AITRAIL=0 and AITRAIL_MODEL, which checkpoint reads, not by its --help.
describe('--help names every variable the command reads', () => {
  it('log, blame, trend and check: AITRAIL_MERGED_READS with its range and default; aitrail --help: AITRAIL_DEBUG', () => {
    for (const command of ['log', 'blame', 'trend', 'check']) {
      const help = aitrail(repo.dir, [command, '--help']);
      expect(help.code, help.stderr).toBe(0);
      expect(help.stdout.replace(/\s+/g, ' '), command).toContain('AITRAIL_MERGED_READS=<commits> (1 to 10000000, default 10000)');
      const wrong = aitrail(repo.dir, command === 'trend' ? [command, 'HEAD~1', 'HEAD', '--no-cache'] : [command], { env: { AITRAIL_MERGED_READS: 'many' } });
      expect(wrong.code, command).toBe(2);
    }
    expect(aitrail(repo.dir, ['--help']).stdout.replace(/\s+/g, ' ')).toContain('AITRAIL_DEBUG=1 adds the stack trace');
    // checkpoint reads AITRAIL=0 and AITRAIL_MODEL (run-checkpoint.ts: the model when the payload and transcript name none).
    expect(aitrail(repo.dir, ['checkpoint', '--help']).stdout.replace(/\s+/g, ' ')).toContain('AITRAIL=0 records nothing; AITRAIL_MODEL=<model>');
    // status reads AITRAIL_AGENT as the hooks do (said as the evidence); its --help named AITRAIL_MODEL alone.
    expect(aitrail(repo.dir, ['status', '--help']).stdout.replace(/\s+/g, ' ')).toContain('AITRAIL_AGENT=<agent>');
    expect(aitrail(repo.dir, ['status'], { env: { AITRAIL_AGENT: 'aider' } }).stdout).toContain('evidence: env AITRAIL_AGENT="aider"');
  });
});

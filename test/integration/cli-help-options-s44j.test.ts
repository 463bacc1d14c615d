import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

describe('an unknown option beside help or --version', () => {
  it('exits 2 naming it, as without help (yargs printed the help or version first: exit 0)', () => {
    const repo = makeRepo();
    const cases: [string[], string][] = [
      [['help', 'check', '--bogus'], "unknown option '--bogus' for 'aitrail check'"],
      [['check', '--help', '--bogus'], "unknown option '--bogus' for 'aitrail check'"],
      [['help', 'notes', 'add', '--bogus=1'], "unknown option '--bogus' for 'aitrail notes'"],
      [['-q', 'blame', '-h', '-x'], "unknown option '-x' for 'aitrail blame'"],
      [['help', '--frob'], "unknown option '--frob' for 'aitrail'"],
      [['--help', '--frob'], "unknown option '--frob' for 'aitrail'"],
      [['--version', '--frob'], "unknown option '--frob' for 'aitrail'"],
    ];
    for (const [args, message] of cases) {
      const run = aitrail(repo.dir, args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout, args.join(' ')).toBe('');
      expect(run.stderr, args.join(' ')).toContain(message);
    }
  });

  it("the command's own options, aliases, --no- forms and aitrail's own still print its help, exit 0", () => {
    const repo = makeRepo();
    const check = aitrail(repo.dir, ['check', '--help']).stdout;
    for (const args of [['help', 'check', '--format', 'json'], ['-q', 'check', '--help', '--config=x'], ['check', '-h', '--no-quiet'], ['help', 'check', '--policy-from', 'x']]) {
      const run = aitrail(repo.dir, args);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
      expect(run.stdout).toBe(check);
    }
    expect(aitrail(repo.dir, ['--version']).code).toBe(0);
    expect(aitrail(repo.dir, ['check', '--version']).code).toBe(0);
  });
});

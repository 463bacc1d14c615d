// 679 refuses an unknown option beside help or --version (exit 2), but blame's and trend's git
// flags (-C, -C -C, -M100, -wC50: the README's own examples) are no option yargs declares: they
// reach the command as arguments, which reads them as git does. `aitrail blame -w -C -C --by model
// --help` exited 2 (`unknown option '-C'`), where it printed the help before 679.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

describe("blame's and trend's git flags beside help or --version", () => {
  it("print the command's help or the version, exit 0", () => {
    const repo = makeRepo();
    const help = { blame: aitrail(repo.dir, ['blame', '--help']).stdout, trend: aitrail(repo.dir, ['trend', '--help']).stdout };
    for (const args of [
      ['blame', '-w', '-C', '-C', '--by', 'model', '--help'],
      ['blame', '-wC50', '-M', '--help'],
      ['help', 'blame', '-C'],
      ['trend', 'v1', 'v2', '--include', '*.py', '-C', '-C', '--help'],
      ['trend', '--tags', 'v*.*.0', '-M100', '-C100', '-C', '-C', '--no-notes', '-h'],
    ]) {
      const run = aitrail(repo.dir, args);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
      expect(run.stdout).toBe(help[args.includes('trend') ? 'trend' : 'blame']);
    }
    const version = aitrail(repo.dir, ['blame', '-C', '--version']);
    expect(version.code, version.stderr).toBe(0);
  });

  it('what held: a flag git does not take, or -C for another command, still exits 2 naming it', () => {
    const repo = makeRepo();
    for (const [args, message] of [
      [['blame', '-C', '--help', '-X'], "unknown option '-X' for 'aitrail blame'"],
      [['blame', '--help', '-CX'], "unknown option '-CX' for 'aitrail blame'"],
      [['trend', '--help', '--C'], "unknown option '--C' for 'aitrail trend'"],
      [['check', '-C', '--help'], "unknown option '-C' for 'aitrail check'"],
    ] as const) {
      const run = aitrail(repo.dir, [...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(message);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

describe("a short option's value written against it, beside help (679's check)", () => {
  it('log -n5 --help prints the help, exit 0, as log -n5 runs; an unknown letter is still refused', () => {
    const repo = makeRepo();
    repo.commit('feat: one\n', { 'a.txt': 'a\n' });
    expect(aitrail(repo.dir, ['log', '-n5']).code).toBe(0);
    const help = aitrail(repo.dir, ['log', '--help']).stdout;
    for (const args of [['log', '-n5', '--help'], ['help', 'log', '-qn5'], ['--help', 'log', '-n5'], ['log', '-h', '-n', '-1']]) {
      const run = aitrail(repo.dir, args);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
      expect(run.stdout).toBe(help);
    }
    const unknown = aitrail(repo.dir, ['log', '-x5', '--help']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown option '-x5' for 'aitrail log'");
  });
});

import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

describe('aitrail help <command>', () => {
  it("prints that command's help, as `<command> --help` does, exit 0 (yargs took `help` for a mistyped command: Did you mean check?, exit 2)", () => {
    const repo = makeRepo();
    for (const name of ['blame', 'check', 'init', 'log', 'status', 'trend']) {
      const asked = aitrail(repo.dir, ['help', name]);
      const option = aitrail(repo.dir, [name, '--help']);
      expect(asked.code, asked.stderr).toBe(0);
      expect(asked.stdout).toContain(`aitrail ${name}`);
      expect(asked.stdout).toBe(option.stdout);
      expect(asked.stderr).toBe('');
    }
    // The top help and anything else after `help` as before.
    const top = aitrail(repo.dir, ['help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toBe(aitrail(repo.dir, ['--help']).stdout);
    expect(aitrail(repo.dir, ['help', 'frob']).code).toBe(2);
  });

  it("an option before or after the command still prints that command's help, exit 0 (was: Did you mean check?, exit 2)", () => {
    const repo = makeRepo();
    const blame = aitrail(repo.dir, ['blame', '--help']).stdout;
    for (const asked of [['help', 'blame', '--format', 'json'], ['help', '-q', 'blame'], ['help', '--', 'blame']]) {
      const run = aitrail(repo.dir, asked);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toBe(blame);
    }
  });

  it('a word that names no command is refused by that name, exit 2, escaped; no stack trace (was: Did you mean check?)', () => {
    const repo = makeRepo();
    for (const word of ['blamé', 'x\u001b[31mred', '__proto__', '../../etc']) {
      const run = aitrail(repo.dir, ['help', word]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('unknown command');
      expect(run.stderr).not.toContain('Did you mean check');
      expect(run.stderr).not.toContain('\u001b');
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    // help help, help alone: the top help as before.
    expect(aitrail(repo.dir, ['help', 'help']).stdout).toBe(aitrail(repo.dir, ['--help']).stdout);
  });
});

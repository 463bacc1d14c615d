import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

describe('aitrail help <command> with more words, or a word that names no command', () => {
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

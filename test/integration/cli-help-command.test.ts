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
});

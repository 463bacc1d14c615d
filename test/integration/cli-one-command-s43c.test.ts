import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

/**
 * A run of a named command loads that command's module only (src/cli/app.ts commandsToLoad); help,
 * `--version`, no command or a mistyped one load them all. What each prints is the same either way.
 */
describe('a named command loads only its own module (s43c)', () => {
  it('a word naming another command is still an unexpected argument; a mistyped command is still suggested from all of them', () => {
    const repo = makeRepo();
    repo.commit('initial\n');
    const named = aitrail(repo.dir, ['status', 'log']);
    expect(named.code).toBe(2);
    expect(named.stdout).toBe('');
    expect(named.stderr).toBe("aitrail: unexpected argument 'log' for 'aitrail status'. Run 'aitrail status --help' for usage.\n");
    const mistyped = aitrail(repo.dir, ['blme']);
    expect(mistyped.code).toBe(2);
    expect(mistyped.stderr).toBe(
      "aitrail: unknown command 'blme'. Did you mean blame? Commands: log, init, uninstall, use, status, blame, check, trend, hook, checkpoint, notes.\nRun 'aitrail --help' or 'aitrail <command> --help' for usage.\n",
    );
  });

  it("a command's help and the top-level help still list what they did", () => {
    const repo = makeRepo();
    const help = aitrail(repo.dir, ['status', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^aitrail status\n/);
    expect(help.stdout).toMatch(/^Options:$/m);
    const top = aitrail(repo.dir, ['--help']);
    expect(top.code).toBe(0);
    for (const command of ['log', 'init', 'uninstall', 'use', 'status', 'blame', 'check', 'trend', 'hook', 'checkpoint', 'notes']) {
      expect(top.stdout, command).toMatch(new RegExp(`^ {2}aitrail ${command}\\b`, 'm'));
    }
  });
});

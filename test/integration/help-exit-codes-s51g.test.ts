// Every command's --help teaches: at least one example and the exit codes it returns (log, init, uninstall,
// use and status had examples but no exit codes); the codes said are the ones a real run returns.
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../src/cli/command-names.js';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';

describe('aitrail <command> --help: an example and the exit codes', () => {
  it('each command: "Examples:" and its exit codes (checkpoint: it never fails the agent, exit 0)', () => {
    const repo = makeRepo();
    for (const name of COMMAND_NAMES) {
      const help = aitrail(repo.dir, [name, '--help']);
      expect(help.code, name).toBe(0);
      expect(help.stdout, name).toContain('Examples:');
      expect(help.stdout, name).toMatch(name === 'checkpoint' ? /exit 0/ : /Exit\scodes:\s0\s/);
    }
  });

  it('the codes they say: 2 for bad usage or config, 3 outside a repository', () => {
    const repo = makeRepo();
    repo.commit('start\n', { 'a.txt': 'a\n' });
    expect(aitrail(repo.dir, ['use', 'claude-opus-4.6', '--for', 'xyz']).code).toBe(2);
    expect(aitrail(repo.dir, ['init', '--agents', 'no-such-agent']).code).toBe(2);
    repo.write('.aitrailrc.yaml', 'policy: [\n');
    expect(aitrail(repo.dir, ['status']).code).toBe(2);
    expect(aitrail(repo.dir, ['log']).code).toBe(2);
    const outside = tempDir();
    for (const args of [['log'], ['status'], ['init'], ['uninstall'], ['use']]) expect(aitrail(outside, args).code, args[0]).toBe(3);
  });
});

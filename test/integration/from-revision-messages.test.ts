import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

// `check --policy-from` and `blame --config-from` naming no commit here: the option is named, and
// what to fetch (the message said "the range must name commits", with no range given).
describe('a --policy-from / --config-from revision that names no commit', () => {
  it('names the option and exits 3', () => {
    const repo = makeRepo();
    repo.commit('initial\n', { '.aitrailrc.json': '{ "policy": { "deny": ["qwen/*"] } }\n', 'a.txt': 'a\n' });
    for (const [args, option] of [
      [['check', 'HEAD', '--policy-from', 'refs/remotes/origin/main'], '--policy-from'],
      [['blame', '--config-from', 'refs/remotes/origin/main'], '--config-from'],
    ] as const) {
      const result = aitrail(repo.dir, [...args]);
      expect(result.code, result.stderr).toBe(3);
      expect(result.stderr).toContain(`${option} 'refs/remotes/origin/main' names no commit of this repository (fetch it first?`);
      expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
  });
});

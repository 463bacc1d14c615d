// Session 54 helper h (row 1125): the gate's bounds in the environment (AITRAIL_COPY_BLAME_BUDGET,
// AITRAIL_BLAME_BUDGET) were parsed only when a protected file's lines were blamed, so a server or CI with
// `AITRAIL_BLAME_BUDGET=8GiB` judged every push that touched no protected file as if unset, and failed (exit 2)
// only on the first push that did: found by following session 53's pointer (budgets validated lazily). Now
// check, pre-push and pre-receive read every bound at their start (one parser, src/io/env-limits.ts): a
// mis-written value is exit 2 naming the variable and its range, whatever the push holds. Also: check and hook
// --help name every bound, its range and default, and all six caps the divisor lowers (hook's said budgets "raise").
import { describe, expect, it } from 'vitest';
import { aitrail, envWithAitrailOnPath } from '../helpers/cli.js';
import { CRYPTO_PATH_POLICY, commitWith, policyServer, tryGit } from '../helpers/enforce-repos.js';

const HOOK_ENV = envWithAitrailOnPath();

const BAD: Record<string, RegExp> = {
  AITRAIL_BLAME_BUDGET: /^aitrail: AITRAIL_BLAME_BUDGET='8GiB' is not a budget: give a whole number of MiB, 1 to 9999999, digits only/m,
  AITRAIL_COPY_BLAME_BUDGET: /^aitrail: AITRAIL_COPY_BLAME_BUDGET='8GiB' is not a budget: give a whole number of MiB, 1 to 9999999, digits only/m,
};

describe('a mis-written gate bound is said at the start of every run that reads it (row 1125)', () => {
  for (const variable of Object.keys(BAD)) {
    it(`${variable}=8GiB: check, pre-push and pre-receive exit 2 on a push that changes no protected file`, () => {
      const { remote, work } = policyServer(CRYPTO_PATH_POLICY, '', { initEnv: HOOK_ENV });
      expect(commitWith(work, 'docs: readme\n', { 'README.md': 'hello\n' }, { noVerify: true }).code).toBe(0);
      const sha = work.git(['rev-parse', 'HEAD']).trim();
      const env = { [variable]: '8GiB' };
      const check = aitrail(work.dir, ['check', 'origin/main..HEAD'], { env });
      expect(check.code, check.stdout + check.stderr).toBe(2);
      expect(check.stderr).toMatch(BAD[variable]!);
      expect(check.stderr).not.toContain('    at ');
      // pre-push (init's hook) refuses before anything is sent.
      const prePush = tryGit(work.dir, ['push', 'origin', 'HEAD:refs/heads/docs'], { env: { ...HOOK_ENV, ...env } });
      expect(prePush.code, prePush.stderr).not.toBe(0);
      expect(prePush.stderr).toMatch(BAD[variable]!);
      // pre-receive (the server's environment is the pusher's over a local path) refuses it too.
      const received = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:refs/heads/docs'], { env });
      expect(received.code, received.stderr).not.toBe(0);
      expect(received.stderr).toMatch(/remote: aitrail: AITRAIL_(COPY_)?BLAME_BUDGET='8GiB' is not a budget/);
      expect(tryGit(remote.dir, ['rev-parse', '--verify', '--quiet', 'refs/heads/docs']).code).not.toBe(0);
      // Unset: the same commit is judged and lands.
      const pushed = tryGit(work.dir, ['push', 'origin', 'HEAD:refs/heads/docs'], { env: HOOK_ENV });
      expect(pushed.code, pushed.stderr).toBe(0);
      expect(tryGit(remote.dir, ['rev-parse', 'refs/heads/docs']).stdout.trim()).toBe(sha);
    });
  }

});

describe('--help teaches every bound the gate reads (row 1125)', () => {
  it('check and hook --help: each variable with its range and default, the divisor lowering all six caps, no "raise those"', () => {
    const { work } = policyServer(CRYPTO_PATH_POLICY);
    for (const command of ['check', 'hook']) {
      const help = aitrail(work.dir, [command, '--help']);
      expect(help.code, help.stderr).toBe(0);
      const text = help.stdout.replace(/\s+/g, ' ');
      expect(text).toContain('AITRAIL_COPY_BLAME_BUDGET=<MiB> (1 to 9999999, default 4096)');
      expect(text).toContain('AITRAIL_BLAME_BUDGET=<MiB> (1 to 9999999, default 65536)');
      expect(text).toContain("AITRAIL_SIZE_CAPS_DIVISOR=<n> (1 to 65536) divides, never raising them, the caps of 16 MiB a commit or tag object, 64 KiB a large commit, 64 MiB of large commits a range, 16 MiB of a noted commit's diff counted, 10,000 merged commits the merge-footer walks read and 200,000 paths shown through symbolic links");
      expect(text).toContain('a mis-written value is exit 2 at the start of the run');
      expect(text).not.toContain('raise those');
    }
    const hook = aitrail(work.dir, ['hook', '--help']).stdout.replace(/\s+/g, ' ');
    expect(hook).toContain('AITRAIL_RECEIVE_LOCK_WAIT=<seconds> (1 to 999, default 60)');
    expect(hook).toContain('AITRAIL_MODEL=<model>');
  });
});

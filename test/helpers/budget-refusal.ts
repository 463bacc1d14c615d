import { expect } from 'vitest';
import { aitrail } from './cli.js';
import { tryGit, type Project } from './enforce-repos.js';

const CHECK = ['check', 'origin/main..HEAD', '--policy-from', 'refs/remotes/origin/main'];

/**
 * A gate budget set by `variable` (MiB) in the environment: at `tight`, `check` exits 3 with `said`
 * (no stack) and a push of HEAD to `branch` is refused by pre-receive naming `<variable>=<MiB>`, the
 * branch absent from the server; mis-written (`<tight>MiB`) it exits 2 naming the form; at the
 * default the same push passes.
 */
export function expectBudgetRefusal({ remote, work }: Pick<Project, 'remote' | 'work'>, variable: string, tight: string, said: readonly string[], branch: string): void {
  const env = { [variable]: tight };
  const check = aitrail(work.dir, CHECK, { env, timeout: 120_000 });
  expect(check.code, check.stdout + check.stderr).toBe(3);
  for (const text of said) expect(check.stderr).toContain(text);
  expect(check.stderr).not.toContain('    at ');
  const refused = tryGit(work.dir, ['push', '--no-verify', 'origin', `HEAD:refs/heads/${branch}`], { env });
  expect(refused.code, refused.stderr).not.toBe(0);
  expect(refused.stderr).toContain(`${variable}=<MiB>`);
  expect(tryGit(remote.dir, ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`]).code).not.toBe(0);
  // A budget mis-written (`1MiB`): said, exit 2, never silently the default (the user check of session 52).
  const misWritten = aitrail(work.dir, CHECK, { env: { [variable]: `${tight}MiB` }, timeout: 120_000 });
  expect(misWritten.code, misWritten.stdout + misWritten.stderr).toBe(2);
  expect(misWritten.stderr).toContain(`${variable}='${tight}MiB' is not a budget: give a whole number of MiB`);
  // The default budget: the same commits judged and passed.
  const pushed = tryGit(work.dir, ['push', '--no-verify', 'origin', `HEAD:refs/heads/${branch}`]);
  expect(pushed.code, pushed.stderr).toBe(0);
}

/** `lines` lines of a table; every tenth line (from `offset`) carries revision `rev` (rows 1092, 1119: scattered runs of a protected file). */
export const tableOf = (lines: number, rev: number, offset: number): string =>
  Array.from({ length: lines }, (_, n) => (n % 10 === offset ? `export const value${n} = "row ${n} of revision ${rev}";` : `export const value${n} = "row ${n} as first written";`)).join('\n') + '\n';

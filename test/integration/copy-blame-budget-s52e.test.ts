import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, policyServer, tryGit } from '../helpers/enforce-repos.js';

// row 1036: a push of many person-read copies into a protected path made the copy search and its
// `-C -C -C` blames run for minutes (thousands of copies: hours) at the server's gate and in CI.
const QWEN_NOT_IN_CRYPTO = 'policy:\n  paths:\n    - files: ["src/crypto/**"]\n      deny: ["qwen/*"]\n';

/** A file of `lines` distinct lines long enough to be copy suspects. */
const fileOf = (name: string, lines: number) => Array.from({ length: lines }, (_, n) => `export const ${name}Value${n} = computeTheValueForIndex(${n}, "${name}");`).join('\n') + '\n';

describe('the -C -C -C blames of one run have a budget (row 1036)', () => {
  it('a push of 8 commits each copying a lib file into src/crypto, over the budget the server sets, is refused by pre-receive and check with one line naming it; within it, it passes', () => {
    const { remote, work } = policyServer(QWEN_NOT_IN_CRYPTO);
    const libs = Object.fromEntries(Array.from({ length: 8 }, (_, n) => [`lib/f${n}.ts`, fileOf(`f${n}`, 400)]));
    expect(commitWith(work, 'feat: libs\n', libs, { noVerify: true }).code).toBe(0);
    for (let n = 0; n < 8; n += 1) expect(commitWith(work, `feat: copy ${n}\n`, { [`src/crypto/c${n}.ts`]: libs[`lib/f${n}.ts`]! }, { noVerify: true }).code).toBe(0);
    const tight = { AITRAIL_COPY_BLAME_BUDGET: '1' };
    const check = aitrail(work.dir, ['check', 'origin/main..HEAD', '--policy-from', 'refs/remotes/origin/main'], { env: tight, timeout: 120_000 });
    expect(check.code, check.stdout + check.stderr).toBe(3);
    expect(check.stderr).toContain('would read more than 1 MiB of files');
    expect(check.stderr).not.toContain('    at ');
    const refused = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:refs/heads/copies'], { env: tight });
    expect(refused.code, refused.stderr).not.toBe(0);
    expect(refused.stderr).toContain('AITRAIL_COPY_BLAME_BUDGET=<MiB>');
    expect(tryGit(remote.dir, ['rev-parse', '--verify', '--quiet', 'refs/heads/copies']).code).not.toBe(0);
    // A budget mis-written (`1MiB`): said, exit 2, never silently the default (the user check of session 52).
    const misWritten = aitrail(work.dir, ['check', 'origin/main..HEAD', '--policy-from', 'refs/remotes/origin/main'], { env: { AITRAIL_COPY_BLAME_BUDGET: '1MiB' }, timeout: 120_000 });
    expect(misWritten.code, misWritten.stdout + misWritten.stderr).toBe(2);
    expect(misWritten.stderr).toContain("AITRAIL_COPY_BLAME_BUDGET='1MiB' is not a budget: give a whole number of MiB");
    // The default budget: the same honest copies judged and passed.
    const pushed = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:refs/heads/copies']);
    expect(pushed.code, pushed.stderr).toBe(0);
  });
});

import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, policyServer } from '../helpers/enforce-repos.js';

// Row 1113 (careless truth under row 1092's blame budget; found by task v of session 53 re-reading
// spendBlameBudget): a diff git shows as binary was charged a run per 64 bytes of the file, and made every
// other protected file of its commit unknown too: one commit adding a 3 MB binary file (test vectors) to a
// protected path was charged ~140 GiB and refused at every layer (exit 3), though `git blame -w -C` of it
// takes 0.02 s. Now each such path is diffed apart as text (`--text`, as blame reads it) and charged its runs.
const ONLY_ANTHROPIC_IN_CRYPTO = 'policy:\n  paths:\n    - files: ["src/crypto/**"]\n      allow: ["anthropic/*"]\n';
const QWEN = 'Assisted-by: qwen-code:qwen/qwen3-coder';
const check = ['check', 'origin/main..HEAD', '--policy-from', 'refs/remotes/origin/main'];

/** A 2,000-line protected file git reads as binary (a NUL byte on its first line); `changed` lines rewritten. */
const nulFile = (changed: (n: number) => boolean, extra: Record<number, string> = {}) =>
  Array.from({ length: 2000 }, (_, n) => extra[n] ?? (n === 0 ? 'const header = "\0";' : changed(n) ? `export const value${n} = "changed";` : `export const value${n} = "as first written";`)).join('\n') + '\n';

describe('a protected file git shows as binary is charged its runs, as blame reads it (row 1113)', () => {
  it('an honest 3 MB binary file beside a text change passes; a binary file of scattered changes is still charged them; a Qwen line in it is still refused', () => {
    const { work } = policyServer(ONLY_ANTHROPIC_IN_CRYPTO);
    expect(commitWith(work, 'feat: table\n', { 'src/crypto/table.ts': 'export const a = 1;\n', 'src/crypto/k.ts': nulFile(() => false) }, { noVerify: true }).code).toBe(0);
    work.git(['push', '-q', 'origin', 'HEAD:main']);

    // row 1113: test vectors (3 MB of random bytes) added beside a one-line change of a text file.
    writeFileSync(join(work.dir, 'src/crypto/vectors.bin'), randomBytes(3_000_000));
    expect(commitWith(work, 'test: vectors\n', { 'src/crypto/table.ts': 'export const a = 2;\n' }, { noVerify: true }).code).toBe(0);
    const honest = aitrail(work.dir, check, { timeout: 120_000 });
    expect(honest.code, honest.stdout + honest.stderr).toBe(0);
    work.git(['push', '-q', '--no-verify', 'origin', 'HEAD:main']);

    // Every tenth line of the binary-read file changed: ~200 runs of an 80 KB file (~16 MB), past an 8 MiB budget.
    expect(commitWith(work, 'refactor: values\n', { 'src/crypto/k.ts': nulFile((n) => n % 10 === 5) }, { noVerify: true }).code).toBe(0);
    const scattered = aitrail(work.dir, check, { env: { AITRAIL_BLAME_BUDGET: '8' }, timeout: 120_000 });
    expect(scattered.code, scattered.stdout + scattered.stderr).toBe(3);
    expect(scattered.stderr).toContain('blaming them would search more than 8 MiB');
    expect(scattered.stderr).toContain("at 'src/crypto/k.ts' here");

    // Qwen writes one line of it; a person's commit keeps it: refused naming Qwen's commit.
    expect(commitWith(work, `feat: a constant\n\n${QWEN}\n`, { 'src/crypto/k.ts': nulFile((n) => n % 10 === 5, { 1500: 'export const leaked = "qwen wrote this";' }) }, { noVerify: true }).code).toBe(0);
    const qwen = work.git(['rev-parse', 'HEAD']);
    expect(commitWith(work, 'refactor: one more\n', { 'src/crypto/k.ts': nulFile((n) => n % 10 === 5 || n === 7, { 1500: 'export const leaked = "qwen wrote this";' }) }, { noVerify: true }).code).toBe(0);
    const refused = aitrail(work.dir, check, { timeout: 120_000 });
    expect(refused.code, refused.stdout + refused.stderr).toBe(1);
    expect(refused.stdout + refused.stderr).toContain(qwen.slice(0, 7));
  });
});

import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, policyServer } from '../helpers/enforce-repos.js';
import { blamesOf } from '../helpers/git-trace.js';

// Careless truth (task j of session 53): each commit of a range that changes a protected file had it
// blamed whole, back to the range's boundary: an honest push of 100 commits changing 20 lines in 10
// of 30 protected 36 KB files (1,000 blames, each walking back through every earlier change) cost
// `check` 153 s of CPU, 986 s at the gate. Now each start blames only the lines its commit adds
// (`-L`, placed as `git blame -w` places them); every other line of that state is one of its parent's,
// judged at the parent's start.
const ONLY_ANTHROPIC_IN_CRYPTO = 'policy:\n  paths:\n    - files: ["src/crypto/**"]\n      allow: ["anthropic/*"]\n';
const QWEN = 'Assisted-by: qwen-code:qwen/qwen3-coder';
const LINES = 300;

/** A 300-line protected file; the lines of `changed` carry revision `rev`. */
const fileOf = (rev: number, changed: ReadonlySet<number>, extra: Record<number, string> = {}) =>
  Array.from({ length: LINES }, (_, n) => extra[n] ?? (changed.has(n) ? `export const value${n} = "row ${n} of revision ${rev}";` : `export const value${n} = "row ${n} as first written";`)).join('\n') + '\n';

describe('a protected file is blamed at each start only for the lines its commit adds (s53j, row 1100)', () => {
  it('an honest range of small edits blames only the added lines, and commits that only remove lines not at all (row 1100); a line Qwen wrote and a later commit kept, or overwrote, is still refused naming its commit', () => {
    const { work } = policyServer(ONLY_ANTHROPIC_IN_CRYPTO);
    expect(commitWith(work, 'feat: table\n', { 'src/crypto/table.ts': fileOf(0, new Set()) }, { noVerify: true }).code).toBe(0);
    work.git(['push', '-q', 'origin', 'HEAD:main']);
    // Eight person commits, each changing two scattered lines and restoring the previous two.
    for (let rev = 1; rev <= 8; rev += 1) expect(commitWith(work, `refactor: revision ${rev}\n`, { 'src/crypto/table.ts': fileOf(rev, new Set([rev * 7, rev * 31])) }, { noVerify: true }).code).toBe(0);
    const honest = blamesOf(work.dir, ['check', 'origin/main..HEAD', '--policy-from', 'refs/remotes/origin/main']);
    expect(honest.code, honest.out).toBe(0);
    expect(honest.blames.length).toBe(8);
    // Each blame asks for the lines its commit wrote (two, or four with the two it restored), never the whole 300-line file.
    for (const blame of honest.blames) expect([2, 4], blame).toContain(blame.match(/ -L \d+,\d+/g)?.length);

    // row 1100: commits that only remove lines were blamed whole, each walking back
    // through every earlier change of the range (quadratic, charged as one step of the budget): now not blamed.
    const removed = (count: number) => fileOf(8, new Set([8 * 7, 8 * 31])).split('\n').slice(count).join('\n');
    expect(commitWith(work, 'refactor: drop a row\n', { 'src/crypto/table.ts': removed(1) }, { noVerify: true }).code).toBe(0);
    expect(commitWith(work, 'refactor: drop another row\n', { 'src/crypto/table.ts': removed(2) }, { noVerify: true }).code).toBe(0);
    expect(commitWith(work, 'style: indent a row\n', { 'src/crypto/table.ts': removed(2).replace('export const value100 ', '  export const value100 ') }, { noVerify: true }).code).toBe(0);
    const shrunk = blamesOf(work.dir, ['check', 'origin/main..HEAD', '--policy-from', 'refs/remotes/origin/main']);
    expect(shrunk.code, shrunk.out).toBe(0);
    // The two removals are not blamed; nor is the change of spaces alone (no line under `-w`, its path named by `--raw`: row 1112).
    expect(shrunk.blames.length).toBe(8);
    expect(shrunk.blames.filter((blame) => !/ -L \d+,\d+/.test(blame))).toEqual([]);
    expect(commitWith(work, 'revert: the rows back\n', { 'src/crypto/table.ts': fileOf(8, new Set([8 * 7, 8 * 31])) }, { noVerify: true }).code).toBe(0);

    // Qwen's commit writes one line; a person's next commit keeps it, the one after overwrites it.
    const kept = fileOf(8, new Set([8 * 7, 8 * 31]), { 150: 'export const leaked = "qwen wrote this";' });
    expect(commitWith(work, `feat: a constant\n\n${QWEN}\n`, { 'src/crypto/table.ts': kept }, { noVerify: true }).code).toBe(0);
    const qwen = work.git(['rev-parse', 'HEAD']);
    expect(commitWith(work, 'refactor: revision 9\n', { 'src/crypto/table.ts': fileOf(9, new Set([9 * 7]), { 150: 'export const leaked = "qwen wrote this";' }) }, { noVerify: true }).code).toBe(0);
    const keptTip = aitrail(work.dir, ['check', 'origin/main..HEAD', '--policy-from', 'refs/remotes/origin/main'], { timeout: 120_000 });
    expect(keptTip.code, keptTip.stdout + keptTip.stderr).toBe(1);
    expect(keptTip.stdout + keptTip.stderr).toContain(qwen.slice(0, 7));
    expect(commitWith(work, 'refactor: revision 10\n', { 'src/crypto/table.ts': fileOf(10, new Set([10 * 7])) }, { noVerify: true }).code).toBe(0);
    const overwritten = aitrail(work.dir, ['check', 'origin/main..HEAD', '--policy-from', 'refs/remotes/origin/main'], { timeout: 120_000 });
    expect(overwritten.code, overwritten.stdout + overwritten.stderr).toBe(1);
    expect(overwritten.stdout + overwritten.stderr).toContain(qwen.slice(0, 7));
  });
});

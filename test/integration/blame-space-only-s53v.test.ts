import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitWith, policyServer } from '../helpers/enforce-repos.js';
import { blamesOf } from '../helpers/git-trace.js';

// Row 1112 (a denial of the gate under rows 1092/1100, hostile insider; found by task v of session 53
// re-reading row 1100): a commit changing only spaces of a protected file (`git diff -w` shows it nothing,
// not even a header) or only its mode (a header, no `+++`) was blamed whole, back through every change of the
// push, each charged as one step of the blame budget: the quadratic walk row 1100 closed for removals.
// Now `--raw` names each changed path: such a commit adds no line as `git blame -w` places them, no blame.
const ONLY_ANTHROPIC_IN_CRYPTO = 'policy:\n  paths:\n    - files: ["src/crypto/**"]\n      allow: ["anthropic/*"]\n';
const QWEN = 'Assisted-by: qwen-code:qwen/qwen3-coder';
const LINES = 200;

const fileOf = (extra: Record<number, string> = {}) => Array.from({ length: LINES }, (_, n) => extra[n] ?? `export const value${n} = ${n};`).join('\n') + '\n';

describe('a commit changing only spaces or the mode of a protected file is not blamed whole (row 1112)', () => {
  it('spaces-only and mode-only commits start no whole-file blame; a Qwen line they re-indent is still refused naming its commit', () => {
    const { work } = policyServer(ONLY_ANTHROPIC_IN_CRYPTO);
    const path = 'src/crypto/table.ts';
    expect(commitWith(work, 'feat: table\n', { [path]: fileOf() }, { noVerify: true }).code).toBe(0);
    work.git(['push', '-q', 'origin', 'HEAD:main']);
    expect(commitWith(work, 'refactor: one row\n', { [path]: fileOf({ 10: 'export const value10 = 11;' }) }, { noVerify: true }).code).toBe(0);
    // row 1112: spaces alone (twice), then the mode alone.
    expect(commitWith(work, 'style: indent\n', { [path]: fileOf({ 10: 'export const value10 = 11;', 20: '  export const value20 = 20;' }) }, { noVerify: true }).code).toBe(0);
    expect(commitWith(work, 'style: trailing space\n', { [path]: fileOf({ 10: 'export const value10 = 11; ', 20: '  export const value20 = 20;' }) }, { noVerify: true }).code).toBe(0);
    chmodSync(join(work.dir, path), 0o755);
    expect(commitWith(work, 'chore: mode\n', {}, { noVerify: true }).code).toBe(0);
    const honest = blamesOf(work.dir, ['check', 'origin/main..HEAD', '--policy-from', 'refs/remotes/origin/main']);
    expect(honest.code, honest.out).toBe(0);
    // One blame, of the one line the first commit wrote; none whole.
    expect(honest.blames.length, honest.blames.join('\n')).toBe(1);
    expect(honest.blames[0]).toMatch(/ -L 11,11 /);

    // Qwen writes a line; a person re-indents it (spaces alone) and changes the mode: Qwen's line is still its own.
    const qwenLine = 'export const leaked = "qwen wrote this";';
    const base = { 10: 'export const value10 = 11; ', 20: '  export const value20 = 20;' };
    expect(commitWith(work, `feat: a constant\n\n${QWEN}\n`, { [path]: fileOf({ ...base, 150: qwenLine }) }, { noVerify: true }).code).toBe(0);
    const qwen = work.git(['rev-parse', 'HEAD']);
    expect(commitWith(work, 'style: indent the constant\n', { [path]: fileOf({ ...base, 150: `    ${qwenLine}` }) }, { noVerify: true }).code).toBe(0);
    chmodSync(join(work.dir, path), 0o644);
    expect(commitWith(work, 'chore: mode back\n', {}, { noVerify: true }).code).toBe(0);
    const refused = blamesOf(work.dir, ['check', 'origin/main..HEAD', '--policy-from', 'refs/remotes/origin/main']);
    expect(refused.code, refused.out).toBe(1);
    expect(refused.out).toContain(qwen.slice(0, 7));
    expect(refused.blames.filter((blame) => !/ -L \d+,\d+/.test(blame))).toEqual([]);
  });
});

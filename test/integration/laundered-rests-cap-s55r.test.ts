// Session 55 helper r (row 1194): row 1169's search for the rest of a refused commit Q (its other files, held by
// commits the refs hold since Q) ran for the first 16 refused commits a range held part of (RESTS_CAP) and skipped the
// others silently: a range holding one file of 16 other reverted Qwen commits (each passing alone) beside the last part
// of Q, whose rest an earlier push brought, passed `check` and pre-receive under the deny. Found reviewing the caps of
// launderedTwins as merged. Now past the cap a commit holding part of a refused commit is refused as its twin, the message
// saying it was not asked and to push a few at a time: the cap refuses, never passes.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, policyServer, tryGit } from '../helpers/enforce-repos.js';
import { expectLaunderRefused } from '../helpers/laundered-twins.js';

const body = (name: string) => `export const ${name} = ${JSON.stringify(`${name} value`)};\n`;

describe('parts of more refused commits than RESTS_CAP in one range (row 1194)', () => {
  it('the part completing Q past the cap is refused, not passed', () => {
    const server = policyServer('policy:\n  deny: ["anthropic/*"]\n');
    const { work } = server;
    const qwen = 'Assisted-by: qwen-code:qwen/qwen3-coder\n';
    // Q first (oldest: the walk lists it after the 16 others), then 16 other two-file Qwen commits, all reverted.
    expect(commitWith(work, `feat: q\n\n${qwen}`, { 'q/a.ts': body('qa'), 'q/b.ts': body('qb') }, { noVerify: true }).code).toBe(0);
    const q = work.git(['rev-parse', 'HEAD']);
    for (let at = 0; at < 16; at += 1) expect(commitWith(work, `feat: d${at}\n\n${qwen}`, { [`d/${at}a.ts`]: body(`d${at}a`), [`d/${at}b.ts`]: body(`d${at}b`) }, { noVerify: true }).code).toBe(0);
    work.git(['rm', '-q', '-r', 'q', 'd']);
    work.git(['commit', '-q', '--no-verify', '-m', 'revert them all']);
    expect(commitWith(work, 'chore: deny qwen\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' }, { noVerify: true }).code).toBe(0);
    // Q's first file again, alone: passes (nothing completes Q yet).
    expect(commitWith(work, 'feat: qb\n', { 'q/b.ts': body('qb') }, { noVerify: true }).code).toBe(0);
    const first = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']);
    expect(first.code, first.stderr).toBe(0);
    // One file of each of the 16 others (each passes alone), then Q's other file.
    const files: Record<string, string> = {};
    for (let at = 0; at < 16; at += 1) files[`d/${at}a.ts`] = body(`d${at}a`);
    expect(commitWith(work, 'feat: many\n', files, { noVerify: true }).code).toBe(0);
    expect(commitWith(work, 'feat: qa\n', { 'q/a.ts': body('qa') }, { noVerify: true }).code).toBe(0);
    expectLaunderRefused({ ...server, qwen: q });
    const check = aitrail(work.dir, ['check', 'origin/main..HEAD'], { timeout: 120_000 });
    expect(check.stdout).toContain(`part of the same change (git patch-id) as ${q.slice(0, 12)}`);
    expect(check.stdout).toContain('was not asked');
  });
});

import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { policyServer, tryGit } from '../helpers/enforce-repos.js';

// row 1037: commits each within the 16 MiB a commit may hold (row 943), many of them in one push:
// a few MB of pack that pre-receive read for minutes.
describe('the large commits of one judged range have a cap together (row 1037)', () => {
  it('five commits of 14 MiB messages are refused unread by check and pre-receive with one line; four pass', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    const parent = work.git(['rev-parse', 'HEAD']);
    const stream: Buffer[] = [];
    for (let n = 0; n < 5; n += 1) {
      const message = Buffer.from(`feat: m${n}\n\n${'word '.repeat((14 * 1024 * 1024) / 5)}\n`);
      const file = Buffer.from(`export const m${n} = ${n};\n`);
      stream.push(Buffer.from(`commit refs/heads/big\ncommitter Pat <pat@example.com> ${1_700_000_000 + n} +0000\ndata ${message.length}\n`), message);
      if (n === 0) stream.push(Buffer.from(`from ${parent}\n`));
      stream.push(Buffer.from(`M 100644 inline m${n}.ts\ndata ${file.length}\n`), file, Buffer.from('\n'));
    }
    const imported = tryGit(work.dir, ['fast-import', '--quiet'], { input: Buffer.concat(stream) });
    expect(imported.code, imported.stderr).toBe(0);
    const check = aitrail(work.dir, ['check', 'origin/main..big'], { timeout: 120_000 });
    expect(check.code, check.stdout + check.stderr).toBe(3);
    const said = check.stdout + check.stderr;
    expect(said).toMatch(/its commits of more than 64 KiB hold 73,40\d,\d{3} bytes together, more than the 67,108,864 read in one judgement/);
    expect(said).not.toContain('    at ');
    const pushed = tryGit(work.dir, ['push', '--no-verify', 'origin', 'big']);
    expect(pushed.code, pushed.stderr).not.toBe(0);
    expect(pushed.stderr).toContain('read in one judgement');
    expect(tryGit(remote.dir, ['rev-parse', '--verify', '--quiet', 'refs/heads/big']).code).not.toBe(0);
    // Four of them (56 MiB): judged as before.
    const four = aitrail(work.dir, ['check', 'origin/main..big~1'], { timeout: 120_000 });
    expect(four.code, four.stdout + four.stderr).toBe(0);
  });
});

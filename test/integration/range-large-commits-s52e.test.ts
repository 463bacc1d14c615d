import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { policyServer, tryGit } from '../helpers/enforce-repos.js';
import { bigMessageCommits as bigCommits, SCALED, SCALED_ENV, SIZE_DIVISOR } from '../helpers/size-caps.js';

// row 1037: commits each within the 16 MiB a commit may hold (row 943), many of them in one push:
// a few MB of pack that pre-receive read for minutes.
describe('the large commits of one judged range have a cap together (row 1037)', () => {
  // Row 1073: the layers replayed with the caps divided by 256 (5 commits of 56 KiB past 256 KiB), not 70 MiB of commits.
  it('five commits of 14 MiB / 256 messages are refused unread by check and pre-receive with one line; four pass (the caps lowered, row 1073)', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    const imported = tryGit(work.dir, ['fast-import', '--quiet'], { input: bigCommits(work.git(['rev-parse', 'HEAD']), 5, (14 * 1024 * 1024) / SIZE_DIVISOR) });
    expect(imported.code, imported.stderr).toBe(0);
    const check = aitrail(work.dir, ['check', 'origin/main..big'], { env: SCALED_ENV });
    expect(check.code, check.stdout + check.stderr).toBe(3);
    const said = check.stdout + check.stderr;
    expect(said).toMatch(new RegExp(`its commits of more than ${SCALED.large} bytes hold 28\\d,\\d{3} bytes together, more than the ${SCALED.range.toLocaleString('en-US')} read in one judgement`));
    expect(said).not.toContain('    at ');
    const pushed = tryGit(work.dir, ['push', '--no-verify', 'origin', 'big'], { env: SCALED_ENV });
    expect(pushed.code, pushed.stderr).not.toBe(0);
    expect(pushed.stderr).toContain('read in one judgement');
    expect(tryGit(remote.dir, ['rev-parse', '--verify', '--quiet', 'refs/heads/big']).code).not.toBe(0);
    // Four of them (224 KiB): judged as before.
    const four = aitrail(work.dir, ['check', 'origin/main..big~1'], { env: SCALED_ENV });
    expect(four.code, four.stdout + four.stderr).toBe(0);
    // Without the divisor all five are judged (the caps are the defaults).
    const all = aitrail(work.dir, ['check', 'origin/main..big']);
    expect(all.code, all.stdout + all.stderr).toBe(0);
  });

  // The real defaults, kept at their size (row 1073): 64 KiB a large commit, 64 MiB of them in a range, at check.
  it('at the real defaults: five commits of 14 MiB messages are refused unread by check with one line', () => {
    const { work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    const imported = tryGit(work.dir, ['fast-import', '--quiet'], { input: bigCommits(work.git(['rev-parse', 'HEAD']), 5, 14 * 1024 * 1024) });
    expect(imported.code, imported.stderr).toBe(0);
    const check = aitrail(work.dir, ['check', 'origin/main..big'], { timeout: 120_000 });
    expect(check.code, check.stdout + check.stderr).toBe(3);
    const said = check.stdout + check.stderr;
    expect(said).toMatch(/its commits of more than 64 KiB hold 73,40\d,\d{3} bytes together, more than the 67,108,864 read in one judgement/);
    expect(said).not.toContain('    at ');
  });
});

// Session 54 helper n (row 1145): reviewing row 1132's bound on `log`'s merge-footer walks (10,000 merged commits
// beyond those listed, lowered by AITRAIL_SIZE_CAPS_DIVISOR). The bound grew with the commits `log` had listed so far, so
// an honest history reached it: long-lived branches whose commits are older than the footer merges bringing them in
// (each commit merged once) are read by those merges before `log` lists them. Replayed with the built CLI (3 branches of
// 4,000 commits each, merged with a `🤖 Generated with [Claude Code]` footer): `log` counted the oldest merge as AI of an
// unknown model with a warning, where `log <that merge>` and `log` before row 1132 credited the merged commits: the
// same merge credited differently by the order of the run. Now, once reached, the bound is raised to 10,000 beyond the
// whole range's count (one `git rev-list --count`): `log` credits every such merge; a history re-reading commits
// merge after merge (row 1132's) is still cut.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';
import { footerMergedBranches } from '../helpers/fast-import-history.js';
import { SCALED_ENV, type LogJsonEntry as Entry } from '../helpers/size-caps.js';

describe("log's merge-footer bound does not depend on what the run listed before (row 1145)", () => {
  it('each branch merged once, older than its merge: `log` credits every merge\'s commits, as `log <merge>` does', () => {
    const repo = makeRepo();
    // Under the divisor of 256: 39 merged commits beyond the ones listed; 3 merges of 16 read 48 before 4 are listed
    // (the range holds 52).
    repo.git(['fast-import', '--quiet'], { input: footerMergedBranches(3, 16) });
    repo.git(['reset', '-q', '--hard', 'refs/heads/main']);
    const oldest = repo.git(['rev-parse', 'HEAD~2']);
    const all = aitrail(repo.dir, ['log', '--format', 'json'], { env: SCALED_ENV });
    expect(all.code, all.stderr).toBe(0);
    const merges = (JSON.parse(all.stdout) as Entry[]).filter((entry) => entry.subject.startsWith('Merge branch'));
    expect(merges.map((entry) => entry.ai)).toEqual([false, false, false]);
    expect(merges[2]!.sha).toBe(oldest);
    expect(merges.every((entry) => entry.warnings === undefined)).toBe(true);
    expect(all.stderr).not.toContain('agent footer was not checked');
    // The same merge asked alone: its walk is the run's first, its 16 commits are read and credited.
    const alone = aitrail(repo.dir, ['log', oldest, '-n', '1', '--format', 'json'], { env: SCALED_ENV });
    expect(alone.code, alone.stderr).toBe(0);
    const [entry] = JSON.parse(alone.stdout) as Entry[];
    expect(entry!.sha).toBe(oldest);
    expect(entry!.ai).toBe(false);
    expect(entry!.warnings).toBeUndefined();
  });
});

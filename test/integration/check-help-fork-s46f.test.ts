// `check --help` said the default range is the commits not on origin/HEAD, judged by one policy:
// a branch of a contributor's fork (HEAD's upstream remote not origin, the two default branches
// apart) is judged by both default branches' policies (check-range.ts, remoteDefaultBranch), and a
// contributor refused by the other one's could not learn why, nor that gh's mark or --policy-from
// names one policy.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

describe('check --help', () => {
  it("says a fork's branch is judged by both default branches' policies, and what names one", () => {
    const repo = makeRepo();
    const run = aitrail(repo.dir, ['check', '--help']);
    expect(run.code, run.stderr).toBe(0);
    const text = run.stdout.replace(/\s+/g, ' ');
    expect(text).toContain("when HEAD's upstream remote is not origin");
    expect(text).toContain("judged by both default branches' policies");
    expect(text).toContain('remote.<name>.gh-resolved=base');
    expect(text).toContain('--policy-from names one policy');
  });
});

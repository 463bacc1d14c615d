import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { committed, linkAt, linkedBeforeTheRule, policyServer, QWEN_KEY, tryGit } from '../helpers/enforce-repos.js';
import type { TestRepo } from '../helpers/gitdir.js';

// Session 38 review of row 500: a link on the way of a starting link that the range retargets
// more than once. The range's links were laid over the starting tree's one path each, the last of
// `git log`'s order winning: the OLDEST version (git log lists children first), so the way the
// pushed tip shows was never read. Qwen writes vendor/q.ts, points lib/a.ts at a decoy, then at
// vendor/q.ts: src/crypto/k.ts (-> ../../lib/a.ts) shows Qwen's file at the tip; check and
// pre-receive passed it.

const QWEN_DECLARED = 'Assisted-by: qwen-code:qwen/qwen3-coder';
const OPEN_POLICY = 'policy:\n  deny: []\n';

function retarget(work: TestRepo, text: string, at: string, subject: string): void {
  linkAt(work.dir, text, at);
  work.git(['add', '-A']);
  work.git(['commit', '-q', '--no-verify', '-m', subject]);
}

describe('a link on the way retargeted more than once in the range (row 500)', () => {
  it('the way the tip shows is read: refused by check and pre-receive (both passed it)', () => {
    const { work, remote } = policyServer(OPEN_POLICY);
    linkedBeforeTheRule(work, (dir) => {
      linkAt(dir, '../vendor/b.ts', 'lib/a.ts');
      linkAt(dir, '../../lib/a.ts', 'src/crypto/k.ts');
    });
    work.git(['checkout', '-q', '-b', 'qwen', 'main']);
    const qwen = committed(work, `feat: vendor q\n\n${QWEN_DECLARED}\n`, { 'vendor/q.ts': QWEN_KEY });
    retarget(work, '../vendor/decoy.ts', 'lib/a.ts', 'chore: a from decoy');
    retarget(work, '../vendor/q.ts', 'lib/a.ts', 'chore: a from q');
    const check = aitrail(work.dir, ['check', 'origin/main..qwen', '--format', 'json'], { timeout: 60_000 });
    expect(check.code, check.stdout + check.stderr).toBe(1);
    const found = (JSON.parse(check.stdout) as { violations: Array<{ sha: string; rule: string; paths: string[] }> }).violations.filter((violation) => violation.rule !== 'undeclared');
    expect(found).toMatchObject([{ sha: qwen, rule: 'path-model-denied', paths: ['src/crypto/k.ts'] }]);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'qwen']);
    expect(push.code, push.stderr).not.toBe(0);
    expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).not.toContain('refs/heads/qwen');
  });

  it('a person retargeting twice, no AI commit: passes', () => {
    const { work } = policyServer(OPEN_POLICY);
    linkedBeforeTheRule(work, (dir) => {
      linkAt(dir, '../vendor/b.ts', 'lib/a.ts');
      linkAt(dir, '../../lib/a.ts', 'src/crypto/k.ts');
    });
    work.git(['checkout', '-q', '-b', 'person', 'main']);
    committed(work, 'feat: vendor q\n', { 'vendor/q.ts': 'export const q = 1;\n' });
    retarget(work, '../vendor/decoy.ts', 'lib/a.ts', 'chore: a from decoy');
    retarget(work, '../vendor/q.ts', 'lib/a.ts', 'chore: a from q');
    const check = aitrail(work.dir, ['check', 'origin/main..person'], { timeout: 60_000 });
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });
});

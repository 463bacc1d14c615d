import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { committed, dirLink, fileLink, linkedBeforeTheRule, policyServer, QWEN_KEY, tryGit } from '../helpers/enforce-repos.js';
import type { TestRepo } from '../helpers/gitdir.js';

// Session 37 (red team, row 456's limit): a link made before the path rule shows lib/key.ts at
// src/crypto/key.ts (or lib/ at src/crypto); Qwen writes other/util.ts (allowed: no link shows
// it), pushed, and a person's commit moves it onto the link's target (`git mv -f other/util.ts
// lib/key.ts`). Row 456 judged each commit by its own paths only: check and pre-receive passed
// while a checkout showed Qwen's lines at the protected path.

const QWEN_DECLARED = 'Assisted-by: qwen-code:qwen/qwen3-coder';

/** On `work`'s main: the link `link` makes, then the path rule, pushed (linkedBeforeTheRule); Qwen's other/util.ts on branch `moved`, pushed as `qwen`. */
function qwenBesideALink(work: TestRepo, link: (dir: string) => void): string {
  linkedBeforeTheRule(work, link);
  work.git(['checkout', '-q', '-b', 'moved', 'main']);
  const qwen = committed(work, `feat: util\n\n${QWEN_DECLARED}\n`, { 'other/util.ts': QWEN_KEY });
  // Qwen's commit alone is allowed where it is.
  const alone = tryGit(work.dir, ['push', '--no-verify', 'origin', 'moved:qwen']);
  expect(alone.code, alone.stderr).toBe(0);
  return qwen;
}

describe('path rules: Qwen\'s lines moved by a person onto a file a link shows at a protected path', () => {
  it.each([
    ['git mv -f other/util.ts lib/key.ts, behind src/crypto/key.ts -> ../../lib/key.ts', fileLink, 'lib/key.ts'],
    ['git mv other/util.ts lib/util.ts, behind src/crypto -> ../lib', dirLink, 'lib/util.ts'],
  ])('is refused by check and pre-receive (both passed it): %s', (_name, link, onto) => {
    const { work, remote } = policyServer('policy:\n  deny: []\n');
    const qwen = qwenBesideALink(work, link);
    work.git(['mv', '-f', 'other/util.ts', onto]);
    work.git(['commit', '-q', '--no-verify', '-m', 'refactor: util is the key']);
    const check = aitrail(work.dir, ['check', 'origin/main..moved', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    const { violations } = JSON.parse(check.stdout) as { violations: Array<{ sha: string; rule: string; paths: string[] }> };
    expect(violations).toMatchObject([{ sha: qwen, rule: 'path-model-denied', paths: [onto] }]);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'moved']);
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain(`error   ${qwen.slice(0, 12)} `);
    expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).not.toContain('refs/heads/moved');
  });

  it('a person writing the target by hand, or moving Qwen\'s lines where no link shows them, passes', () => {
    const { work } = policyServer('policy:\n  deny: []\n');
    qwenBesideALink(work, fileLink);
    work.git(['mv', 'other/util.ts', 'lib/util.ts']);
    work.git(['commit', '-q', '--no-verify', '-m', 'refactor: util in lib']);
    committed(work, 'feat: rounds\n', { 'lib/key.ts': 'export const rounds = 600000;\n' });
    const check = aitrail(work.dir, ['check', 'origin/main..moved']);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'moved']).code).toBe(0);
  });
});

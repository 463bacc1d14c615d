import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { committed, dirLink, fileLink, linkedBeforeTheRule, policyServer, project, QWEN_KEY, tryGit } from '../helpers/enforce-repos.js';

// Session 36 (red team, the insider with a denied model; row 21's limit): a symbolic link at a
// protected path made before the path rule existed (`src/crypto/key.ts -> ../../lib/key.ts`, or
// `src/crypto -> ../lib`), then Qwen writes the link's target, allowed where it is: a checkout
// shows Qwen's code at the protected path, and check, pre-push and pre-receive passed it.

const QWEN_DECLARED = 'Assisted-by: qwen-code:qwen/qwen3-coder';
const OPEN_POLICY = 'policy:\n  deny: []\n';

describe('path rules: a link already at a protected path when Qwen writes its target', () => {
  it.each([
    ['a file link src/crypto/key.ts -> ../../lib/key.ts, Qwen writing lib/key.ts', fileLink, 'lib/key.ts', 'src/crypto/key.ts'],
    ['a directory link src/crypto -> ../lib, Qwen writing lib/other.ts', dirLink, 'lib/other.ts', 'src/crypto/other.ts'],
  ])('is refused by check and pre-receive (both passed it): %s', (_name, link, written, shown) => {
    const { work, remote } = policyServer(OPEN_POLICY);
    linkedBeforeTheRule(work, link);
    work.git(['checkout', '-q', '-b', 'key', 'main']);
    const qwen = committed(work, `feat: key derivation\n\n${QWEN_DECLARED}\n`, { [written]: QWEN_KEY });
    const check = aitrail(work.dir, ['check', 'origin/main..key', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    const [found] = (JSON.parse(check.stdout) as { violations: Array<{ sha: string; rule: string; paths: string[]; message: string }> }).violations;
    expect(found).toMatchObject({ sha: qwen, rule: 'path-model-denied', paths: [shown] });
    expect(found?.message).toContain(`It changed '${written}', which the symbolic link`);
    const push = tryGit(work.dir, ['push', 'origin', 'key']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain(`error   ${qwen.slice(0, 12)} `);
    expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).not.toContain('refs/heads/key');
  });

  it('pre-push refuses it too', () => {
    const { work } = project(OPEN_POLICY, { hooks: ['pre-push'] });
    linkedBeforeTheRule(work, fileLink);
    work.git(['checkout', '-q', '-b', 'key', 'main']);
    committed(work, `feat: key derivation\n\n${QWEN_DECLARED}\n`, { 'lib/key.ts': QWEN_KEY });
    const push = tryGit(work.dir, ['push', 'origin', 'key']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain('symbolic link');
  });

  it('Qwen writing a file no link shows at a protected path, or a person writing the target, passes', () => {
    const { work } = policyServer(OPEN_POLICY);
    linkedBeforeTheRule(work, fileLink);
    work.git(['checkout', '-q', '-b', 'other', 'main']);
    committed(work, `feat: other\n\n${QWEN_DECLARED}\n`, { 'lib/other.ts': QWEN_KEY });
    committed(work, 'feat: key derivation by hand\n', { 'lib/key.ts': 'export const rounds = 600000;\n' });
    const check = aitrail(work.dir, ['check', 'origin/main..other']);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(tryGit(work.dir, ['push', 'origin', 'other']).code).toBe(0);
  });
});

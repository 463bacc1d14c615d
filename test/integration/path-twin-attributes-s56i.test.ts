// Session 56 helper i (row s56i-3): the path-rule twin search's `git log -p` (pathPatches) read the work tree's
// `.gitattributes`, as row s56c-5 found of the whole-history one: a person's `.gitattributes` saying `lib/key.ts -diff`,
// then Qwen's accepted lib/key.ts typed again with a blank line more and moved into src/crypto (`deny: ["qwen/*"]`
// there): both sides were `GIT binary patch`es of their own bytes, other ids, and `check` (CI, a checkout) passed it.
// Found reviewing helper c's change, replayed with a real repository, the built CLI's `check` and a real bare server
// with pre-receive. Now the path search runs where no attributes of the content apply (attributesFree, row 1016).
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { committed, CRYPTO_PATH_POLICY, policyServer, QWEN_KEY, tryGit } from '../helpers/enforce-repos.js';

const QWEN_DECLARED = 'Assisted-by: qwen-code:qwen/qwen3-coder';
const later = (hours: number): NodeJS.ProcessEnv => {
  const at = `@${Math.floor(Date.now() / 1000) + hours * 3600} +0000`;
  return { GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at };
};

describe("Qwen's accepted file re-spaced behind a `-diff` attribute, moved under a path rule denying Qwen (row s56i-3)", () => {
  it("is refused by check and pre-receive naming Qwen's commit", () => {
    const { work, remote } = policyServer(CRYPTO_PATH_POLICY);
    const base = work.git(['rev-parse', 'HEAD']);
    const qwen = committed(work, `feat: key derivation\n\n${QWEN_DECLARED}\n`, { 'lib/key.ts': QWEN_KEY });
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'main']).code).toBe(0);
    work.git(['fetch', '-q', 'origin']);
    work.git(['checkout', '-q', '-b', 'launder', base]);
    work.write('.gitattributes', 'lib/key.ts -diff\nsrc/crypto/key.ts -diff\n');
    work.git(['add', '-A']);
    work.git(['commit', '-q', '--no-verify', '-m', 'chore: attributes'], { env: later(1) });
    work.write('lib/key.ts', QWEN_KEY.replace('\n', '\n\n'));
    work.git(['add', '-A']);
    work.git(['commit', '-q', '--no-verify', '-m', 'feat: key derivation'], { env: later(2) });
    work.write('src/crypto/.keep', '');
    work.git(['mv', 'lib/key.ts', 'src/crypto/key.ts']);
    work.git(['add', '-A']);
    work.git(['commit', '-q', '--no-verify', '-m', 'refactor: key derivation is crypto'], { env: later(3) });
    const check = aitrail(work.dir, ['check', 'origin/main..launder'], { timeout: 120_000 });
    expect(check.code, check.stdout + check.stderr).toBe(1);
    expect(check.stdout).toContain(qwen.slice(0, 12));
    const push = tryGit(work.dir, ['push', 'origin', 'launder']);
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain(qwen.slice(0, 12));
    expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).not.toContain('refs/heads/launder');
  });
});

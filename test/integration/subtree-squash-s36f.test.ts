import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { committed, CRYPTO_PATH_POLICY, policyServer, QWEN_KEY, tryGit } from '../helpers/enforce-repos.js';
import { TEST_GIT_ENV, type TestRepo } from '../helpers/gitdir.js';

// Session 36 (red team, the insider with a denied model; row 319's limit): Qwen's code on a branch
// of its own (key.ts at its top: allowed, not under src/crypto), taken into src/crypto by a person's
// `git subtree add --prefix=src/crypto <branch> --squash`: the squash commit copies Qwen's tree
// as the person's own, so git blame gave every line to the person and check and pre-receive passed.

const QWEN_DECLARED = 'Assisted-by: qwen-code:qwen/qwen3-coder';
const hasSubtree = spawnSync('git', ['subtree', '-h'], { env: TEST_GIT_ENV, encoding: 'utf8' }).stdout.includes('git subtree add');

/** An orphan branch `name` holding only `key.ts` (`content`), by a commit of `message`: its sha. */
function upstream(work: TestRepo, name: string, message: string, content: string): string {
  work.git(['checkout', '-q', '--orphan', name]);
  work.git(['rm', '-rq', '--cached', '.']);
  work.git(['clean', '-fdq']);
  const sha = committed(work, message, { 'key.ts': content });
  work.git(['checkout', '-q', '-f', 'main']);
  return sha;
}

/** What `git subtree add --squash --prefix=src/crypto <split>` makes, by plumbing: the squash commit, then the subtree merge on `branch`. */
function squashInto(work: TestRepo, branch: string, split: string): string {
  const message = `Squashed 'src/crypto/' content from commit ${split.slice(0, 7)}\n\ngit-subtree-dir: src/crypto\ngit-subtree-split: ${split}\n`;
  const squash = tryGit(work.dir, ['commit-tree', `${split}^{tree}`], { input: message }).stdout.trim();
  work.git(['checkout', '-q', '-b', branch, 'main']);
  work.git(['merge', '-q', '-s', 'ours', '--allow-unrelated-histories', '--no-commit', squash]);
  work.git(['read-tree', '--prefix=src/crypto/', '-u', squash]);
  const made = tryGit(work.dir, ['commit', '-q', '--no-verify', '-m', `Merge commit '${squash}' as 'src/crypto'`]);
  if (made.code !== 0) throw new Error(made.stderr);
  return squash;
}

describe('path rules: a git subtree --squash of a denied model’s branch into a protected directory', () => {
  it('is refused by check and pre-receive, naming Qwen’s commit (both passed the squash as the person’s)', () => {
    const { work, remote } = policyServer(CRYPTO_PATH_POLICY);
    const qwen = upstream(work, 'qwen', `feat: key derivation\n\n${QWEN_DECLARED}\n`, QWEN_KEY);
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'qwen']).code).toBe(0);
    squashInto(work, 'vendor-crypto', qwen);
    const check = aitrail(work.dir, ['check', 'main..vendor-crypto']);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    expect(check.stdout).toContain(qwen.slice(0, 12));
    expect(check.stdout).toContain('now sit in src/crypto/key.ts');
    const push = tryGit(work.dir, ['push', 'origin', 'vendor-crypto']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain(`error   ${qwen.slice(0, 12)} `);
    expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).not.toContain('refs/heads/vendor-crypto');
  });

  it.skipIf(!hasSubtree)('git subtree’s own add --squash, and a later pull --squash of Qwen’s commit, are refused by pre-receive', () => {
    const { work } = policyServer(CRYPTO_PATH_POLICY);
    upstream(work, 'upstream', 'chore: start the crypto module\n', 'export const placeholder = "written by a person, long enough to be a line";\n');
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'upstream']).code).toBe(0);
    expect(tryGit(work.dir, ['subtree', 'add', '-q', '--prefix=src/crypto', 'upstream', '--squash']).code).toBe(0);
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'main']).code, 'a person’s upstream squashed in passes').toBe(0);
    work.git(['checkout', '-q', 'upstream']);
    const qwen = committed(work, `feat: key derivation\n\n${QWEN_DECLARED}\n`, { 'key.ts': QWEN_KEY });
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'upstream']).code).toBe(0);
    work.git(['checkout', '-q', 'main']);
    const pull = tryGit(work.dir, ['subtree', 'pull', '-q', '--prefix=src/crypto', 'origin', 'upstream', '--squash', '-m', 'chore: update crypto']);
    expect(pull.code, pull.stderr).toBe(0);
    const push = tryGit(work.dir, ['push', 'origin', 'main']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain(`error   ${qwen.slice(0, 12)} `);
  });

  it('a person’s upstream squashed in passes, and so does a squash naming a commit this repository lacks', () => {
    const { work } = policyServer(CRYPTO_PATH_POLICY);
    const own = upstream(work, 'own', 'feat: key derivation by hand\n', QWEN_KEY);
    squashInto(work, 'vendor-own', own);
    const check = aitrail(work.dir, ['check', 'main..vendor-own']);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(tryGit(work.dir, ['push', 'origin', 'vendor-own']).code).toBe(0);
    const message = `Squashed 'src/crypto/' content from commit 0123456\n\ngit-subtree-dir: src/crypto\ngit-subtree-split: ${'0123456789abcdef'.repeat(2)}01234567\n`;
    work.git(['checkout', '-q', '-b', 'vendor-unknown', 'main']);
    committed(work, message, { 'src/crypto/aes.ts': 'export const rounds = 14;\n' });
    expect(tryGit(work.dir, ['push', 'origin', 'vendor-unknown']).code).toBe(0);
  });
});

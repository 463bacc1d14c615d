// Red team, fourth pass: an insider with a denied model against real bare servers running the
// pre-receive hook (real pushes with --no-verify) and against `aitrail check`.
// Every test here failed before its fix.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { policyServer, tryGit } from '../helpers/enforce-repos.js';
import type { TestRepo } from '../helpers/gitdir.js';

const QWEN_TRAILER = 'Assisted-by: qwen-code:qwen/qwen3-coder';
/** Qwen may write anywhere but under src/crypto. */
const CRYPTO_POLICY = `policy:
  paths:
    - files: ["src/crypto/**"]
      deny: ["qwen/*"]
`;

const branches = (repo: TestRepo): string => repo.git(['for-each-ref', '--format=%(refname)', 'refs/heads/']);

/** A human commit on the current branch that makes `path` a submodule (a gitlink) at `commit`, from `url`. */
function submodule(repo: TestRepo, path: string, commit: string, url: string): string {
  repo.git(['update-index', '--add', '--cacheinfo', `160000,${commit},${path}`]);
  repo.write('.gitmodules', `[submodule "${path}"]\n\tpath = ${path}\n\turl = ${url}\n`);
  repo.git(['add', '.gitmodules']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'build: vendor the aes implementation']);
  return repo.git(['rev-parse', 'HEAD']);
}

describe('a submodule at a protected path', () => {
  it('a human commit making src/crypto/impl a gitlink to Qwen-written code (here the same server, on its own branch) is refused; one outside the rule passes', () => {
    const { remote, work } = policyServer(CRYPTO_POLICY);
    // Qwen writes an implementation on an orphan branch: allowed there (not under src/crypto).
    work.git(['checkout', '-q', '--orphan', 'impl']);
    work.git(['rm', '-rqf', '.']);
    work.commit(`feat: aes implementation\n\n${QWEN_TRAILER}\n`, { 'aes.ts': 'export const encrypt = (k, d) => (k ? real(k, d) : d);\n' });
    const impl = work.git(['rev-parse', 'HEAD']);
    expect(tryGit(work.dir, ['push', '-q', '--no-verify', 'origin', 'impl']).code).toBe(0);
    work.git(['checkout', '-q', '-b', 'feature', 'main']);
    const sha = submodule(work, 'src/crypto/impl', impl, remote.dir);
    // `git clone --recurse-submodules` shows Qwen's aes.ts at src/crypto/impl/aes.ts.
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'feature']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toMatch(/remote: .*submodule/);
    expect(branches(remote)).not.toContain('refs/heads/feature');
    const check = aitrail(work.dir, ['check', `main..feature`, '--format', 'json']);
    expect(check.code, check.stderr).toBe(1);
    expect(JSON.parse(check.stdout).violations).toEqual([expect.objectContaining({ sha, rule: 'path-submodule', path: 'src/crypto/impl', setting: 'policy.paths[0].files' })]);
    // Above the directory the rule names: the submodule's own crypto/ would sit at src/crypto/.
    work.git(['checkout', '-q', '-b', 'above', 'main']);
    submodule(work, 'src', impl, remote.dir);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'above']).code).not.toBe(0);
    // A submodule out of every rule's reach is a person's ordinary commit.
    work.git(['checkout', '-q', '-b', 'vendor', 'main']);
    submodule(work, 'vendor/impl', impl, remote.dir);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'vendor']).code).toBe(0);
  });
});

describe('a negated model glob', () => {
  it('allow: ["!qwen*"] ("any model but Qwen") refuses Qwen at pre-receive and in check; deny: ["!anthropic"] spares Claude', () => {
    const { remote, work, base } = policyServer('policy:\n  allow: ["!qwen*"]\n');
    work.git(['checkout', '-q', '-b', 'feature']);
    work.commit(`feat: parser\n\n${QWEN_TRAILER}\n`, { 'src/parser.ts': 'x\n' });
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'feature']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toMatch(/remote: .*qwen\/qwen3-coder/);
    expect(branches(remote)).toBe('refs/heads/main');
    const check = aitrail(work.dir, ['check', `${base}..feature`, '--format', 'json']);
    expect(check.code, check.stderr).toBe(1);
    expect(JSON.parse(check.stdout).violations).toContainEqual(expect.objectContaining({ rule: 'model-not-allowed', model: 'qwen/qwen3-coder' }));
    // The same negation in deny: every model but Anthropic's is denied, Anthropic's is not.
    const claude = policyServer('policy:\n  deny: ["!anthropic"]\n');
    claude.work.commit('feat: claude\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n', { 'a.ts': 'a\n' });
    expect(tryGit(claude.work.dir, ['push', '--no-verify', 'origin', 'main']).code).toBe(0);
    claude.work.commit(`feat: qwen\n\n${QWEN_TRAILER}\n`, { 'b.ts': 'b\n' });
    expect(tryGit(claude.work.dir, ['push', '--no-verify', 'origin', 'main']).code).not.toBe(0);
  });
});

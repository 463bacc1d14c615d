import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { committed, CRYPTO_PATH_POLICY, policyServer, QWEN_KEY, tryGit } from '../helpers/enforce-repos.js';
import type { TestRepo } from '../helpers/gitdir.js';

// Session 23 (red team, the insider with a denied model against the four layers): ways to land
// Qwen's lines under a protected path, or Qwen's commit on a branch, that were not rows yet.

const QWEN_DECLARED = 'Assisted-by: qwen-code:qwen/qwen3-coder';
const PATH_POLICY = CRYPTO_PATH_POLICY;

/** `git merge --no-commit` of `branches` into the branch checked out, then `resolve` edits the work tree and the merge is committed as a person's. */
function mergeWith(work: TestRepo, branches: string[], resolve: () => void, message = "Merge branch 'key'\n"): string {
  tryGit(work.dir, ['merge', '-q', '--no-commit', '--no-ff', ...branches]);
  resolve();
  work.git(['add', '-A']);
  const made = tryGit(work.dir, ['commit', '-q', '--no-verify', '-F', '-'], { input: message });
  if (made.code !== 0) throw new Error(made.stderr);
  return work.git(['rev-parse', 'HEAD']);
}

describe('an evil merge: the resolution copies a file of the merged side into a protected path', () => {
  it('a person’s merge that copies Qwen’s lib/key.ts (only on the merged side) into src/crypto is refused by check and pre-receive, naming Qwen’s commit', () => {
    const { remote, work, base } = policyServer(PATH_POLICY);
    work.git(['checkout', '-q', '-b', 'key', 'main']);
    const qwen = committed(work, `feat: key derivation\n\n${QWEN_DECLARED}\n`, { 'lib/key.ts': QWEN_KEY });
    work.git(['checkout', '-q', 'main']);
    committed(work, 'docs: main moves on\n', { 'README.md': 'main moves on\n' });
    // The copy is the merge's own work: its first parent lacks lib/key.ts, its second holds it unchanged.
    mergeWith(work, ['key'], () => work.write('src/crypto/key.ts', QWEN_KEY));
    const check = aitrail(work.dir, ['check', `${base}..main`, '--format', 'json']);
    expect(check.code, `${check.stdout}${check.stderr}`).toBe(1);
    const violations = (JSON.parse(check.stdout) as { violations: Array<{ sha: string; rule: string; model: string }> }).violations;
    expect(violations.map(({ sha, rule, model }) => ({ sha, rule, model }))).toContainEqual({ sha: qwen, rule: 'path-model-denied', model: 'qwen/qwen3-coder' });
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'main']);
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain(`error   ${qwen.slice(0, 12)} `);
    expect(remote.git(['rev-parse', 'refs/heads/main'])).toBe(base);
  });

  it('an octopus merge copying from its third parent is refused too; a merge whose resolution writes a person’s own lines there passes', () => {
    const { remote, work, base } = policyServer(PATH_POLICY);
    work.git(['checkout', '-q', '-b', 'key', 'main']);
    const qwen = committed(work, `feat: key derivation\n\n${QWEN_DECLARED}\n`, { 'lib/key.ts': QWEN_KEY });
    work.git(['checkout', '-q', '-b', 'docs', 'main']);
    committed(work, 'docs: usage\n', { 'docs/usage.md': 'usage\n' });
    work.git(['checkout', '-q', 'main']);
    committed(work, 'docs: main moves on\n', { 'README.md': 'main moves on\n' });
    const octopus = mergeWith(work, ['docs', 'key'], () => work.write('src/crypto/key.ts', QWEN_KEY), "Merge branches 'docs' and 'key'\n");
    expect(work.git(['rev-list', '--parents', '-n', '1', octopus]).split(' ')).toHaveLength(4);
    const check = aitrail(work.dir, ['check', `${base}..main`, '--format', 'json']);
    expect(check.code, `${check.stdout}${check.stderr}`).toBe(1);
    expect(JSON.parse(check.stdout).violations.map((violation: { sha: string }) => violation.sha)).toContain(qwen);
    // Control: the same merge, its resolution a person's own code under src/crypto.
    work.git(['reset', '-q', '--hard', 'HEAD^']);
    mergeWith(work, ['docs', 'key'], () => work.write('src/crypto/key.ts', 'export function hkdf(input: Uint8Array): Uint8Array { return expandTheKeyMaterialByHand(input); }\n'), "Merge branches 'docs' and 'key'\n");
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'main']);
    expect(push.code, push.stderr).toBe(0);
    expect(remote.git(['rev-parse', 'refs/heads/main'])).toBe(work.git(['rev-parse', 'HEAD']));
  });
});

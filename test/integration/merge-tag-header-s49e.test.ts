// Red team, session 49 helper e (row s49e-3): a signed tag's declaration carried only in a merge's
// `mergetag` header. `git merge <signed tag>` keeps the tag whole in the merge commit (a kernel pull);
// its message says `Assisted-by: qwen-code:qwen/qwen3-coder` of the history merged. Merged with a
// message of one's own (`git merge -m`), no `git log` format shows the header, and `check` and
// pre-receive passed the merge and the commits it brought under `deny: ["qwen/*"]`, while the same
// tag pushed as a tag is refused (row 823). Replayed with real SSH signing on a real bare server.
// This test failed before its fix (src/git/log.ts withMergeTags, detect/commit.ts fromMergeTags).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { policyServer, tryGit } from '../helpers/enforce-repos.js';
import { tempDir, type TestRepo } from '../helpers/gitdir.js';

/** On a branch from main: a person's commit, signed tag `name` of it saying `tagMessage`, merged into `branch` by `git merge -m`. The merge's id. */
function mergedSignedTag(work: TestRepo, name: string, tagMessage: string, branch: string): string {
  work.git(['checkout', '-q', '-b', `${name}-side`, 'main']);
  work.write(`src/${name}.ts`, `export const ${name} = 1;\n`);
  work.git(['add', '-A']);
  work.git(['commit', '-q', '--no-verify', '-m', `feat: ${name}`]);
  work.git(['tag', '-s', name, '-F', '-'], { input: tagMessage });
  work.git(['checkout', '-q', '-b', branch, 'main']);
  const merged = tryGit(work.dir, ['-c', 'gpg.ssh.allowedSignersFile=/dev/null', 'merge', '-q', '--no-ff', '--no-verify', '-m', `Merge ${name}`, name]);
  expect(merged.code, merged.stderr).toBe(0);
  const sha = work.git(['rev-parse', 'HEAD']);
  expect(work.git(['cat-file', '-p', sha])).toContain(`mergetag object`);
  work.git(['checkout', '-q', 'main']);
  return sha;
}

describe("a signed tag's declaration in a merge's mergetag header (row s49e-3)", () => {
  it('is read by check and pre-receive; a tag of an allowed model or of none still passes', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    const key = join(tempDir('aitrail-key-'), 'id');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'test', '-f', key]);
    work.git(['config', 'gpg.format', 'ssh']);
    work.git(['config', 'user.signingkey', key]);

    const merge = mergedSignedTag(work, 'qwen', 'release q\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', 'take-qwen');
    expect(work.git(['log', '-1', '--format=%B', merge])).not.toContain('Assisted-by');
    const check = aitrail(work.dir, ['check', 'main..take-qwen', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    const found = (JSON.parse(check.stdout) as { violations: Array<{ sha: string; model: string }> }).violations;
    expect(found).toMatchObject([{ sha: merge, model: 'qwen/qwen3-coder' }]);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'take-qwen']);
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain(`error   ${merge.slice(0, 12)} `);
    expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).not.toContain('take-qwen');

    mergedSignedTag(work, 'claude', 'release c\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n', 'take-claude');
    mergedSignedTag(work, 'plain', 'release p\n\nThe parser, by hand.\n', 'take-plain');
    for (const branch of ['take-claude', 'take-plain']) {
      const passed = tryGit(work.dir, ['push', '--no-verify', 'origin', branch]);
      expect(passed.code, `${branch}: ${passed.stderr}`).toBe(0);
    }
    const log = aitrail(work.dir, ['log', 'main..take-claude', '--format', 'json']);
    expect(log.stdout).toContain('merged signed tag: ');
  }, 120_000);
});

// Red team, session 49 helper e (row 920): a signed tag's declaration carried only in a merge's
// `mergetag` header. `git merge <signed tag>` keeps the tag whole in the merge commit (a kernel pull);
// its message says `Assisted-by: qwen-code:qwen/qwen3-coder` of the history merged. Merged with a
// message of one's own (`git merge -m`), no `git log` format shows the header, and `check` and
// pre-receive passed the merge and the commits it brought under `deny: ["qwen/*"]`, while the same
// tag pushed as a tag is refused (row 823). Replayed with real SSH signing on a real bare server.
// This test failed before its fix (src/git/log.ts withMergeTags, detect/commit.ts fromMergeTags).
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { policyServer, tryGit } from '../helpers/enforce-repos.js';
import { mergedSignedTag, sshSigning } from '../helpers/signed-tags.js';

describe("a signed tag's declaration in a merge's mergetag header (row 920)", () => {
  it('is read by check and pre-receive; a tag of an allowed model or of none still passes', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    sshSigning(work);

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

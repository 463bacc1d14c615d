// Review, session 49 helper m (row 927): a merge's `mergetag` header read as git reads a signed
// tag. Row 920 cut each merged tag's message at its FIRST line that opens a signature; git's
// parse_signed_buffer takes the LAST (the signature `git tag -s` appends). A tag whose message writes
// `-----BEGIN PGP SIGNATURE-----` above its `Assisted-by: qwen-code:qwen/qwen3-coder` is signed by
// `git tag -s` all the same, and `git merge` writes its mergetag header, declaration and all; merged
// with `git merge -m`, `check` and a real bare server's pre-receive passed it under `deny: ["qwen/*"]`.
// This test failed before its fix (src/git/log.ts mergeTagMessages now uses core/tag-signature.ts
// withoutTagSignature, row 823's reading of a pushed tag). Row 930, below: the same tag's
// message past 20,000 lines (detect/commit.ts fromMergeTags now adds pastLimits, as for a message).
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { policyServer, tryGit } from '../helpers/enforce-repos.js';
import { mergedSignedTag, sshSigning } from '../helpers/signed-tags.js';

describe("a merged signed tag's message past a signature-looking line (row 927)", () => {
  it('is read to its real signature by check and pre-receive; the signature itself is still no message', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    sshSigning(work);
    const merge = mergedSignedTag(work, 'qwen', 'release q\n\n-----BEGIN PGP SIGNATURE-----\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', 'take-qwen');
    expect(work.git(['cat-file', '-p', merge])).toContain(' Assisted-by: qwen-code:qwen/qwen3-coder\n -----BEGIN SSH SIGNATURE-----');
    const check = aitrail(work.dir, ['check', 'main..take-qwen', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    expect((JSON.parse(check.stdout) as { violations: Array<{ sha: string; model: string }> }).violations).toMatchObject([{ sha: merge, model: 'qwen/qwen3-coder' }]);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'take-qwen']);
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain(`error   ${merge.slice(0, 12)} `);
    expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).not.toContain('take-qwen');

    // A person's signed tag: its real SSH signature (base64 that could spell anything) is no declaration.
    mergedSignedTag(work, 'plain', 'release p\n\nThe parser, by hand.\n', 'take-plain');
    const log = aitrail(work.dir, ['log', 'main..take-plain', '--format', 'json']);
    expect(log.stdout).toContain('"ai":false');
    const passed = tryGit(work.dir, ['push', '--no-verify', 'origin', 'take-plain']);
    expect(passed.code, passed.stderr).toBe(0);
  }, 120_000);

  // Row 930: a merged tag's message past the body readers' 20,000 lines was read by none of them.
  it('past 20,000 lines, a declaration before a closing paragraph is unread and refused, as in a message', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    sshSigning(work);
    const notes = Array.from({ length: 30_000 }, (_, at) => `line ${at} of the release notes`).join('\n');
    const merge = mergedSignedTag(work, 'long', `release l\n\n${notes}\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n\nThanks to all who tested it.\n`, 'take-long');
    const check = aitrail(work.dir, ['check', 'main..take-long', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    expect((JSON.parse(check.stdout) as { violations: Array<{ sha: string; rule: string }> }).violations).toContainEqual(expect.objectContaining({ sha: merge, rule: 'unread-declarations' }));
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'take-long']);
    expect(push.code, push.stderr).not.toBe(0);
    expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).not.toContain('take-long');
    // 30,000 lines of a person's notes that declare nothing: still no AI.
    mergedSignedTag(work, 'notes', `release n\n\n${notes}\n\nThanks to all who tested it.\n`, 'take-notes');
    const passed = tryGit(work.dir, ['push', '--no-verify', 'origin', 'take-notes']);
    expect(passed.code, passed.stderr).toBe(0);
  }, 120_000);
});
